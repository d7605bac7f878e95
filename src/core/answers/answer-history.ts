/**
 * How the priorities changed: added, extended, renamed, merged or retained, at which refresh,
 * from the recorded changes. A question names a priority or theme, a year, or words of the
 * change ("Covid", "violent and acquisitive"); with none, every change is listed.
 */
import type { PriorityChange } from '../model/model.js';
import { words } from '../text/normalise.js';
import { makeAnswer, type Answer } from './answer.js';
import { uniqueSources } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Question } from './question.js';

function changesAbout(kb: KnowledgeBase, question: Question): PriorityChange[] {
  const changes = kb.partnership.priorityChanges;
  const topicIds = new Set(question.topics.map((t) => t.id));
  const bySubject = new Set(question.changes);
  const specific = changes.filter(
    (c) => c.kind !== 'retained' && (bySubject.has(c.id) || c.priorityIds.some((id) => topicIds.has(id))),
  );
  if (specific.length > 0) return specific;
  if (question.years.length > 0) return changes.filter((c) => c.year !== null && question.years.includes(c.year));
  // "the last refresh", "this year": the changes of the latest year that records any.
  if (/\b(last|latest|most recent|this year|current)\b/.test(question.lower)) {
    const latest = changes
      .map((c) => c.year)
      .filter((y): y is string => y !== null)
      .sort()
      .at(-1);
    return changes.filter((c) => c.year === latest);
  }
  return [];
}

export function answerHistory(kb: KnowledgeBase, question: Question): Answer {
  const found = changesAbout(kb, question);
  const changes = found.length > 0 ? found : kb.partnership.priorityChanges;
  const year = question.years[0];
  if (found.length === 0 && year) {
    const later = kb.findYear(year);
    const summary = later
      ? `No change to the priorities is recorded for ${year}.`
      : `No priorities are recorded for ${year}; the latest recorded are for ${kb.currentYear().year}.`;
    return makeAnswer('history', `Priorities ${year}`, summary, {
      entries: changes.map((c) => ({
        heading: c.year ?? 'Earlier refresh (undated)',
        text: c.text,
        sources: c.sources,
      })),
      sources: uniqueSources(changes.flatMap((c) => c.sources)),
      suggestions: ['What are the current priorities?'],
    });
  }
  const [first, ...others] = changes;
  const summary =
    found.length > 0 && first
      ? [first, ...others].map((c) => c.text).join(' ')
      : 'How the priorities have changed, as the documents record it:';
  return makeAnswer('history', 'How the priorities changed', summary, {
    entries:
      found.length > 0
        ? []
        : changes.map((c) => ({ heading: c.year ?? 'Earlier refresh (undated)', text: c.text, sources: c.sources })),
    sources: uniqueSources(changes.flatMap((c) => c.sources)),
    suggestions: ['What are the current priorities?', 'What are the cross-cutting themes?'],
  });
}

/** Whether the question's wording is about change over time. */
export function asksAboutChange(question: Question): boolean {
  return (
    /\b(added|add|renamed?|chang(e|ed|es)|history|happened|merged?|amalgamated|introduced|dropped|removed|retained|replaced|different|used to|new priorit|become|became|since when|unchanged|same as|extended|extend)\b/.test(
      question.lower,
    ) && words(question.text).length > 1
  );
}
