/**
 * Reads meeting notes converted from a PDF to Markdown: a title heading, a date line, the
 * "NOTES of a meeting of <body> held <venue> on <date>." line, PRESENT and apologies, then items
 * whose headings may sit at any level ("## **A1 Introduction**", "#### **B4 ...**") or be a bold
 * line of their own. Headings without a code are items too, identified by their title.
 */
import { findDate, findTime } from './dates.js';
import { parseNotesLine } from './meeting-header.js';
import type { RawDocument, RawItem, RawLine } from './parsed-document.js';
import { cleanMarkdownInline, findLinks, normaliseWhitespace, titleCaseCapitals } from './text-cleaning.js';
import { splitItemCode } from './item-code.js';

const NOTES_LINE = /^#*\s*(?:NOTES|MINUTES) of (?:a|the) (?:\w+ )?meeting of\b/i;
const HEADING = /^#{1,6}\s+(\S.*)$/;
const BOLD_LINE = /^\*\*([^*]+)\*\*:?$/;
/** Bold lines that label a list or a decision rather than open an item. */
const LABEL = /^(?:PRESENT|ALSO PRESENT|IN ATTENDANCE|APOLOGIES|RESOLVED|AGREED|Action|Minutes)\b/i;
const RULE = /^(?:-{3,}|\*{3,}|_{3,})$/;

function cleanLine(raw: string, line: number): RawLine {
  const text = RULE.test(raw.trim()) ? '' : normaliseWhitespace(cleanMarkdownInline(raw));
  return { text, line, links: findLinks(raw) };
}

/** The item heading's text, or undefined when the line is not one. */
function readItemHeading(raw: string): string | undefined {
  const trimmed = raw.trim();
  const heading = HEADING.exec(trimmed)?.[1] ?? BOLD_LINE.exec(trimmed)?.[1];
  if (heading === undefined) return undefined;
  const title = normaliseWhitespace(cleanMarkdownInline(heading)).replace(/:$/, '');
  if (title === '' || LABEL.test(title)) return undefined;
  const isBoldOnly = !HEADING.test(trimmed);
  if (isBoldOnly && (title.split(' ').length > 15 || /[.;]$/.test(title))) return undefined;
  return title;
}

/** The title heading ("# **KENT COMMUNITY SAFETY PARTNERSHIP**") names the body when the notes line does not. */
function bodyFromTitleHeading(lines: readonly string[], to: number): string | undefined {
  for (const raw of lines.slice(0, to)) {
    const heading = HEADING.exec(raw.trim())?.[1];
    if (heading) {
      const text = normaliseWhitespace(cleanMarkdownInline(heading));
      return text === text.toUpperCase() ? titleCaseCapitals(text) : text;
    }
  }
  return undefined;
}

function readItems(lines: readonly string[], from: number): { header: RawLine[]; items: RawItem[] } {
  const header: RawLine[] = [];
  const items: RawItem[] = [];
  let current: RawItem | undefined;
  for (let i = from; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const title = readItemHeading(raw);
    if (title !== undefined) {
      const { code, title: rest } = splitItemCode(title, true);
      current = { code, title: rest, line: i + 1, lines: [] };
      items.push(current);
    } else {
      (current ? current.lines : header).push(cleanLine(raw, i + 1));
    }
  }
  return { header, items };
}

export function readMarkdownNotes(lines: readonly string[]): RawDocument {
  const notesIndex = lines.findIndex((l) => NOTES_LINE.test(cleanMarkdownInline(l).trim()));
  const notes = parseNotesLine(cleanMarkdownInline(lines[notesIndex] ?? ''));
  const { header, items } = readItems(lines, notesIndex + 1);

  // The date and time may sit on their own line above the notes line ("21st March 2023 at 10:00am").
  const top = lines.slice(0, notesIndex + 1).map((l) => normaliseWhitespace(cleanMarkdownInline(l)));
  const date = notes?.date ?? top.map((l) => findDate(l)?.iso).find((d) => d !== undefined);
  const time = notes?.time ?? top.map((l) => findTime(l)).find((t) => t !== undefined);
  const warnings = date ? [] : ['no meeting date found in the notes: kept as undated'];
  return {
    layout: 'markdown-notes',
    body: notes?.body ?? bodyFromTitleHeading(lines, notesIndex),
    date,
    time,
    venue: notes?.venue,
    header,
    items,
    authors: [],
    warnings,
  };
}
