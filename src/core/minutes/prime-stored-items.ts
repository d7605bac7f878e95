/**
 * What an import reads of every stored item (its fingerprint, to know the same minutes in
 * another layout, and the requests its minutes make, for draft actions) is made once per item and
 * kept. The first import after a start would make it all at once: some 100 ms at 500 meetings,
 * while every partnership's turns wait. Priming makes it beforehand, one item a step, for a
 * background build's slices (see answers/build-in-slices.ts).
 */
import type { Meeting } from '../model/model.js';
import { itemRequests } from './draft-actions.js';
import { sameMinutesKey } from './item-fingerprint.js';

export function* primeStoredItems(meetings: readonly Meeting[]): Generator<void, void> {
  for (const meeting of meetings)
    for (const item of meeting.items) {
      sameMinutesKey(item);
      itemRequests.of(item);
      yield;
    }
}
