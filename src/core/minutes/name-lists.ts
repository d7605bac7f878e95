/**
 * Reads attendance lists: "PRESENT: Mr H Hill (Chair), Mr J Rivers (Vice-Chair), ..., Mr P
 * Rollington and Mr S Beaumont." and "Apologies were received from Mr A Harper, ..., Ms S Robson
 * Mr P Ramewal, ...". Entries are split on commas and "and" outside brackets, and again wherever
 * a new honorific starts, because clerks drop commas.
 */
import { honorificStarts, parseName, type NameParts } from './people-names.js';
import { splitRole, type RoleText } from './people-roles.js';
import { trimTrailing } from '../text/normalise.js';
import { normaliseWhitespace } from './text-cleaning.js';

export interface ListedName {
  parts: NameParts;
  role?: RoleText;
}

export interface NameList {
  names: ListedName[];
  /** Entries that are not a name, for a warning. */
  unread: string[];
}

/** Split on commas, semicolons and " and " that are not inside brackets. */
function splitTopLevel(text: string): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    const and = depth === 0 && /^\sand\s/i.test(text.slice(i, i + 5)) ? 5 : 0;
    const amp = depth === 0 && text.slice(i, i + 3) === ' & ' ? 3 : 0;
    // "Robert Cowper (ABC) Cammy Rae (SP)": a bracket closes an entry that no comma ends.
    const afterBracket = depth === 0 && text[i - 1] === ')' && /^\s[A-Z]/.test(text.slice(i, i + 2));
    if (depth === 0 && (c === ',' || c === ';' || and > 0 || amp > 0 || afterBracket)) {
      pieces.push(current);
      current = '';
      i += Math.max(and, amp) > 0 ? Math.max(and, amp) - 1 : 0;
    } else current += c;
  }
  pieces.push(current);
  return pieces.map((p) => p.trim()).filter((p) => p !== '');
}

function splitAtHonorifics(entry: string): string[] {
  const starts = honorificStarts(entry);
  const bounds = [0, ...starts, entry.length];
  return bounds.slice(0, -1).map((start, i) => entry.slice(start, bounds[i + 1]).trim());
}

function readEntry(entry: string): ListedName | undefined {
  const bracket = /^(.*?) ?\(([^()]+)\)$/.exec(normaliseWhitespace(entry));
  const parts = parseName(bracket ? (bracket[1] ?? '') : entry);
  if (!parts) return undefined;
  return bracket ? { parts, role: splitRole(bracket[2] ?? '') } : { parts };
}

export function readNameList(text: string): NameList {
  const names: ListedName[] = [];
  const unread: string[] = [];
  const body = trimTrailing(text, ' \t\r\n\u00a0.,;:');
  for (const entry of splitTopLevel(body).flatMap(splitAtHonorifics)) {
    const listed = readEntry(entry);
    if (listed) names.push(listed);
    else unread.push(entry);
  }
  return { names, unread };
}

/** "Apologies were received from ...", "Apologies for absence: ...": the list text, or undefined. */
export function readApologiesText(paragraph: string): string | undefined {
  // Either "Apologies [for absence] were received from <list>" or a label, "Apologies: <list>"; a
  // flattened table's cell label may come first ("Minutes: Apologies for absence were intimated by:- ...").
  const m =
    /^(?:(?:Minutes|Decision):\s*)?Apologies(?: for absence)?(?:\s+(?:were|had been|have been|was)\s+(?:received|given|submitted|tendered|noted|reported|intimated)\s+(?:from|by|for|on behalf of)(?:\s+the following)?(?:\s*:-?)?|\s*[:–-])\s*(\S.*)$/i.exec(
      paragraph,
    );
  if (!m || /^(?:there were )?none\b|^no apologies/i.test(m[1] ?? '')) return undefined;
  // The list ends with its sentence; a full stop after a single capital is an initial, not the end.
  const end = /(?<![A-Z])\.(?:\s+(?=[A-Z][a-z])|\s*$)/.exec(m[1] ?? '');
  return end ? (m[1] ?? '').slice(0, end.index) : m[1];
}
