/**
 * Reads a ModernGov "Agenda item" page: the banner, the item title, optional "Meeting:" line and
 * agenda description, then "Minutes:" (or "Decision:") and the minutes up to "Supporting
 * documents:". Such a page usually names neither the meeting's date nor its body; it is kept as it
 * is and the importer decides later whether it is an item of a dated meeting.
 */
import { MinutesFormatError } from './minutes-format-error.js';
import { parseAgendaItemMeetingLine, type MeetingHeader } from './meeting-header.js';
import type { RawDocument, RawLine } from './parsed-document.js';
import { isBlankLine, normaliseWhitespace, stripPdfIconTail } from './text-cleaning.js';
import { splitItemCode } from './item-code.js';

const MINUTES_LABEL = /^(?:Minutes|Decision|Decisions):?$/i;
const END_LABEL = /^(?:Supporting documents|Background documents|Attachments):?$/i;

function indexOfLine(lines: readonly string[], from: number, pattern: RegExp): number {
  for (let i = from; i < lines.length; i++) {
    if (pattern.test(normaliseWhitespace(lines[i] ?? ''))) return i;
  }
  return -1;
}

function nextNonBlank(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (!isBlankLine(lines[i] ?? '')) return i;
  return -1;
}

/** Between the title and "Minutes:" a page may carry the meeting line and the agenda's description. */
function readMeetingLine(lines: readonly string[], from: number, to: number): MeetingHeader | undefined {
  for (let i = from; i < to; i++) {
    const header = parseAgendaItemMeetingLine(lines[i] ?? '');
    if (header) return header;
  }
  return undefined;
}

export function readAgendaItemPage(lines: readonly string[], file: string): RawDocument {
  const banner = indexOfLine(lines, 0, /^Agenda item$/i);
  const titleIndex = nextNonBlank(lines, banner + 1);
  if (titleIndex < 0)
    throw new MinutesFormatError(file, banner + 1, 'the agenda item page has no item title after "Agenda item"');
  const { code, title } = splitItemCode(stripPdfIconTail(normaliseWhitespace(lines[titleIndex] ?? '')));

  const label = indexOfLine(lines, titleIndex + 1, MINUTES_LABEL);
  const start = label >= 0 ? label + 1 : titleIndex + 1;
  const meetingLine = readMeetingLine(
    lines,
    titleIndex + 1,
    label >= 0 ? label : Math.min(lines.length, titleIndex + 6),
  );
  const end = indexOfLine(lines, start, END_LABEL);
  const content: RawLine[] = lines
    .slice(start, end >= 0 ? end : lines.length)
    .map((text, i) => ({ text, line: start + i + 1 }));

  const warnings =
    label < 0 ? [`no "Minutes:" label on the agenda item page: read everything after the title as minutes`] : [];
  return {
    layout: 'agenda-item',
    body: meetingLine?.body,
    date: meetingLine?.date,
    time: meetingLine?.time,
    header: [],
    items: [{ code: code ?? meetingLine?.code, title, line: titleIndex + 1, lines: content }],
    authors: [],
    warnings,
  };
}
