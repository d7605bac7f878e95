/**
 * What makes two items "the same minutes" across layouts: their minutes text with spacing, quotes
 * and case folded (numbering is already gone). Titles are never compared: "Working Group Update"
 * recurs every year. An item with no minutes is known by its resolution instead.
 */
import type { MeetingItem } from '../model/model.js';
import { fingerprintText } from './text-cleaning.js';

type Fingerprinted = Pick<MeetingItem, 'minutes' | 'resolution'>;

/**
 * Each item's last fingerprint, with the text it was made from. An import compares every stored
 * item with every incoming one, and the folding is what costs (500 meetings: most of an import);
 * joining the text to check that it is the same is cheap.
 */
const made = new WeakMap<Fingerprinted, { text: string; fingerprint: string }>();

export function itemFingerprint(item: Fingerprinted): string {
  const text = item.minutes.length > 0 ? item.minutes.join(' ') : (item.resolution?.text ?? '');
  const known = made.get(item);
  if (known?.text === text) return known.fingerprint;
  const fingerprint = fingerprintText(text);
  made.set(item, { text, fingerprint });
  return fingerprint;
}

/** True only for items with text that is the same; two empty items are not the same item. */
export function haveSameMinutes(
  a: Pick<MeetingItem, 'minutes' | 'resolution'>,
  b: Pick<MeetingItem, 'minutes' | 'resolution'>,
): boolean {
  const fingerprint = itemFingerprint(a);
  return fingerprint !== '' && fingerprint === itemFingerprint(b);
}
