/**
 * Small text helpers shared by the layout readers: what counts as a blank line on a ModernGov
 * page (a line holding only a non-breaking space), how markdown converted from a PDF is reduced to
 * plain text, and the one "same text" fingerprint that lets the same minutes published in two
 * layouts be recognised.
 */
import { createHash } from 'node:crypto';
import { normaliseSpacing, trimTrailing } from '../text/normalise.js';

export function splitLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .map(tableRowText);
}

/**
 * A row of a table saved as text, "| Cllr Gill Taylor | Dorset Council (Chair) |": its cells as one
 * line, "Cllr Gill Taylor Dorset Council (Chair)", as pages that print a table a row a line read; a
 * rule ("|---|---|") or a row of empty cells is a blank line. Other lines are as they are.
 */
function tableRowText(line: string): string {
  const row = line.trim();
  if (row.length < 2 || !row.startsWith('|') || !row.endsWith('|')) return line;
  const cells = row
    .slice(1, -1)
    .split('|')
    .map((cell) => cell.trim())
    .filter((cell) => !/^:?-*:?$/.test(cell));
  return cells.join(' ');
}

/** ModernGov separates HTML paragraphs with lines holding only a non-breaking space. */
export function isBlankLine(text: string): boolean {
  return /^[\s\u00A0\u200B]*$/.test(text);
}

/** nbsp to space, runs of spaces to one; wording and punctuation kept as written. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/[\s\u00A0\u2000-\u200B\u202F]+/g, ' ').trim();
}

/**
 * Markdown from a PDF conversion to plain text: emphasis markers, `<sup>st</sup>`, autolinks
 * `<https://...>` and `[text](url)` links become their text. Links are collected before this runs.
 */
export function cleanMarkdownInline(text: string): string {
  return text
    .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
    .replace(/\[([^\][]*)\]\((?:[^)\s]+)\)/g, '$1')
    .replace(/<\/?(?:sup|sub|b|i|u|em|strong|span)\b[^>]*>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)\*(\S[^*]*\S|\S)\*(?=\s|[.,;:]|$)/g, '$1$2')
    .replace(/\\([\\`*_{}[\]()#+\-.!])/g, '$1');
}

/** Web addresses in a line, without the brackets or sentence punctuation around them. */
export function findLinks(text: string): string[] {
  return [...text.matchAll(/https?:\/\/[^\s<>()[\]"]+/g)].map((m) => trimTrailing(m[0], '.,;:'));
}

/** ModernGov appends the attachment's size to a title: "Zero Casualty Strategy Update pdf icon PDF 216 KB". */
const PDF_ICON_TAIL = /^pdf icon\s+PDF\s+[\d.,]+\s*[KMG]B\s*$/i;

/** Where the tail starts, or -1; tried at the last "pdf icon" only, so the work stays linear. */
function pdfIconTailAt(text: string): number {
  const at = text.toLowerCase().lastIndexOf('pdf icon');
  return at >= 0 && PDF_ICON_TAIL.test(text.slice(at)) ? at : -1;
}

export function hasPdfIconTail(text: string): boolean {
  return pdfIconTailAt(text) >= 0;
}

export function stripPdfIconTail(text: string): string {
  const at = pdfIconTailAt(text);
  return at >= 0 ? text.slice(0, at).trimEnd() : text;
}

export function slugify(text: string): string {
  const slug = normaliseSpacing(text)
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '');
  return trimTrailing(slug, '-');
}

/**
 * The text two layouts must share to be "the same minutes": quotes, dashes, spacing and case
 * folded, since a ModernGov page and a PDF of the same item differ in exactly these.
 */
export function fingerprintText(text: string): string {
  return normaliseSpacing(text)
    .toLowerCase()
    .replace(/ ([.,;:!?])/g, '$1');
}

/** First 8 hex digits of the SHA-1 of a text, for ids of undated meetings. */
export function shortHash(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('hex').slice(0, 8);
}

/** "KENT COMMUNITY SAFETY PARTNERSHIP" -> "Kent Community Safety Partnership". */
export function titleCaseCapitals(text: string): string {
  const small = new Set(['and', 'of', 'the', 'for', 'in', 'on', 'at', 'to']);
  return text
    .toLowerCase()
    .split(/\s+/)
    .map((w, i) => (i > 0 && small.has(w) ? w : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}
