/**
 * Tells which published layout a text file is in, or why it cannot be read: empty, binary,
 * an HTML page, or prose that is none of the committee layouts.
 */
import { MinutesFormatError } from './minutes-format-error.js';

export type Layout = 'agenda-item' | 'minutes-page' | 'markdown-notes' | 'report';

function firstLineMatching(lines: readonly string[], pattern: RegExp): number {
  return lines.findIndex((l) => pattern.test(l));
}

export function detectLayout(text: string, file: string): Layout {
  if (text.trim() === '') throw new MinutesFormatError(file, 1, 'the file is empty');
  const lines = text.split('\n');
  // Control characters, or bytes that were not UTF-8 (read as U+FFFD), mean this is not a text file.
  const binaryLine = lines.findIndex((l) => /[\u0000-\u0008\u000E-\u001F\uFFFD]/.test(l));
  if (binaryLine >= 0) throw new MinutesFormatError(file, binaryLine + 1, 'this is a binary file, not text; save the minutes as text or Markdown');
  const html = firstLineMatching(lines, /<\s*(!doctype|html|head|body|div|table|p)\b/i);
  if (html >= 0 && html < 50) {
    throw new MinutesFormatError(file, html + 1, 'this is an HTML page the importer does not read; open it in a browser and save it as text');
  }
  const firstText = lines.findIndex((l) => l.trim() !== '');
  const head = lines.slice(firstText, firstText + 6).map((l) => l.trim());
  if (/^agenda item$/i.test(head[0] ?? '')) return 'agenda-item';
  if (/^agenda(,)? (reports pack )?and (draft |approved |signed )?minutes$/i.test(head[0] ?? '')) return 'minutes-page';
  if (firstLineMatching(lines, /^\s*(\*\*)?(NOTES|MINUTES) of (a|the) meeting\b/i) >= 0 && firstLineMatching(lines, /^#{1,6}\s/) >= 0) {
    return 'markdown-notes';
  }
  if (head.some((l) => /^by:/i.test(l)) && head.some((l) => /^to:/i.test(l))) return 'report';
  throw new MinutesFormatError(
    file,
    firstText + 1,
    'not a layout the importer reads (a ModernGov "Agenda item" or "Agenda and minutes" page, Markdown meeting notes, or a committee report)',
  );
}
