/**
 * Item-level merging: when two items are one (same code in the same meeting, or the same minutes
 * text), and what the merged item keeps: the first item's text, every source, link and presenter.
 * A title alone never makes two items one: titles such as "Working Group Update" recur every year.
 */
import type { Meeting, MeetingItem, Source } from '../model/model.js';
import { haveSameMinutes } from './item-fingerprint.js';

function union<T>(a: readonly T[], b: readonly T[], key: (t: T) => string = (t) => JSON.stringify(t)): T[] {
  const seen = new Set(a.map(key));
  return [...a, ...b.filter((t) => !seen.has(key(t)))];
}

function sourceKey(source: Source): string {
  return `${source.doc}#${source.ref ?? ''}`;
}

export function unionSources(a: readonly Source[], b: readonly Source[]): Source[] {
  return union(a, b, sourceKey);
}

export function unionIds(a: readonly string[], b: readonly string[]): string[] {
  return union(a, b, (id) => id);
}

export function isSameItem(a: MeetingItem, b: MeetingItem): boolean {
  return (a.code !== undefined && a.code === b.code) || haveSameMinutes(a, b);
}

/** `into` with what `from` adds; the text already stored wins, gaps are filled. */
export function absorbItem(into: MeetingItem, from: MeetingItem): MeetingItem {
  const code = into.code ?? from.code;
  const resolution = into.resolution ?? from.resolution;
  return {
    ...into,
    ...(code ? { code } : {}),
    minutes: into.minutes.length > 0 ? into.minutes : from.minutes,
    ...(resolution ? { resolution } : {}),
    presenters: unionIds(into.presenters, from.presenters),
    links: unionIds(into.links, from.links),
    sources: unionSources(into.sources, from.sources),
  };
}

function uniqueItemId(wanted: string, items: readonly MeetingItem[]): string {
  let id = wanted;
  for (let n = 2; items.some((i) => i.id === id); n++) id = `${wanted}-${n}`;
  return id;
}

/** Adds `item` to `meeting`: absorbed by its twin if the meeting has one, else appended with a free id. */
export function addItemToMeeting(
  meeting: Meeting,
  item: MeetingItem,
): { meeting: Meeting; matched: MeetingItem | undefined } {
  const twin = meeting.items.find((existing) => isSameItem(existing, item));
  if (twin) {
    const items = meeting.items.map((existing) => (existing === twin ? absorbItem(existing, item) : existing));
    return { meeting: { ...meeting, items }, matched: twin };
  }
  const appended = { ...item, id: uniqueItemId(item.id, meeting.items) };
  return { meeting: { ...meeting, items: [...meeting.items, appended] }, matched: undefined };
}
