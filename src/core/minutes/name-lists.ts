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

/** Split on commas, semicolons and (with `joiners`) " and ", " & " that are not inside brackets. */
function splitTopLevel(text: string, joiners = true): string[] {
  const pieces: string[] = [];
  let depth = 0;
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '(') depth++;
    if (c === ')') depth = Math.max(0, depth - 1);
    const and = joiners && depth === 0 && /^\sand\s/i.test(text.slice(i, i + 5)) ? 5 : 0;
    const amp = joiners && depth === 0 && text.slice(i, i + 3) === ' & ' ? 3 : 0;
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

/** A bullet, or a dash that opens the list or follows an entry's bracket: "• A (X) • B (Y)", "- A (X) - B (Y)". */
const BULLETS = /(?:^|\s)[•·▪](?=\s)|(?:^|(?<=\)))\s*[-–]\s+(?=[A-Z])/;

/**
 * One bullet's entry, which may hold commas of its own: "Cllr Peter Barrow, Dorset and Wiltshire
 * Fire and Rescue Authority", "Temporary Chief Superintendent, Richard Bell (Dorset Police)". The
 * part that is a name is the person; what follows it is their organisation.
 */
function readBulletEntry(entry: string): ListedName | undefined {
  const whole = readEntry(entry);
  if (whole) return whole;
  const parts = splitTopLevel(entry, false);
  const at = parts.findIndex((part) => readEntry(part) !== undefined);
  const listed = at >= 0 ? readEntry(parts[at] ?? '') : undefined;
  if (!listed) return undefined;
  const rest = parts.slice(at + 1).join(', ');
  return listed.role || !rest ? listed : { ...listed, role: splitRole(rest) };
}

export function readNameList(text: string): NameList {
  const names: ListedName[] = [];
  const unread: string[] = [];
  const body = trimTrailing(text, ' \t\r\n\u00a0.,;:');
  const bullets = body.split(new RegExp(BULLETS.source, 'g')).map((b) => b.trim());
  for (const bullet of bullets.filter((b) => b !== '')) {
    const listed = bullets.length > 1 ? readBulletEntry(bullet) : undefined;
    if (listed) {
      names.push(listed);
      continue;
    }
    // Not one person a bullet (or no bullets): the entries split on commas, "and" and honorifics.
    for (const entry of splitTopLevel(bullet).flatMap(splitAtHonorifics)) {
      const read = readEntry(entry);
      if (read) names.push(read);
      else unread.push(entry);
    }
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
