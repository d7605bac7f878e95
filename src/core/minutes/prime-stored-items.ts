/**
 * What an import reads of every stored item (its fingerprint, to know the same minutes in
 * another layout, and the requests its minutes make, for draft actions) is made once per item and
 * kept. The first import after a start would make it all at once: some 100 ms at 500 meetings,
 * while every partnership's turns wait. Priming makes it beforehand, a few milliseconds at a time.
 */
import type { Meeting } from '../model/model.js';
import { itemRequests } from './draft-actions.js';
import { sameMinutesKey } from './item-fingerprint.js';

/** How long one slice may hold the event loop. */
const SLICE_MS = 5;

export async function primeStoredItems(
  meetings: readonly Meeting[],
  pause: () => Promise<void>,
  sliceMs = SLICE_MS,
): Promise<void> {
  let since = performance.now();
  for (const meeting of meetings)
    for (const item of meeting.items) {
      sameMinutesKey(item);
      itemRequests.of(item);
      if (performance.now() - since > sliceMs) {
        await pause();
        since = performance.now();
      }
    }
}
