/**
 * Tells which published layout a file is in by its landmarks (the "Agenda item" banner, the
 * "Body - Thursday, 24th March, 2022" header, the "NOTES of a meeting of ..." line, a report's
 * "By:"/"To:" lines), or throws `MinutesFormatError` saying why it cannot be read and what to do.
 */
import { MinutesFormatError } from './minutes-format-error.js';
import type { Layout } from './parsed-document.js';
import { isBlankLine } from './text-cleaning.js';
import { isMeetingHeaderLine } from './meeting-header.js';

/** Landmarks are looked for near the top only, so a phrase deep in prose cannot pass for one. */
const LANDMARK_WINDOW = 25;

interface NumberedLine {
  text: string;
  line: number;
}

function firstNonBlankLines(lines: readonly string[], count: number): NumberedLine[] {
  const found: NumberedLine[] = [];
  for (let i = 0; i < lines.length && found.length < count; i++) {
    const text = lines[i] ?? '';
    if (!isBlankLine(text)) found.push({ text: text.replace(/\*\*/g, '').trim(), line: i + 1 });
  }
  return found;
}

function rejectBinary(lines: readonly string[], file: string): void {
  if ((lines[0] ?? '').startsWith('%PDF-')) {
    throw new MinutesFormatError(file, 1, 'this is a PDF file, not text; convert it to text or Markdown first');
  }
  // NUL and other control bytes, or U+FFFD where bytes were not valid UTF-8; tabs and form feeds are normal text.
  const index = lines.findIndex((l) => /[\u0000-\u0008\u000B\u000E-\u001F\uFFFD]/.test(l));
  if (index >= 0) {
    throw new MinutesFormatError(file, index + 1, 'this is binary data, not text; save the minutes as a text file');
  }
}

function rejectHtml(top: readonly NumberedLine[], whole: string, file: string): void {
  const tag = top.find((l) =>
    /^<(!doctype|html|head|body|div|table|p|span|meta|script|style|ul|ol|li|h[1-6]|form)\b/i.test(l.text),
  );
  if (!tag) return;
  const modernGov = /modern\.gov|mgAi\.aspx|ieListDocuments|mgIssueHistory/i.test(whole);
  const problem = modernGov
    ? 'this is a ModernGov page saved as HTML; save the page as text and import that'
    : 'this looks like HTML but not a ModernGov minutes page; save the page as text';
  throw new MinutesFormatError(file, tag.line, problem);
}

function hasLine(top: readonly NumberedLine[], pattern: RegExp): boolean {
  return top.some((l) => pattern.test(l.text));
}

/** Words committee minutes use; unrelated prose has few or none of them. */
const MINUTES_CUES: readonly RegExp[] = [
  /\bminutes?\b/i,
  /\bapologies\b/i,
  /\bagenda\b/i,
  /\bchair(?:man|person|ed)?\b/i,
  /\b(?:resolved|agreed|decisions?|approved|noted)\b/i,
  /\b(?:present|attendance|attendees|in attendance)\b/i,
  /\bitem\b/i,
  /\bmeeting\b/i,
  /\bdeclarations? of interest\b/i,
  /\bmatters arising\b/i,
  /\b(?:partnership|board|committee|council)\b/i,
];

/** Committee minutes in a layout with no reader of its own: most of the cue words, in the first pages. */
function hasMinutesCues(text: string): boolean {
  const head = text.slice(0, 20000);
  return MINUTES_CUES.filter((cue) => cue.test(head)).length >= 5;
}

/** Which layout the text is in; throws `MinutesFormatError` for anything else. */
export function detectLayout(text: string, file: string): Layout {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines.every(isBlankLine)) throw new MinutesFormatError(file, 1, 'the file is empty');
  rejectBinary(lines, file);
  const top = firstNonBlankLines(lines, LANDMARK_WINDOW);
  rejectHtml(top, text, file);

  if (hasLine(top, /^agenda item$/i)) return 'agenda-item';
  // A pipe table or a "Minutes of ... - date" title is a page of another kind, for the general reader.
  const pipeTable = top.filter((l) => l.text.includes('|')).length >= 3;
  if (
    !pipeTable &&
    (hasLine(top, /^agenda,? (?:.* )?minutes$/i) ||
      top.some((l) => isMeetingHeaderLine(l.text) && !/^minutes\b/i.test(l.text)))
  )
    return 'minutes-page';
  if (
    hasLine(
      firstNonBlankLines(lines, 2 * LANDMARK_WINDOW),
      /^#*\s*(?:NOTES|MINUTES) of (?:a|the) (?:\w+ )?meeting of\b/i,
    )
  ) {
    return 'markdown-notes';
  }
  if (hasLine(top, /^(?:By|From):\s*\S/i) && hasLine(top, /^To:\s*\S/i)) return 'report';

  if (hasMinutesCues(text)) return 'general';
  const first = top[0];
  throw new MinutesFormatError(
    file,
    first?.line ?? 1,
    'not committee minutes: no minutes layout recognised and too few of the words minutes use (agenda, apologies, ' +
      'chair, present, item, resolved or agreed, meeting); expected minutes, an agenda page or a report',
  );
}
