/**
 * Reads a ModernGov "Agenda and minutes" page saved as text: the "Body - Thursday, 24th March,
 * 2022 10.00 am" header, "Venue:", then one item after another. Items carry no codes on these
 * pages (or only a number cell, "2."), so a title is recognised by its shape and place: a short
 * unpunctuated line that carries the "pdf icon PDF 228 KB" tail, opens the page, follows a RESOLVED
 * block or a number cell, is followed by the start of minutes ("1.", "RESOLVED", "Minutes:"), or
 * stands alone after a finished paragraph.
 */
import { parseMeetingHeaderLine, isMeetingHeaderLine } from './meeting-header.js';
import type { RawDocument, RawItem, RawLine } from './parsed-document.js';
import { hasPdfIconTail, isBlankLine, normaliseWhitespace, stripPdfIconTail } from './text-cleaning.js';
import { parseCodeCell, splitItemCode } from './item-code.js';
import { isDateLine } from './planned-meetings.js';
import { readHeaderFacts } from './parse-general-page.js';

const HEADER_LABEL = /^(?:Venue|Contact|Media|Note|Link|Webcast|Committee Members?|Members):/i;
const TABLE_HEADING = /^No\.?\s+Item$/i;
const DOCUMENT_LIST = /^(?:Additional documents|Supporting documents):?$/i;
const MINUTES_LABEL = /^(?:Minutes|Decision):?$/i;
const ITEM_START = /^(?:1[.)]\s|\(1\)\s|RESOLVED\b|Resolved\b|Minutes:?$|Decision:?$|Additional documents:?$|[-•]\s)/;
/** Lines that are paragraphs, list entries or resolution parts, never titles. */
const NOT_A_TITLE = /^(?:\d{1,3}[.)]\s|\(\d{1,3}\)\s|\(?[a-z]\)\s|[a-z]\.\s|[-*•]\s|RESOLVED\b|Resolved\b)/;

function isTitleShaped(text: string): boolean {
  if (NOT_A_TITLE.test(text) || DOCUMENT_LIST.test(text)) return false;
  return /^[A-Z0-9‘'"]/.test(text) && !/[.;:!?,]$/.test(text) && text.split(' ').length <= 20;
}

function nextNonBlank(lines: readonly string[], from: number): string | undefined {
  for (let i = from; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!isBlankLine(line)) return normaliseWhitespace(line);
  }
  return undefined;
}

/** Where the items begin: after "No. Item", else after the header's labelled lines, else after the header line. */
function findFirstItemLine(lines: readonly string[], headerIndex: number): number {
  const window = lines.slice(0, Math.max(headerIndex, 0) + 30).map(normaliseWhitespace);
  const table = window.findIndex((l) => TABLE_HEADING.test(l));
  if (table >= 0) return table + 1;
  let start = headerIndex + 1;
  window.forEach((l, i) => {
    if (i >= headerIndex && HEADER_LABEL.test(l)) start = i + 1;
  });
  return start;
}

function readVenue(lines: readonly string[], to: number): string | undefined {
  for (const line of lines.slice(0, to)) {
    const m = /^Venue: ?(.+?)\.?(?: View directions)?$/i.exec(normaliseWhitespace(line));
    if (m) return m[1];
  }
  return undefined;
}

interface WalkState {
  items: RawItem[];
  preamble: RawLine[];
  current?: RawItem;
  pendingCode?: string;
  afterResolved: boolean;
  inDocumentList: boolean;
  /** The last content line ended a sentence, so what follows may be a new title. */
  afterFullStop: boolean;
}

function startItem(state: WalkState, title: string, line: number, code?: string): void {
  const split = splitItemCode(title);
  state.current = { code: code ?? state.pendingCode ?? split.code, title: split.title, line, lines: [] };
  state.items.push(state.current);
  state.pendingCode = undefined;
  state.afterResolved = false;
  state.inDocumentList = false;
  state.afterFullStop = false;
}

/**
 * Whether a title-shaped line opens a new item here. ModernGov prints each paragraph as one line
 * ending in a full stop, so a short unpunctuated line standing alone after a finished paragraph is a
 * title even when the item before had no RESOLVED ("Declarations of Interest" after apologies).
 */
function opensItem(state: WalkState, lines: readonly string[], index: number, text: string): boolean {
  if (!isTitleShaped(text) || isDateLine(text)) return false;
  if (!state.current || state.afterResolved || state.pendingCode) return true;
  if (ITEM_START.test(nextNonBlank(lines, index + 1) ?? '')) return true;
  const standsAlone = isBlankLine(lines[index - 1] ?? '') && isBlankLine(lines[index + 1] ?? '');
  return state.afterFullStop && standsAlone;
}

function readLine(state: WalkState, lines: readonly string[], index: number): void {
  const raw = lines[index] ?? '';
  const line = index + 1;
  const text = normaliseWhitespace(raw);
  const tabbed = /^([A-Z]{0,2}\d{1,3}[a-z]?)\.?\t+(\S.*)$/.exec(raw.trim());
  if (text === '') {
    state.current?.lines.push({ text: '', line });
  } else if (DOCUMENT_LIST.test(text)) {
    state.inDocumentList = true;
  } else if (hasPdfIconTail(text) && !state.inDocumentList) {
    startItem(state, stripPdfIconTail(text), line);
  } else if (hasPdfIconTail(text)) {
    // an attachment listed under "Additional documents:", not minutes
  } else if (tabbed && (!state.current || state.afterResolved)) {
    startItem(state, normaliseWhitespace(tabbed[2] ?? ''), line, tabbed[1]);
  } else if (parseCodeCell(text) && isTitleShaped(nextNonBlank(lines, index + 1) ?? '')) {
    // The agenda table's number cell ("2.") on its own line, before the title.
    state.pendingCode = parseCodeCell(text);
  } else if (opensItem(state, lines, index, text)) {
    startItem(state, text, line);
  } else if (state.current && MINUTES_LABEL.test(text)) {
    // What came between the title and "Minutes:" is the agenda's description of the item, not minutes.
    state.current.lines = [];
  } else if (state.current) {
    state.current.lines.push({ text: raw, line });
    state.inDocumentList = false;
    // Not after a colon: what follows "received from the following:" is its list, a name a line.
    state.afterFullStop = /[.!?;)"'’”]$/.test(text);
    if (/^(?:RESOLVED|Resolved)\b/.test(text)) state.afterResolved = true;
  } else {
    state.preamble.push({ text: raw, line });
  }
}

/** The "Body - date" line sits at the top; a dash and a date deep in the minutes ("3. Minutes – 29th June 2022") is not it. */
const HEADER_WINDOW = 20;

export function readMinutesPage(lines: readonly string[]): RawDocument {
  const found = lines.findIndex((l) => isMeetingHeaderLine(l) && !/^\s*\d/.test(l));
  const headerIndex = found >= 0 && found < HEADER_WINDOW ? found : -1;
  const first = findFirstItemLine(lines, headerIndex);
  // Without that line, the date and body are read from the lines above the items, as any page's.
  const header =
    headerIndex >= 0
      ? parseMeetingHeaderLine(lines[headerIndex] ?? '')
      : readHeaderFacts(lines.slice(0, first).map((text, i) => ({ text, line: i + 1 })));
  const state: WalkState = {
    items: [],
    preamble: [],
    afterResolved: false,
    inDocumentList: false,
    afterFullStop: false,
  };
  for (let i = first; i < lines.length; i++) readLine(state, lines, i);

  const warnings = header?.date ? [] : ['no meeting date on the minutes page: kept as undated'];
  return {
    layout: 'minutes-page',
    body: header?.body,
    date: header?.date,
    time: header?.time,
    venue: readVenue(lines, first) ?? header?.venue,
    header: state.preamble,
    items: state.items,
    authors: [],
    warnings,
  };
}
