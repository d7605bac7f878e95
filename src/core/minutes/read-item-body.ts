/**
 * Turns an item's lines into minutes paragraphs, a resolution and links, the same way for every
 * layout. A numbered or bulleted line starts a paragraph (numbering removed: ModernGov flattens
 * HTML lists so every paragraph may read "1."); a plain line after a blank starts one too unless
 * the paragraph before stopped mid-sentence, which is how a PDF page break shows. Everything from
 * "RESOLVED" on is the resolution, with its lettered parts.
 */
import type { Resolution } from '../model/model.js';
import type { RawLine } from './parsed-document.js';
import { findLinks, hasPdfIconTail, isBlankLine, normaliseWhitespace } from './text-cleaning.js';

export interface Paragraph {
  text: string;
  line: number;
}

export interface ItemBody {
  paragraphs: Paragraph[];
  resolution?: Resolution;
  links: string[];
  /** The last words read stop mid-sentence: the page may be cut off. */
  endsMidSentence: boolean;
}

type LineKind =
  | { kind: 'blank' }
  | { kind: 'skip' }
  | { kind: 'resolved'; text: string }
  | { kind: 'part'; marker: string; text: string }
  | { kind: 'numbered'; text: string }
  | { kind: 'text'; text: string };

/** A line that carries words of the minutes or the resolution. */
type ContentLine = Extract<LineKind, { kind: 'part' | 'numbered' | 'text' }>;

const RESOLVED = /^(?:\d{1,3}[.)] )?(?:It was )?(?:RESOLVED|Resolved)\b ?[:–-]? ?(.*)$/;
/** "a) text", "(a) text", "a. text", "(iv) text": lettered or roman parts of a resolution. */
const PART = /^(\(?(?:[a-z]|[ivx]{2,4})\)|[a-z]\.) (.+)$/;
/** "1. text", "1) text", "(1) text", "1.1 text". */
const NUMBERED = /^(?:\d{1,3}[.)]|\(\d{1,3}\)|\d{1,3}\.\d{1,2}\.?) (.+)$/;
const BULLET = /^[-*•·▪–] (.+)$/;
const SKIPPED = /^(?:Minutes|Decision|Additional documents|Page \d+(?: of \d+)?):?$/i;

function classifyLine(raw: string): LineKind {
  if (isBlankLine(raw)) return { kind: 'blank' };
  const text = normaliseWhitespace(raw);
  if (SKIPPED.test(text) || hasPdfIconTail(text)) return { kind: 'skip' };
  const resolved = RESOLVED.exec(text);
  if (resolved) return { kind: 'resolved', text: resolved[1] ?? '' };
  const part = PART.exec(text);
  if (part) return { kind: 'part', marker: part[1] ?? '', text: part[2] ?? '' };
  const numbered = NUMBERED.exec(text) ?? BULLET.exec(text);
  if (numbered) return { kind: 'numbered', text: numbered[1] ?? '' };
  return { kind: 'text', text };
}

function endsSentence(text: string): boolean {
  return /[.!?:;)"'’”]$/.test(text.trim());
}

/**
 * A short line that ends no sentence, after "...received from the following:": an entry of a list
 * printed one to a line (a name, "Peter Lewis - Jennifer James substituted"), not a sentence that
 * a page break cut in two.
 */
export function isListEntry(text: string): boolean {
  return text.trim().split(/\s+/).length <= 8 && !endsSentence(text);
}

/** A plain line continues the paragraph before it when nothing separates them, or the paragraph stopped mid-sentence. */
function continuesParagraph(previous: string, text: string, afterBlank: boolean): boolean {
  if (/^https?:\/\//.test(text)) return !afterBlank;
  return !afterBlank || !endsSentence(previous) || /^[a-z]/.test(text);
}

function join(a: string, b: string): string {
  return a === '' ? b : b === '' ? a : `${a} ${b}`;
}

/**
 * "(a) note the report; (b) agree the plan" inside one line: split only when the letters run
 * a, b, c... in order, so a stray "(a)" in prose is not taken for a list.
 */
export function splitInlineParts(text: string): { head: string; parts: string[] } {
  const markers = [...text.matchAll(/(?:^|\s)\(([a-z])\)\s/g)];
  const inOrder = markers.length >= 2 && markers.every((m, i) => m[1] === String.fromCharCode(97 + i));
  if (!inOrder) return { head: text, parts: [] };
  const starts = markers.map((m) => (m.index ?? 0) + m[0].indexOf('('));
  const parts = starts.map((start, i) =>
    text
      .slice(start, starts[i + 1] ?? text.length)
      .replace(/^\([a-z]\)\s*/, '')
      .trim(),
  );
  return { head: text.slice(0, starts[0]).trim(), parts };
}

interface ResolutionDraft {
  text: string;
  parts: string[];
}

/** "approve the plan; and" -> "approve the plan": the list's own punctuation is not part of the decision. */
function trimPart(part: string): string {
  // Only the last few characters are looked at, so a long run of spaces costs nothing.
  const text = normaliseWhitespace(part);
  const tail = text.slice(-6);
  const joiner = / ?[;,] ?(?:and|or)?$| (?:and|or)$/.exec(tail);
  return joiner ? text.slice(0, text.length - tail.length + joiner.index) : text;
}

function finishResolution(draft: ResolutionDraft | undefined): Resolution | undefined {
  if (!draft) return undefined;
  const text = normaliseWhitespace(draft.text);
  if (draft.parts.length > 0) return { text, parts: draft.parts.map(trimPart) };
  return { text, parts: splitInlineParts(text).parts.map(trimPart) };
}

/** After RESOLVED: lettered and numbered lines are its parts, plain lines continue its text. */
function addToResolution(resolution: ResolutionDraft, kind: ContentLine): void {
  const written = kind.kind === 'part' ? `${kind.marker} ${kind.text}` : kind.text;
  if (kind.kind === 'part' || kind.kind === 'numbered') resolution.parts.push(kind.text);
  resolution.text = join(resolution.text, written);
}

/**
 * Adds a line to the minutes, and says whether it started a paragraph. `inList`: the paragraphs
 * since the last one ending in a colon are list entries.
 */
function addToMinutes(
  paragraphs: Paragraph[],
  kind: ContentLine,
  line: number,
  afterBlank: boolean,
  inList: boolean,
): boolean {
  const text = kind.kind === 'part' ? `${kind.marker} ${kind.text}` : kind.text;
  const last = paragraphs[paragraphs.length - 1];
  const nextEntry = inList && afterBlank && isListEntry(text);
  if (kind.kind === 'text' && last && !nextEntry && continuesParagraph(last.text, text, afterBlank)) {
    last.text = join(last.text, text);
    return false;
  }
  paragraphs.push({ text, line });
  return true;
}

export function readItemBody(lines: readonly RawLine[]): ItemBody {
  const paragraphs: Paragraph[] = [];
  const links: string[] = [];
  let resolution: ResolutionDraft | undefined;
  let afterBlank = false;
  let lastText = '';
  let inList = false;

  for (const line of lines) {
    for (const link of line.links ?? findLinks(line.text)) if (!links.includes(link)) links.push(link);
    const kind = classifyLine(line.text);
    if (kind.kind === 'blank') afterBlank = true;
    if (kind.kind === 'blank' || kind.kind === 'skip') continue;
    lastText = normaliseWhitespace(line.text);
    if (kind.kind === 'resolved') {
      resolution = resolution
        ? { ...resolution, text: join(resolution.text, kind.text) }
        : { text: kind.text, parts: [] };
    } else if (resolution) addToResolution(resolution, kind);
    else {
      const started = addToMinutes(paragraphs, kind, line.line, afterBlank, inList);
      // Judged by the line alone: looking at the whole paragraph again for each line would cost its square.
      inList = lastText.endsWith(':') || (inList && started && isListEntry(lastText));
    }
    afterBlank = false;
  }
  return {
    paragraphs: paragraphs.map((p) => ({ ...p, text: normaliseWhitespace(p.text) })),
    resolution: finishResolution(resolution),
    links,
    endsMidSentence: lastText !== '' && !endsSentence(lastText) && !/^https?:\/\//.test(lastText),
  };
}
