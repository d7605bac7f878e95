/**
 * Answers about the Community Safety Agreement's priorities: the list (for the current or a
 * named year), whether a topic is a priority, and the cross-cutting themes.
 */
import type { PriorityYear } from '../model/model.js';
import { words } from '../text/normalise.js';
import { isStopword } from '../text/stopwords.js';
import { makeAnswer, type Answer } from './answer.js';
import { uniqueSources } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { namedTopic, type Question } from './question.js';

function yearAsked(kb: KnowledgeBase, question: Question): PriorityYear {
  for (const year of question.years) {
    const found = kb.findYear(year);
    if (found) return found;
  }
  return kb.currentYear();
}

function priorityNames(year: PriorityYear): string[] {
  return year.priorities.map((p) =>
    p.shortName && !p.name.includes(`(${p.shortName})`) ? `${p.name} (${p.shortName})` : p.name,
  );
}

/** Whether a financial year ("2023/24", ending 31 March 2024) is over by `today`. */
function yearIsOver(label: string, today: Date): boolean {
  const start = Number(/^(\d{4})/.exec(label)?.[1]);
  return Number.isInteger(start) && start > 0 && today.toISOString().slice(0, 10) > `${start + 1}-03-31`;
}

export function answerPriorityList(kb: KnowledgeBase, question: Question, today?: Date): Answer {
  const unknownYear = question.years.find((y) => !kb.findYear(y));
  const year = yearAsked(kb, question);
  const count = year.priorities.length;
  const themes = year.themes.map((t) => t.name);
  const drafting = unknownYear !== undefined && kb.partnership.priorityDraft?.year.year === unknownYear;
  const summary = drafting
    ? `The ${unknownYear} priorities are being prepared and are not published yet. The current ones are the ${count} for ${year.year}:`
    : unknownYear
      ? `No priorities are recorded for ${unknownYear}. The latest recorded are the ${count} for ${year.year}:`
      : question.years.length === 0 && today && yearIsOver(year.year, today)
        ? `The latest recorded are the ${count} priorities for ${year.year}; no later year has been published:`
        : `The partnership has ${count} priorities for ${year.year}:`;
  return makeAnswer('priorities', `Priorities ${year.year}`, summary, {
    entries: priorityNames(year).map((name, i) => ({ text: `${i + 1}. ${name}` })),
    facts: [
      ...(themes.length > 0 ? [{ title: 'Cross-cutting theme', value: themes.join('; ') }] : []),
      ...(year.note ? [{ title: 'Note', value: year.note }] : []),
    ],
    sources: year.sources,
    suggestions: [
      'Who are the priority leads?',
      'How did the priorities change?',
      'What are the cross-cutting themes?',
    ],
  });
}

/** Words between the subject and "priority": "still one of the current ...". */
const FILLER = new Set([
  'still',
  'a',
  'an',
  'one',
  'of',
  'the',
  'our',
  'among',
  'on',
  'list',
  'current',
  'kcsp',
  'csp',
  'partnership',
]);

/** The subject of "is X a priority?": the words between the verb and "priority". */
function checkedSubject(question: Question): string {
  // Cut at the first "priority" and drop the filler before it in code: a lazy subject followed by
  // repeated optional words ("the the the ...") backtracks quadratically.
  const verb = /^(?:is|are|was|were) /i.exec(question.text);
  const at = question.text.search(/\bpriorit(?:y|ies)\b/i);
  const between = verb && at > verb[0].length ? question.text.slice(verb[0].length, at).trim().split(' ') : null;
  while (between && between.length > 1 && FILLER.has((between.at(-1) ?? '').toLowerCase())) between.pop();
  const subject = between ? between.join(' ') : question.text;
  return words(subject)
    .filter((w) => !isStopword(w) || w === 'and')
    .join(' ')
    .replace(/^and |\band$/g, '')
    .trim();
}

export function answerPriorityCheck(kb: KnowledgeBase, question: Question): Answer {
  const year = yearAsked(kb, question);
  const subject = checkedSubject(question);
  const display = subject.charAt(0).toUpperCase() + subject.slice(1);
  const topic = namedTopic(question);
  const priority = topic.id ? year.priorities.find((p) => p.id === topic.id) : undefined;
  const theme = topic.id ? year.themes.find((t) => t.id === topic.id) : undefined;
  const listed = `one of the partnership's ${year.priorities.length} priorities for ${year.year}`;

  if (priority) {
    const isItsName =
      words(priority.name).join(' ').includes(subject) || subject === (priority.shortName ?? '').toLowerCase();
    const under = isItsName ? '' : ` (${display} comes under ${priority.name})`;
    return makeAnswer('priority-check', `${priority.name}: a priority`, `Yes: ${priority.name} is ${listed}${under}.`, {
      sources: priority.sources,
      suggestions: [
        `Who leads ${priority.shortName ?? priority.name}?`,
        `What did we resolve about ${priority.shortName ?? priority.name}?`,
      ],
    });
  }
  if (theme) {
    return makeAnswer(
      'priority-check',
      `${theme.name}: a cross-cutting theme`,
      `${theme.name} is not a priority: it is the cross-cutting theme for ${year.year}.`,
      {
        sources: theme.sources,
        suggestions: ['What are the current priorities?'],
      },
    );
  }
  const covering = year.priorities.filter((p) => {
    const nameWords = new Set(words(p.name));
    const subjectWords = words(subject).filter((w) => !isStopword(w));
    return subjectWords.length > 0 && subjectWords.every((w) => nameWords.has(w));
  });
  if (covering.length > 0) {
    const names = covering.map((p) => p.name).join('; ');
    return makeAnswer(
      'priority-check',
      `${display}: priorities that cover it`,
      `${display} is not a priority on its own; it is part of: ${names}.`,
      {
        sources: uniqueSources(covering.flatMap((p) => p.sources)),
        suggestions: ['What are the current priorities?'],
      },
    );
  }
  return makeAnswer(
    'priority-check',
    `${display || 'That'}: not a priority`,
    `${display || 'That'} is not ${listed}. The priorities are: ${priorityNames(year).join('; ')}.`,
    {
      sources: year.sources,
      suggestions: subject
        ? [`What did we resolve about ${subject}?`, 'What are the current priorities?']
        : ['What are the current priorities?'],
    },
  );
}

export function answerThemes(kb: KnowledgeBase, question: Question): Answer {
  const year = yearAsked(kb, question);
  const themes = year.themes;
  const names = themes.map((t) => t.name);
  const summary =
    themes.length === 0
      ? `No cross-cutting theme is recorded for ${year.year}.`
      : themes.length === 1
        ? `The cross-cutting theme for ${year.year} is ${names[0]}. No other cross-cutting theme is named.`
        : `The cross-cutting themes for ${year.year} are: ${names.join('; ')}.`;
  const renamed = kb.partnership.priorityChanges.filter(
    (c) => c.kind === 'renamed' && c.priorityIds.some((id) => themes.some((t) => t.id === id)),
  );
  return makeAnswer('themes', `Cross-cutting themes ${year.year}`, summary, {
    entries: renamed.map((c) => ({ text: c.text, sources: c.sources })),
    sources: uniqueSources(themes.flatMap((t) => t.sources)),
    suggestions: ['What are the current priorities?', 'How did the priorities change?'],
  });
}
