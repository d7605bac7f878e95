/**
 * Reads each published layout into one raw shape: the meeting header (body, date text, venue,
 * PRESENT list) and the items, each with its code where the page gives one, title and lines.
 * What the lines mean (paragraphs, RESOLVED, apologies, people) is worked out afterwards, the
 * same way for every layout.
 */
import type { Layout } from './detect-layout.js';

export interface RawItem {
  code?: string;
  title: string;
  /** 1-based line of the title in the file, for messages. */
  line: number;
  lines: string[];
}

export interface RawDocument {
  layout: Layout;
  body?: string;
  /** The header text holding the date and time, as written. */
  when?: string;
  venue?: string;
  present?: string;
  items: RawItem[];
  /** "By: Anna Taylor, Scrutiny Research Officer" and the like, for reports. */
  authorLines: string[];
  warnings: string[];
}

const ITEM_CODE = /^([A-Z]\d{1,2})\.?\s+(.+)$/;
const PDF_TAIL = /\s*pdf icon\s*PDF\s*[\d.]+\s*[KM]B\s*$/i;
const NUMBERED = /^\s*\d{1,2}\.\s+\S/;
const RESOLVED = /^\s*RESOLVED\b/;

function titleAndCode(text: string): { code?: string; title: string } {
  const title = text.replace(PDF_TAIL, '').replace(/\*\*/g, '').replace(/\s+/g, ' ').trim();
  const coded = ITEM_CODE.exec(title);
  return coded?.[1] && coded[2] ? { code: coded[1], title: coded[2] } : { title };
}

function isBlank(line: string): boolean {
  return line.replace(/[\s\u00A0]/g, '') === '';
}

export function readAgendaItemPage(lines: readonly string[]): RawDocument {
  const start = lines.findIndex((l) => /^\s*agenda item\s*$/i.test(l));
  const titleAt = lines.findIndex((l, i) => i > start && !isBlank(l));
  const minutesAt = lines.findIndex((l, i) => i > titleAt && /^\s*minutes:\s*$/i.test(l));
  const endAt = lines.findIndex((l, i) => i > titleAt && /^\s*supporting documents:\s*$/i.test(l));
  const warnings = ['the page gives no meeting date: the item is kept as undated'];
  if (endAt < 0) warnings.push('the page ends without "Supporting documents:": it may be cut off');
  const body = lines.slice((minutesAt >= 0 ? minutesAt : titleAt) + 1, endAt >= 0 ? endAt : lines.length);
  return {
    layout: 'agenda-item',
    items: [{ ...titleAndCode(lines[titleAt] ?? ''), line: titleAt + 1, lines: body }],
    authorLines: [],
    warnings,
  };
}

export function readMinutesPage(lines: readonly string[]): RawDocument {
  const headerAt = lines.findIndex((l, i) => i > 0 && / - /.test(l) && /\b(19|20)\d\d\b/.test(l));
  const header = lines[headerAt] ?? '';
  const dash = header.indexOf(' - ');
  const venue = lines.map((l) => /^\s*Venue:\s*(.+?)\s*$/i.exec(l)?.[1]).find(Boolean);
  const startAt = lines.findIndex((l) => /^\s*No\.?\s+Item\s*$/i.test(l));
  const from = startAt >= 0 ? startAt + 1 : Math.max(headerAt + 1, lines.findIndex((l) => /^\s*Contact:/i.test(l)) + 1);
  const items: RawItem[] = [];
  let current: RawItem | undefined;
  let expectingTitle = true;
  let pendingNumber = false;
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (isBlank(line)) continue;
    const trimmed = line.trim();
    if (/^\d{1,3}\.?$/.test(trimmed)) {
      pendingNumber = true;
      continue;
    }
    if (pendingNumber || PDF_TAIL.test(trimmed) || (expectingTitle && startsItem(trimmed)) || looksLikeTitle(lines, i)) {
      current = { ...titleAndCode(trimmed), line: i + 1, lines: [] };
      items.push(current);
      expectingTitle = false;
      pendingNumber = false;
      continue;
    }
    if (!current) continue;
    current.lines.push(line);
    if (RESOLVED.test(line)) expectingTitle = true;
    else if (expectingTitle && !/^\s*\(?[a-z]\)\s/.test(line)) expectingTitle = false;
  }
  return {
    layout: 'minutes-page',
    ...(dash > 0 ? { body: header.slice(0, dash).trim(), when: header.slice(dash + 3).trim() } : {}),
    ...(venue ? { venue } : {}),
    items,
    authorLines: [],
    warnings: items.length === 0 ? ['no items found on the minutes page'] : [],
  };
}

function startsItem(line: string): boolean {
  return !NUMBERED.test(line) && !RESOLVED.test(line) && !/^\s*[-•*]\s/.test(line) && !/^\s*\(?[a-z]\)\s/.test(line) && !/^additional documents:?$/i.test(line);
}

/** A short line without a full stop, followed by numbered minutes or a RESOLVED line, is an item title. */
function looksLikeTitle(lines: readonly string[], i: number): boolean {
  const line = (lines[i] ?? '').trim();
  if (line.length > 110 || /[.:;,]$/.test(line) || !/^[A-Z]/.test(line) || !startsItem(line)) return false;
  const next = lines.slice(i + 1).find((l) => !isBlank(l)) ?? '';
  return NUMBERED.test(next) || RESOLVED.test(next) || /^\s*additional documents:?\s*$/i.test(next);
}

function stripMarkdown(line: string): string {
  return line
    .replace(/<sup>(.*?)<\/sup>/gi, '$1')
    .replace(/<[^>]+>/g, (tag) => (/^<https?:/i.test(tag) ? tag.slice(1, -1) : ''))
    .replace(/\*\*|__/g, '')
    .replace(/\\([.\-*_#()[\]])/g, '$1');
}

export function readMarkdownNotes(lines: readonly string[]): RawDocument {
  const clean = lines.map(stripMarkdown);
  const notesAt = clean.findIndex((l) => /^\s*(NOTES|MINUTES) of (a|the) meeting\b/i.test(l));
  const notes = clean[notesAt] ?? '';
  const ofBody = /meeting of (?:the )?(.+?) held\b/i.exec(notes)?.[1];
  const venue = /\bheld (?:at |in )?(.+?) on\b/i.exec(notes)?.[1];
  const when = [notes.replace(/^.*\bon\s+/i, ''), ...clean.slice(0, notesAt).filter((l) => /\b(19|20)\d\d\b/.test(l))].join(' ');
  const presentAt = clean.findIndex((l) => /^\s*PRESENT\s*:/i.test(l));
  const presentLines: string[] = [];
  for (let i = presentAt; presentAt >= 0 && i < clean.length && !isBlank(clean[i] ?? '') && !/^#/.test(clean[i] ?? ''); i++) presentLines.push(clean[i] ?? '');
  const items: RawItem[] = [];
  let current: RawItem | undefined;
  clean.forEach((line, i) => {
    const heading = /^\s*#{1,6}\s+(.+?)\s*$/.exec(line);
    if (heading?.[1] && i > notesAt) {
      current = { ...titleAndCode(heading[1]), line: i + 1, lines: [] };
      items.push(current);
    } else if (current && !heading) {
      current.lines.push(line);
    }
  });
  return {
    layout: 'markdown-notes',
    ...(ofBody ? { body: ofBody.trim() } : {}),
    when,
    ...(venue ? { venue: venue.trim() } : {}),
    ...(presentLines.length > 0 ? { present: presentLines.join(' ').replace(/^\s*PRESENT\s*:\s*/i, '') } : {}),
    items,
    authorLines: [],
    warnings: items.length === 0 ? ['no item headings found in the notes'] : [],
  };
}

export function readReport(lines: readonly string[]): RawDocument {
  return {
    layout: 'report',
    items: [],
    authorLines: lines.filter((l) => /^\s*(By|From|Author|Contact details)\s*:/i.test(l)).map((l) => l.replace(/^\s*\w+(\s\w+)?\s*:\s*/, '')),
    warnings: ['a committee report, not minutes: only the people it names are imported'],
  };
}
