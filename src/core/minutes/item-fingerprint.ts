/**
 * What makes two items "the same minutes" across layouts: their minutes text with spacing, quotes
 * and case folded (numbering is already gone). Titles are never compared: "Working Group Update"
 * recurs every year. An item with no minutes is known by its resolution instead.
 */
import { createHash } from 'node:crypto';
import type { MeetingItem } from '../model/model.js';
import { ItemMemo } from './item-memo.js';
import { fingerprintText } from './text-cleaning.js';

type ItemText = Pick<MeetingItem, 'minutes' | 'resolution'>;

export function itemFingerprint(item: ItemText): string {
  return fingerprintText(item.minutes.length > 0 ? item.minutes.join(' ') : (item.resolution?.text ?? ''));
}

/**
 * Each item's fingerprint as a digest, kept while its text stays the same: an import compares
 * every stored item with every incoming one, and the folding is what costs. A digest, not the
 * folded text, so that what is kept is a few bytes an item, not a second copy of the minutes.
 */
const sameMinutesKeys = new ItemMemo((item) => {
  const fingerprint = itemFingerprint(item);
  return fingerprint === '' ? '' : createHash('sha256').update(fingerprint, 'utf8').digest('base64');
});

/** Equal for items of the same minutes; '' for an item with no text, which is the same as none. */
export function sameMinutesKey(item: ItemText): string {
  return sameMinutesKeys.of(item);
}

/** True only for items with text that is the same; two empty items are not the same item. */
export function haveSameMinutes(a: ItemText, b: ItemText): boolean {
  const key = sameMinutesKey(a);
  return key !== '' && key === sameMinutesKey(b);
}
