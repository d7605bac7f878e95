/**
 * Turns a raw layout reading into the domain records: the meeting with its date, items,
 * minutes paragraphs, RESOLVED text (with its lettered parts), presenters, links, attendance
 * and apologies; the planned dates the minutes list; and everyone named, with their roles.
 */
import { createHash } from 'node:crypto';
import type { Meeting, MeetingItem, Person, Source } from '../model.js';
import { readDateText, readTimeText } from './read-dates.js';
import { findNames, findNamesInList, findRoles } from './person-names.js';
import { PeopleRegistry } from './people-registry.js';
import type { RawDocument, RawItem } from './read-layouts.js';
import type { Layout } from './detect-layout.js';

export interface ParsedDocument {
  file: string;
  layout: Layout;
  meeting: Meeting | null;
  plannedMeetings: Meeting[];
  people: Person[];
  warnings: string[];
}

const PRESENTING = /^\s*(?:introduced|presented|gave|provided|updated|delivered|outlined)\b/;
const LETTERED = /^\s*\(?([a-z]|i{1,3}|iv|v|vi)\)\s+(.+)$/;

export function normaliseText(text: string): string {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\s\u00A0]+/g, ' ')
    .trim();
}

/** Body initials for ids: "Kent Community Safety Partnership" -> "kcsp". */
export function bodyInitials(body: string): string {
  return body
    .split(/\s+/)
    .filter((w) => w && !/^(of|and|the|for|&)$/i.test(w))
    .map((w) => w.charAt(0).toLowerCase())
    .join('');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

interface ItemText {
  minutes: string[];
  resolution?: { text: string; parts: string[] };
  bullets: string[];
}

/** Paragraphs (numbering removed, page breaks joined), bullets, and the RESOLVED block. */
export function readItemText(lines: readonly string[]): ItemText {
  const minutes: string[] = [];
  const bullets: string[] = [];
  let resolution: { text: string; parts: string[] } | undefined;
  let last: 'para' | 'resolved' | 'part' | 'bullet' | null = null;
  for (const raw of lines) {
    const line = normaliseText(raw);
    if (line === '' || /^(additional|supporting) documents:?$/i.test(line) || /^minutes:$/i.test(line)) continue;
    const numbered = /^\d{1,2}\.\s+(.*)$/.exec(line);
    const resolved = /^RESOLVED\b[:\s-]*(.*)$/.exec(line);
    const lettered = resolution ? LETTERED.exec(line) : null;
    const bullet = /^[-•*]\s+(.*)$/.exec(line);
    if (resolved) {
      resolution = { text: resolved[1] ?? '', parts: [] };
      last = 'resolved';
    } else if (lettered?.[2] && resolution) {
      resolution.parts.push(lettered[2]);
      resolution.text = `${resolution.text} ${lettered[1]}) ${lettered[2]}`.trim();
      last = 'part';
    } else if (bullet?.[1]) {
      bullets.push(bullet[1]);
      last = 'bullet';
    } else if (numbered) {
      minutes.push(numbered[1] ?? '');
      last = 'para';
    } else if (last === 'resolved' && resolution) {
      resolution.text = `${resolution.text} ${line}`.trim();
    } else if (last === 'para' && minutes.length > 0 && (!/[.!?:"')]$/.test(minutes.at(-1) ?? '') || /^[a-z]/.test(line))) {
      minutes[minutes.length - 1] = `${minutes.at(-1)} ${line}`;
    } else {
      minutes.push(line);
      last = 'para';
    }
  }
  return { minutes, bullets, ...(resolution ? { resolution } : {}) };
}

function meetingIdFor(body: string, date: string | null, minutesText: string): string {
  if (date) return `${bodyInitials(body)}-${date}`;
  return `undated-${createHash('sha1').update(minutesText).digest('hex').slice(0, 8)}`;
}

function linksIn(lines: readonly string[]): string[] {
  return [...new Set(lines.join('\n').match(/https?:\/\/[^\s<>)"]+/g) ?? [])];
}

export function buildDocument(raw: RawDocument, file: string): ParsedDocument {
  const people = new PeopleRegistry();
  const docSource: Source = { doc: file };
  const warnings = [...raw.warnings];

  for (const line of raw.authorLines) {
    for (const role of findRoles(line)) {
      const id = people.resolve(role.mention, docSource);
      if (id) people.addRole(id, { ...(role.title ? { title: role.title } : {}), ...(role.organisation ? { organisation: role.organisation } : {}) }, docSource);
    }
  }
  if (raw.layout === 'report') return { file, layout: raw.layout, meeting: null, plannedMeetings: [], people: people.all(), warnings };

  const date = raw.when ? readDateText(raw.when) : null;
  const time = raw.when ? readTimeText(raw.when) : null;
  if (raw.layout !== 'agenda-item' && !date) warnings.push('no meeting date found in the header: the meeting is kept as undated');
  const body = raw.body ? titleCase(raw.body) : bodyFromTitle(raw.items[0]?.title) ?? 'Unknown body';

  const meeting: Meeting = { id: '', body, date, status: date ? 'held' : 'undated', present: [], apologies: [], items: [], sources: [docSource] };
  if (time) meeting.time = time;
  if (raw.venue) meeting.venue = raw.venue;
  if (raw.present) readPresent(raw.present, meeting, people, { doc: file, ref: 'PRESENT' }, date);

  const planned: Meeting[] = [];
  const usedIds = new Set<string>();
  for (const rawItem of raw.items) {
    const item = buildItem(rawItem, file, people, date, meeting, usedIds);
    meeting.items.push(item.item);
    if (/\bdates?\b.*\bmeetings?\b|\bmeetings?\b.*\bdates?\b|\bfuture meetings?\b/i.test(rawItem.title)) {
      planned.push(...item.bullets.flatMap((b) => plannedMeeting(b, body, { doc: file, ref: rawItem.code ?? rawItem.title })));
    }
    if (!item.item.resolution) warnings.push(`item "${item.item.title}" has no RESOLVED text`);
  }
  meeting.id = meetingIdFor(body, date, meeting.items.map((i) => i.minutes.join(' ')).join(' '));
  return { file, layout: raw.layout, meeting, plannedMeetings: planned, people: people.all(), warnings };
}

function buildItem(raw: RawItem, file: string, people: PeopleRegistry, date: string | null, meeting: Meeting, used: Set<string>): { item: MeetingItem; bullets: string[] } {
  const text = readItemText(raw.lines);
  let id = raw.code ?? slug(raw.title);
  for (let n = 2; used.has(id); n++) id = `${raw.code ?? slug(raw.title)}-${n}`;
  used.add(id);
  const source: Source = { doc: file, ref: raw.code ?? raw.title };
  const presenters: string[] = [];
  const prose = [...text.minutes, ...text.bullets];
  for (const paragraph of prose) {
    for (const role of findRoles(paragraph)) {
      const pid = people.resolve(role.mention, source);
      if (pid) people.addRole(pid, { ...(role.title ? { title: role.title } : {}), ...(role.organisation ? { organisation: role.organisation } : {}), ...(date ? { asOf: date } : {}) }, source);
    }
    for (const mention of findNames(paragraph)) {
      const pid = people.resolve(mention, source);
      const after = paragraph.slice(mention.index + mention.text.length).replace(/^\s*\([^)]*\)|^,[^,]{0,140},/, '');
      if (pid && PRESENTING.test(after) && !presenters.includes(pid)) presenters.push(pid);
    }
    const apologies = /apologies (?:for absence )?(?:were|was) (?:received|given|submitted|noted) from\s+(.+)$/i.exec(paragraph);
    if (apologies?.[1]) {
      for (const mention of findNamesInList(apologies[1])) {
        const pid = people.resolve(mention, { doc: file, ref: raw.code ?? raw.title });
        if (pid && !meeting.apologies.includes(pid)) meeting.apologies.push(pid);
      }
    }
  }
  const item: MeetingItem = {
    id,
    ...(raw.code ? { code: raw.code } : {}),
    title: raw.title,
    minutes: text.minutes,
    ...(text.resolution ? { resolution: text.resolution } : {}),
    presenters,
    links: linksIn(raw.lines),
    sources: [source],
  };
  return { item, bullets: text.bullets };
}

function readPresent(list: string, meeting: Meeting, people: PeopleRegistry, source: Source, date: string | null): void {
  for (const mention of findNamesInList(list)) {
    const id = people.resolve(mention, source);
    if (!id) continue;
    meeting.present.push(id);
    const after = list.slice(list.indexOf(mention.text) + mention.text.length);
    const office = /^\s*\((Vice[- ]?Chair(?:man)?|Chair(?:man)?)\)/i.exec(after)?.[1];
    if (!office) continue;
    const isVice = /^vice/i.test(office);
    if (isVice) meeting.viceChairId = id;
    else meeting.chairId = id;
    people.addRole(id, { title: isVice ? 'Vice-Chair' : 'Chair', organisation: meeting.body, ...(date ? { asOf: date } : {}) }, source);
  }
}

function plannedMeeting(text: string, body: string, source: Source): Meeting[] {
  const date = readDateText(text);
  const month = date ? undefined : /\b(January|February|March|April|May|June|July|August|September|October|November|December)\s+((?:19|20)\d\d)\b/i.exec(text);
  if (!date && !month) return [];
  const isoMonth = month ? `${month[2]}-${String(monthNumber(month[1] ?? '')).padStart(2, '0')}` : undefined;
  const note = /\(([^)]+)\)/.exec(text)?.[1];
  return [
    {
      id: `${bodyInitials(body)}-${date ?? isoMonth}`,
      body,
      date,
      ...(isoMonth ? { month: isoMonth } : {}),
      status: 'planned',
      ...(note ? { note } : {}),
      present: [],
      apologies: [],
      items: [],
      sources: [source],
    },
  ];
}

function monthNumber(name: string): number {
  return ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].indexOf(name.toLowerCase()) + 1;
}

function titleCase(text: string): string {
  if (text !== text.toUpperCase()) return text.trim();
  return text.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\b(And|Of|The|For)\b/g, (w) => w.toLowerCase()).trim();
}

/** "Kent Community Safety Partnership Working Group Update" names its body; other titles do not. */
function bodyFromTitle(title: string | undefined): string | undefined {
  return /^(.*?\b(?:Partnership|Committee|Board|Panel|Group))\b/.exec(title ?? '')?.[1]?.match(/^(.*?\b(?:Partnership|Committee|Board|Panel))\b/)?.[1];
}
