/**
 * Reads committee minutes in a layout the importer has no special reader for (council web pages,
 * e-genda pages, Word copies, decision pages, pipe tables), by general cues only: a date line in
 * any common British form near the top, headings that are numbered ("1. Apologies"), coded
 * ("SSP 136/13", "HSP80"), labelled ("Agenda item 4", "No 1", "Item 2") or short lines standing
 * alone, and labelled attendance lines. What comes before the first heading is the header: it is
 * read for attendance and kept as an "Attendance" item so that its text stays answerable.
 */
import { findDate, findTime } from './dates.js';
import { findPartnershipInTitle } from './meeting-header.js';
import type { RawDocument, RawItem, RawLine } from './parsed-document.js';
import { isBlankLine, normaliseWhitespace, stripPdfIconTail } from './text-cleaning.js';

/** "Agenda item 4", "Item 2:", "Item No. 3 - Title". */
const LABELLED_ITEM = /^(?:agenda\s+)?item\s+(?:no\.?\s*)?(\d{1,3}[a-z]?)\b(.*)$/i;
/** "No 1" on its own line (a table cell). */
const NUMBER_CELL = /^No\.?\s*(\d{1,3})$/i;
/** "No 1. Confirmation of Vice Chair": the cell and its title on one line. */
const NUMBER_CELL_TITLED = /^No\.?\s*(\d{1,3})\.?\s+(\S.*)$/i;
/** "1. Apologies", "12) Any other business": a short numbered heading, not a "1.1" paragraph. */
const NUMBERED_HEADING = /^(\d{1,2})[.)]\s+(\S.*)$/;
/** "SSP 136/13", "SSP/1/24", "HSP80": letters and a number, optionally with a year. */
const CODED_HEADING = /^([A-Z]{2,6}(?:\s|\/)?\d{1,3}(?:\/\d{2,4})?)\b(.*)$/;
const CODE_LETTERS = /^[A-Z]{2,6}$/;
const CODE_NUMBER = /^\d{1,3}\/\d{2,4}$/;
/** "Item - Election of Chair": a title cell after a number cell. */
const ITEM_TITLE_LABEL = /^Item\s*[-–—:](.+)$/i;
const LABEL_LINE =
  /^(Date and Time|Date|Time|Place|Venue|Location|Meeting|Chair|Present|Apologies(?: for absence)?|In attendance|Officers|Attendees|Members present|Additional attendees|Core membership|Support|Attendance(?: details| list)?)\b(.*)$/i;
/** What follows a label or a code, without its colon, full stop or dash: "Item 2 - Title" -> "Title". */
function afterLabel(rest: string | undefined): string {
  return (rest ?? '').replace(/^[\s:.–—-]+/, '').trim();
}
const BOILERPLATE = /cookie|^skip to (?:main )?content$|^close alert$|^(?:menu|search|home)$/i;
const NOT_MEETING_DATE = /\bheld on\b|\bprevious\b|\blast meeting\b|\bnext meeting\b|\bfuture meeting/i;

function isTitleShaped(text: string): boolean {
  return /^[A-Z0-9‘'"]/.test(text) && !/[.;,!?]$/.test(text) && text.split(' ').length <= 14 && text.length <= 120;
}

type PageLine = RawLine & { rowTitle?: true };

/** "Title pdf icon PDF 118 KB ..." or "Title The report ...": where a table row's title ends. */
const ROW_TITLE = /^(.{3,120}?)\s+(?:pdf icon\s+)?PDF\s+\d/i;
const ROW_TITLE_BEFORE_PROSE = /^((?:\S+\s+){1,12}?)(?=(?:The|This|These|There|It|A|An|Members|Minutes:)\s)/;

/** A long cell that opens with a Title Case heading and runs on in prose ("Domestic Violence Deep Dive This report ..."). */
function startsWithTitle(text: string): boolean {
  const title = text.length > 150 ? ROW_TITLE_BEFORE_PROSE.exec(text)?.[1]?.trim() : undefined;
  return (
    title !== undefined &&
    title.split(' ').length >= 2 &&
    title.split(' ').every((w) => /^[A-Z0-9]/.test(w) || /^(?:and|of|on|the|for|in|to|&)$/.test(w))
  );
}

/** A table row's cell: its title on a line of its own, then the rest. */
function splitRow(cell: string, line: number): PageLine[] {
  const title = (
    ROW_TITLE.exec(cell)?.[1] ??
    (cell.length > 100 ? ROW_TITLE_BEFORE_PROSE.exec(cell)?.[1] : undefined) ??
    (cell.length <= 100 ? cell : undefined)
  )?.trim();
  if (!title) return [{ text: cell, line }];
  const rest = cell.slice(cell.indexOf(title) + title.length).trim();
  return [
    { text: '', line },
    { text: title, line, rowTitle: true },
    { text: '', line },
    ...(rest ? [{ text: rest, line }] : []),
  ];
}

/**
 * A pipe table's rows (a row may run over several lines and ends with "|"): the title of each row
 * opens an item; the `---|---` rule and the "No. | Item" heading disappear.
 */
function expandPipeTables(lines: readonly string[]): PageLine[] {
  if (lines.filter((l) => l.includes('|')).length < 3) return lines.map((text, i) => ({ text, line: i + 1 }));
  const out: PageLine[] = [];
  let rowStart = false;
  lines.forEach((raw, i) => {
    const text = raw.replace(/\|/g, ' ').trim();
    const endsRow = raw.trim().endsWith('|');
    if (text === '' || /^[-:\s]+$/.test(text) || /^No\.?\s+Item$/i.test(text)) {
      rowStart ||= raw.includes('|');
      if (!raw.includes('|')) out.push({ text: '', line: i + 1 });
      return;
    }
    out.push(...(rowStart || startsWithTitle(text) ? splitRow(text, i + 1) : [{ text, line: i + 1 }]));
    rowStart = endsRow;
  });
  return out;
}

interface Heading {
  code?: string;
  title: string;
  /** Lines the heading used (a code cell and its title, "No 1" and its title line). */
  span: number;
}

function nextNonBlankIndex(lines: readonly RawLine[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlankLine(lines[i]?.text ?? '')) return i;
  return -1;
}

function textAt(lines: readonly RawLine[], index: number): string {
  return index < 0 ? '' : normaliseWhitespace(lines[index]?.text ?? '');
}

/** A heading by an explicit cue (a number, a code, "Agenda item"), with the title that goes with it. */
function explicitHeading(lines: readonly PageLine[], index: number): Heading | undefined {
  const text = textAt(lines, index);
  if (lines[index]?.rowTitle) return { title: text, span: 1 };
  const next = nextNonBlankIndex(lines, index + 1);
  const nextText = textAt(lines, next);
  const span = next < 0 ? 1 : next - index + 1;
  const labelled = LABELLED_ITEM.exec(text);
  if (labelled) {
    const title = afterLabel(labelled[2]);
    if (title) return { code: labelled[1], title, span: 1 };
    return isTitleShaped(nextText) && !LABELLED_ITEM.test(nextText)
      ? { code: labelled[1], title: nextText.replace(/^\d{1,2}[.)]\s+/, ''), span }
      : { code: labelled[1], title: `Item ${labelled[1]}`, span: 1 };
  }
  const cell = NUMBER_CELL.exec(text);
  if (cell) {
    // "Item Terms of Reference" under "No 3": the column's label is not the title's.
    const title =
      ITEM_TITLE_LABEL.exec(nextText)?.[1]?.trim() ??
      (isTitleShaped(nextText) ? nextText.replace(/^(?:\d{1,2}[.)]|Item(?= [A-Z]))\s+/, '') : `Item ${cell[1]}`);
    return { code: cell[1], title, span: title === `Item ${cell[1]}` ? 1 : span };
  }
  const titled = NUMBER_CELL_TITLED.exec(text);
  if (titled && isTitleShaped(titled[2] ?? '')) return { code: titled[1], title: titled[2] ?? '', span: 1 };
  if (CODE_LETTERS.test(text) && CODE_NUMBER.test(nextText)) {
    const titleIndex = nextNonBlankIndex(lines, next + 1);
    const title = textAt(lines, titleIndex);
    return {
      code: `${text} ${nextText}`,
      title: isTitleShaped(title) ? title : nextText,
      span: isTitleShaped(title) ? titleIndex - index + 1 : span,
    };
  }
  const coded = CODED_HEADING.exec(text);
  const codedTitle = afterLabel(coded?.[2]);
  if (coded && /\d/.test(coded[1] ?? '') && codedTitle !== '' && isTitleShaped(codedTitle))
    return { code: coded[1], title: codedTitle, span: 1 };
  const numbered = NUMBERED_HEADING.exec(text);
  if (numbered && isTitleShaped(numbered[2] ?? '') && (numbered[2] ?? '').split(' ').length <= 10)
    return { code: numbered[1], title: numbered[2] ?? '', span: 1 };
  return undefined;
}

function hasExplicitHeadings(lines: readonly RawLine[]): boolean {
  let count = 0;
  for (let i = 0; i < lines.length && count < 1; i++)
    if (!isBlankLine(lines[i]?.text ?? '') && explicitHeading(lines, i)) count++;
  return count >= 1;
}

/** Without explicit cues: a short title-shaped line standing alone between blank lines, after a finished sentence. */
function standaloneHeading(lines: readonly RawLine[], index: number, afterFullStop: boolean): Heading | undefined {
  const text = stripPdfIconTail(textAt(lines, index));
  if (!afterFullStop || !isTitleShaped(text) || LABEL_LINE.test(text) || findDate(text)) return undefined;
  const alone = isBlankLine(lines[index - 1]?.text ?? '') && isBlankLine(lines[index + 1]?.text ?? '');
  return alone ? { title: text, span: 1 } : undefined;
}

export interface HeaderFacts {
  body?: string;
  date?: string;
  time?: string;
  venue?: string;
}

/** Date, time, venue and body from the header lines. */
export function readHeaderFacts(header: readonly RawLine[]): HeaderFacts {
  const texts = header.map((l) => normaliseWhitespace(l.text)).filter((t) => t !== '');
  const facts: HeaderFacts = {};
  texts.forEach((text, i) => {
    const label = LABEL_LINE.exec(text);
    const value = label ? afterLabel(label[2]) || texts[i + 1] || '' : text;
    if (!facts.date && !NOT_MEETING_DATE.test(text)) {
      const date = findDate(value);
      if (date) {
        facts.date = date.iso;
        facts.time =
          findTime(value.slice(date.index + date.length)) ??
          findTime(value.slice(0, date.index)) ??
          findTime(texts[i + 1] ?? '');
      }
    }
    if (label && /^(?:time)$/i.test(label[1] ?? '') && !facts.time) facts.time = findTime(value);
    if (label && /^(?:place|venue|location)$/i.test(label[1] ?? '') && !facts.venue)
      facts.venue = value
        .replace(/View directions$/i, '')
        .trimEnd()
        .replace(/\.$/, '');
    if (!facts.body && i < 8)
      facts.body =
        findPartnershipInTitle(text.replace(/\bPrtnership\b/g, 'Partnership')) ??
        /\b((?:[A-Z][\w'’-]*\s+)+(?:Board|Executive))\b/.exec(text)?.[1]?.trim();
  });
  // A venue line with no label: the line after the date line ("MS Teams virtual meeting").
  if (facts.date && !facts.venue) {
    const venueLike = (t: string | undefined) =>
      t !== undefined &&
      !LABEL_LINE.test(t) &&
      !findDate(t) &&
      /\b(?:room|hall|centre|center|teams|zoom|suite|library|house|online|virtual|street|chamber)\b/i.test(t) &&
      t.length < 120;
    const at = texts.findIndex((t, i) => findDate(t)?.iso === facts.date && venueLike(texts[i + 1]));
    if (at >= 0) facts.venue = texts[at + 1];
  }
  return facts;
}

/** Attendance lines whose label stands alone ("Present:" then the names) are joined with what follows. */
function headerForAttendance(header: readonly RawLine[]): RawLine[] {
  const out: RawLine[] = [];
  for (let i = 0; i < header.length; i++) {
    const line = header[i];
    if (!line) continue;
    const text = normaliseWhitespace(line.text);
    const label = LABEL_LINE.exec(text);
    if (label && afterLabel(label[2]) === '' && /present|apolog|attendance|officers/i.test(label[1] ?? '')) {
      const next = nextNonBlankIndex(header, i + 1);
      if (next >= 0) {
        out.push({ text: '', line: line.line }, { text: `${label[1]}: ${textAt(header, next)}`, line: line.line });
        i = next;
        continue;
      }
    }
    out.push(line);
  }
  return out;
}

export function readGeneralPage(rawLines: readonly string[]): RawDocument {
  const lines = expandPipeTables(rawLines).filter((l) => !BOILERPLATE.test(normaliseWhitespace(l.text)));
  const explicit = hasExplicitHeadings(lines);
  const items: RawItem[] = [];
  const header: RawLine[] = [];
  let current: RawItem | undefined;
  let afterFullStop = true;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as RawLine;
    const text = normaliseWhitespace(line.text);
    const heading =
      text === ''
        ? undefined
        : (explicitHeading(lines, i) ?? (explicit ? undefined : standaloneHeading(lines, i, afterFullStop)));
    if (heading) {
      current = {
        ...(heading.code ? { code: heading.code.replace(/\s+/g, ' ') } : {}),
        title: stripPdfIconTail(heading.title),
        line: line.line,
        lines: [],
      };
      items.push(current);
      i += heading.span - 1;
      afterFullStop = true;
      continue;
    }
    (current ? current.lines : header).push(line);
    if (text !== '') afterFullStop = /[.!?:;)"'’”]$/.test(text);
  }
  const facts = readHeaderFacts(header.length > 0 ? header : lines.slice(0, 15));
  const headerItem: RawItem[] = header.some((l) => !isBlankLine(l.text))
    ? [{ title: 'Attendance', line: header[0]?.line ?? 1, lines: header.map((l) => ({ ...l })) }]
    : [];
  const warnings = [
    ...(facts.date ? [] : ['no meeting date on the page: kept as undated']),
    ...(header.some((l) => /present|attend|apolog|membership/i.test(l.text))
      ? []
      : ['no attendance list before the first item: attendance not recorded']),
  ];
  return {
    layout: 'general',
    ...facts,
    header: headerForAttendance(header),
    items: [...headerItem, ...items],
    authors: [],
    warnings,
  };
}
