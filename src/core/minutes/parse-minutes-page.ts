/**
 * Reads a ModernGov "Agenda and minutes" page saved as text: the "Body - Thursday, 24th March,
 * 2022 10.00 am" header, "Venue:", then one item after another. Items carry no codes on these
 * pages, so a title is recognised by its shape and place: a short unpunctuated line that carries the
 * "pdf icon PDF 228 KB" tail, opens the page, follows a RESOLVED block, or is followed by the start
 * of minutes ("1.", "RESOLVED", "Minutes:").
 */
import { parseMeetingHeaderLine, isMeetingHeaderLine } from './meeting-header.js';
import type { RawDocument, RawItem, RawLine } from './parsed-document.js';
import { hasPdfIconTail, isBlankLine, normaliseWhitespace, stripPdfIconTail } from './text-cleaning.js';
import { parseCodeCell, splitItemCode } from './item-code.js';

const HEADER_LABEL = /^(?:Venue|Contact|Media|Note|Link|Webcast|Committee Members?|Members):/i;
const TABLE_HEADING = /^No\.?\s+Item$/i;
const DOCUMENT_LIST = /^(?:Additional documents|Supporting documents):?$/i;
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
    const m = /^Venue:\s*(.+?)\.?(?:\s+View directions)?$/i.exec(normaliseWhitespace(line));
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
}

function startItem(state: WalkState, title: string, line: number, code?: string): void {
  const split = splitItemCode(title);
  state.current = { code: code ?? state.pendingCode ?? split.code, title: split.title, line, lines: [] };
  state.items.push(state.current);
  state.pendingCode = undefined;
  state.afterResolved = false;
  state.inDocumentList = false;
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
  } else if (parseCodeCell(text) && (!state.current || state.afterResolved)) {
    state.pendingCode = parseCodeCell(text);
  } else if (isTitleShaped(text) && (!state.current || state.afterResolved || ITEM_START.test(nextNonBlank(lines, index + 1) ?? ''))) {
    startItem(state, text, line);
  } else if (state.current) {
    state.current.lines.push({ text: raw, line });
    state.inDocumentList = false;
    if (/^(?:RESOLVED|Resolved)\b/.test(text)) state.afterResolved = true;
  } else {
    state.preamble.push({ text: raw, line });
  }
}

export function readMinutesPage(lines: readonly string[]): RawDocument {
  const headerIndex = lines.findIndex((l) => isMeetingHeaderLine(l));
  const header = headerIndex >= 0 ? parseMeetingHeaderLine(lines[headerIndex] ?? '') : undefined;
  const first = findFirstItemLine(lines, headerIndex);
  const state: WalkState = { items: [], preamble: [], afterResolved: false, inDocumentList: false };
  for (let i = first; i < lines.length; i++) readLine(state, lines, i);

  const warnings = header?.date ? [] : ['no "Body - Thursday, 24th March, 2022" header line on the minutes page: kept as undated'];
  return {
    layout: 'minutes-page',
    body: header?.body,
    date: header?.date,
    time: header?.time,
    venue: readVenue(lines, first),
    header: state.preamble,
    items: state.items,
    authors: [],
    warnings,
  };
}
