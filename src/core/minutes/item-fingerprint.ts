/**
 * What makes two items "the same minutes" across layouts: their minutes text with spacing, quotes
 * and case folded (numbering is already gone). Titles are never compared: "Working Group Update"
 * recurs every year. An item with no minutes is known by its resolution instead.
 */
import type { MeetingItem } from '../model/model.js';
import { ItemMemo } from './item-memo.js';
import { fingerprintText } from './text-cleaning.js';

const fingerprints = new ItemMemo((item) =>
  fingerprintText(item.minutes.length > 0 ? item.minutes.join(' ') : (item.resolution?.text ?? '')),
);

export function itemFingerprint(item: Pick<MeetingItem, 'minutes' | 'resolution'>): string {
  return fingerprints.of(item);
}

/** True only for items with text that is the same; two empty items are not the same item. */
export function haveSameMinutes(
  a: Pick<MeetingItem, 'minutes' | 'resolution'>,
  b: Pick<MeetingItem, 'minutes' | 'resolution'>,
): boolean {
  const fingerprint = itemFingerprint(a);
  return fingerprint !== '' && fingerprint === itemFingerprint(b);
}
