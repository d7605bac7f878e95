/**
 * Meeting ids: `<initials of the body>-<date>` ("kcsp-2023-03-21"), `<initials>-<YYYY-MM>` when
 * only the month is known, and `undated-<hash of the minutes>` for an item page with no date, so
 * that the same item imported from another page gets the same placeholder id.
 */
import type { MeetingItem } from '../model/model.js';
import { itemFingerprint } from './item-fingerprint.js';
import { shortHash } from './text-cleaning.js';

export const UNKNOWN_BODY = 'Unknown body';

const MINOR_WORDS = new Set(['of', 'and', 'the', 'for', 'in', 'on', 'at', 'to', '&', 'a', 'an']);

/** "Kent Community Safety Partnership" -> "kcsp". */
export function bodyInitials(body: string): string {
  const initials = body
    .split(/[\s-]+/)
    .filter((word) => word !== '' && !MINOR_WORDS.has(word.toLowerCase()))
    .map((word) => word.charAt(0).toLowerCase())
    .filter((c) => /[a-z0-9]/.test(c))
    .join('');
  return initials || 'meeting';
}

/** `kcsp-2023-03-21` for a date, `kcsp-2023-03` for a month. */
export function datedMeetingId(body: string, dateOrMonth: string): string {
  return `${bodyInitials(body)}-${dateOrMonth}`;
}

/** Hash of the items' minutes text (the title when an item has none), so the same page always gets the same id. */
export function undatedMeetingId(items: readonly MeetingItem[]): string {
  const text = items.map((item) => itemFingerprint(item) || item.title).join('\n');
  return `undated-${shortHash(text)}`;
}
