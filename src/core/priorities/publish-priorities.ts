/**
 * Publishing next year's priorities: the draft becomes the current year, and what changed from
 * the year before (added, renamed, retired, reordered, or nothing) is recorded as priority changes,
 * so that "what changed this year?" is answered from the same history as the earlier refreshes.
 */
import { formatDate } from '../answers/format.js';
import type { PriorityChange, PriorityDraft, PriorityYear, Source } from '../model/model.js';

interface Entry {
  id: string;
  name: string;
  shortName?: string;
}

function subjectsOf(...entries: Entry[]): string[] {
  return [...new Set(entries.flatMap((e) => [e.name, ...(e.shortName ? [e.shortName] : [])]))];
}

function diff(
  kind: 'priority' | 'theme',
  before: Entry[],
  after: Entry[],
  year: string,
  source: Source,
): Omit<PriorityChange, 'id'>[] {
  const noun = kind === 'priority' ? 'a priority' : 'a cross-cutting theme';
  const changes: Omit<PriorityChange, 'id'>[] = [];
  const change = (kind: PriorityChange['kind'], entries: Entry[], text: string): void => {
    changes.push({
      year,
      kind,
      subjects: subjectsOf(...entries),
      priorityIds: [...new Set(entries.map((e) => e.id))],
      text,
      sources: [source],
    });
  };
  for (const entry of after) {
    const old = before.find((e) => e.id === entry.id);
    if (!old) change('added', [entry], `${entry.name} was added as ${noun} for ${year}.`);
    else if (old.name !== entry.name)
      change('renamed', [old, entry], `${old.name} was renamed ${entry.name} for ${year}.`);
  }
  for (const old of before.filter((e) => !after.some((a) => a.id === e.id))) {
    change('retired', [old], `${old.name} is no longer ${noun} from ${year}.`);
  }
  if (kind === 'priority') {
    const kept = (list: Entry[], other: Entry[]) =>
      list
        .filter((e) => other.some((o) => o.id === e.id))
        .map((e) => e.id)
        .join('|');
    if (kept(before, after) !== kept(after, before))
      change(
        'reordered',
        after,
        `The priorities were put in a new order for ${year}: ${after.map((e) => e.name).join('; ')}.`,
      );
  }
  return changes;
}

/** The year to publish and the changes it records; `previous` is the year it follows, if any. */
export function publishDraft(
  draft: PriorityDraft,
  previous: PriorityYear | undefined,
  existingChanges: readonly PriorityChange[],
  by: string,
  at: string,
): { year: PriorityYear; changes: PriorityChange[] } {
  const source: Source = { doc: 'Teams', ref: at };
  const year = draft.year.year;
  const found = previous
    ? [
        ...diff('priority', previous.priorities, draft.year.priorities, year, source),
        ...diff('theme', previous.themes, draft.year.themes, year, source),
      ]
    : [];
  const unchanged = previous
    ? `The priorities and themes for ${year} are unchanged from ${previous.year}.`
    : `The partnership's first priorities, for ${year}: ${draft.year.priorities.map((p) => p.name).join('; ')}.`;
  const recorded =
    found.length > 0
      ? found
      : [
          {
            year,
            kind: (previous ? 'retained' : 'added') as PriorityChange['kind'],
            subjects: [],
            priorityIds: draft.year.priorities.map((p) => p.id),
            text: unchanged,
            sources: [source],
          },
        ];
  const taken = new Set(existingChanges.map((c) => c.id));
  const changes = recorded.map((c, i) => {
    let id = `${year.replace('/', '-')}-teams-${i + 1}`;
    for (let n = 2; taken.has(id); n++) id = `${year.replace('/', '-')}-teams-${i + 1}-${n}`;
    return { id, ...c };
  });
  return {
    year: { ...draft.year, note: `published in Teams by ${by} on ${formatDate(at.slice(0, 10))}`, sources: [source] },
    changes,
  };
}
