/**
 * Editing next year's priorities before they are published: each edit takes the draft year and
 * returns a new one, or says what is wrong. Priorities and themes keep their ids through a rename
 * or a move, so that leads, aliases and actions follow them; an added one that once existed
 * (a priority brought back) gets its old id again.
 */
import type { Partnership, Priority, PriorityYear, Theme } from '../model/model.js';
import { slugify } from '../minutes/text-cleaning.js';
import { foldForMatching, normaliseSpacing } from '../text/normalise.js';
import type { Named } from '../answers/priority-names.js';

export type EntryKind = Named['kind'];

const MAX_NAME = 120;

/** "Serious Violence (SV)" -> its name and short name. */
export function readEntryName(text: string): { name: string; shortName?: string } | string {
  const cleaned = normaliseSpacing(text)
    .replace(/^["']|["']$/g, '')
    .trim();
  const short = /^(.+?) ?\(([^()]{1,15})\)$/.exec(cleaned);
  const name = (short?.[1] ?? cleaned).trim();
  if (!/[a-z]/i.test(name)) return 'Give the name in words, e.g. "add priority Serious Violence (SV)".';
  if (name.length > MAX_NAME) return `That name is ${name.length} characters long; keep it under ${MAX_NAME}.`;
  return short?.[2] ? { name, shortName: short[2].trim() } : { name };
}

function listOf(year: PriorityYear, kind: EntryKind): (Priority | Theme)[] {
  return kind === 'priority' ? year.priorities : year.themes;
}

function withList(year: PriorityYear, kind: EntryKind, list: (Priority | Theme)[]): PriorityYear {
  return kind === 'priority' ? { ...year, priorities: list as Priority[] } : { ...year, themes: list as Theme[] };
}

/** An id for a new entry: the id it had in an earlier year if it is coming back, else a fresh slug. */
function idFor(partnership: Partnership, draft: PriorityYear, name: string): string {
  const folded = foldForMatching(name);
  const everyYear = [...partnership.priorityYears, draft];
  const earlier = everyYear
    .flatMap((y) => [...y.priorities, ...y.themes])
    .find((e) => foldForMatching(e.name) === folded);
  if (earlier) return earlier.id;
  const taken = new Set(everyYear.flatMap((y) => [...y.priorities, ...y.themes].map((e) => e.id)));
  const base = slugify(name) || 'priority';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function addEntry(
  partnership: Partnership,
  draft: PriorityYear,
  kind: EntryKind,
  text: string,
  source: { doc: string; ref: string },
): PriorityYear | string {
  const read = readEntryName(text);
  if (typeof read === 'string') return read;
  const folded = foldForMatching(read.name);
  const clash = [...draft.priorities, ...draft.themes].find((e) => foldForMatching(e.name) === folded);
  if (clash) return `"${clash.name}" is already in the ${draft.year} draft.`;
  const id = idFor(partnership, draft, read.name);
  const entry =
    kind === 'priority'
      ? { id, name: read.name, ...(read.shortName ? { shortName: read.shortName } : {}), sources: [source] }
      : { id, name: read.name, sources: [source] };
  return withList(draft, kind, [...listOf(draft, kind), entry]);
}

export function renameEntry(
  draft: PriorityYear,
  named: Named,
  text: string,
  source: { doc: string; ref: string },
): PriorityYear | string {
  const read = readEntryName(text);
  if (typeof read === 'string') return read;
  const folded = foldForMatching(read.name);
  const clash = [...draft.priorities, ...draft.themes].find(
    (e) => e.id !== named.entry.id && foldForMatching(e.name) === folded,
  );
  if (clash) return `"${clash.name}" is already in the ${draft.year} draft.`;
  if (
    named.entry.name === read.name &&
    (named.kind === 'theme' ||
      (named.entry as Priority).shortName === (read.shortName ?? (named.entry as Priority).shortName))
  ) {
    return `It is already called "${read.name}".`;
  }
  const list = listOf(draft, named.kind).map((e) => {
    if (e.id !== named.entry.id) return e;
    const shortName = named.kind === 'priority' ? (read.shortName ?? (e as Priority).shortName) : undefined;
    return { ...e, name: read.name, ...(shortName ? { shortName } : {}), sources: [source] };
  });
  return withList(draft, named.kind, list);
}

export function retireEntry(draft: PriorityYear, named: Named): PriorityYear {
  return withList(
    draft,
    named.kind,
    listOf(draft, named.kind).filter((e) => e.id !== named.entry.id),
  );
}

/** Moves an entry to a 1-based position (clamped to the list), or before / after another. */
export function moveEntry(
  draft: PriorityYear,
  named: Named,
  to: { position: number } | { before: Named } | { after: Named },
): PriorityYear | string {
  const list = listOf(draft, named.kind);
  const rest = list.filter((e) => e.id !== named.entry.id);
  const entry = list.find((e) => e.id === named.entry.id);
  if (!entry) return `${named.entry.name} is not in the ${draft.year} draft.`;
  let index: number;
  if ('position' in to) {
    index = Math.min(Math.max(to.position, 1), list.length) - 1;
  } else {
    const other = 'before' in to ? to.before : to.after;
    if (other.kind !== named.kind)
      return `Move a ${named.kind} among the ${named.kind === 'priority' ? 'priorities' : 'themes'}.`;
    if (other.entry.id === named.entry.id)
      return 'Name two different priorities to move one before or after the other.';
    const at = rest.findIndex((e) => e.id === other.entry.id);
    if (at < 0) return `${other.entry.name} is not in the ${draft.year} draft.`;
    index = 'before' in to ? at : at + 1;
  }
  return withList(draft, named.kind, [...rest.slice(0, index), entry, ...rest.slice(index)]);
}
