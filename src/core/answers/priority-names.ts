/**
 * Finding the priority or theme a member names in a command, by any name it has gone by: its
 * current name, an earlier one, its short name or an alias, with typo tolerance.
 */
import { topicPhrases } from './knowledge-base.js';
import type { Partnership, Priority, PriorityYear, Theme } from '../model/model.js';
import { words } from '../text/normalise.js';
import { PhraseMatcher } from '../text/phrase-matcher.js';

export type Named = { kind: 'priority'; entry: Priority } | { kind: 'theme'; entry: Theme };

/** The priority or theme of `year` (the current year unless given) that `text` names, or null. */
export function findNamed(
  partnership: Partnership,
  text: string,
  year: PriorityYear | undefined = partnership.priorityYears.at(-1),
  only?: Named['kind'],
): Named | null {
  if (!year) return null;
  const phrases = [
    ...topicPhrases(partnership),
    ...year.priorities.flatMap((p) => [
      { id: p.id, phrase: p.name },
      ...(p.shortName ? [{ id: p.id, phrase: p.shortName }] : []),
    ]),
    ...year.themes.map((t) => ({ id: t.id, phrase: t.name })),
  ];
  for (const match of new PhraseMatcher(phrases, () => true).findTargets(words(text))) {
    const priority = only !== 'theme' ? year.priorities.find((p) => p.id === match.id) : undefined;
    if (priority) return { kind: 'priority', entry: priority };
    const theme = only !== 'priority' ? year.themes.find((t) => t.id === match.id) : undefined;
    if (theme) return { kind: 'theme', entry: theme };
  }
  return null;
}

/** The current year's priority that `text` names. */
export function priorityNamed(partnership: Partnership, text: string): Priority | null {
  const named = findNamed(partnership, text, undefined, 'priority');
  return named?.kind === 'priority' ? named.entry : null;
}
