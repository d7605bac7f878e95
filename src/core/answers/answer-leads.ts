/**
 * Who leads a priority. Names only the lead recorded for that priority, with the basis on
 * which the partnership takes them as lead; says "not recorded" where there is none and
 * "not a priority" for a topic that is not one. Never a guess, never other priorities' leads.
 */
import type { Lead, Priority } from '../model/model.js';
import { words } from '../text/normalise.js';
import { isStopword } from '../text/stopwords.js';
import { makeAnswer, type Answer } from './answer.js';
import { listWithAnd, uniqueSources } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { namedTopic, type Question } from './question.js';

const NOT_RECORDED = 'No lead is recorded';

/** The leads recorded for a priority: a person on record, or a name set from chat. */
export function leadsFor(kb: KnowledgeBase, priorityId: string): Lead[] {
  return kb.partnership.leads.filter((l) => l.priorityId === priorityId && (l.personId !== null || Boolean(l.name)));
}

/** "Martin Adams, Assistant Director of Community Engagement, Kent Fire and Rescue" */
export function describeLead(kb: KnowledgeBase, lead: Lead): string {
  const person = lead.personId ? kb.person(lead.personId) : undefined;
  const name = lead.name ?? person?.name ?? 'Unnamed';
  return [name, lead.role, lead.organisation].filter(Boolean).join(', ');
}

function label(priority: Priority): string {
  return priority.shortName ?? priority.name;
}

function answerOneLead(kb: KnowledgeBase, priority: Priority): Answer {
  const leads = leadsFor(kb, priority.id);
  const recorded = kb.partnership.leads.filter((l) => l.priorityId === priority.id);
  if (leads.length === 0) {
    return makeAnswer(
      'lead',
      `${priority.name}: lead`,
      `${NOT_RECORDED} for ${priority.name}: the documents do not name one.`,
      {
        sources: uniqueSources(recorded.flatMap((l) => l.sources).concat(priority.sources)),
        suggestions: [`What did we resolve about ${label(priority)}?`, 'Who are the priority leads?'],
      },
    );
  }
  const names = leads.map((l) => describeLead(kb, l));
  return makeAnswer('lead', `${priority.name}: lead`, `${priority.name} is led by ${listWithAnd(names)}.`, {
    facts: leads.map((l) => ({ title: 'Basis', value: `${l.basis.charAt(0).toUpperCase()}${l.basis.slice(1)}` })),
    sources: uniqueSources(leads.flatMap((l) => l.sources)),
    suggestions: [`What did we resolve about ${label(priority)}?`, 'Who are the priority leads?'],
  });
}

/** A priority of an earlier year: say it no longer is one, and who led it last. */
function answerFormerPriority(kb: KnowledgeBase, priority: Priority, currentYear: string): Answer {
  const lastYear = [...kb.partnership.priorityYears]
    .reverse()
    .find((y) => y.priorities.some((p) => p.id === priority.id));
  const leads = leadsFor(kb, priority.id).map((l) => describeLead(kb, l));
  const last = leads.length > 0 ? ` Its last recorded lead was ${listWithAnd(leads)}.` : '';
  return makeAnswer(
    'lead',
    `${priority.name}: no longer a priority`,
    `${priority.name} is not one of the priorities for ${currentYear}; it was one until ${lastYear?.year ?? 'an earlier year'}.${last}`,
    {
      sources: lastYear?.sources ?? priority.sources,
      suggestions: ['Who are the priority leads?', 'What changed this year?'],
    },
  );
}

export function answerAllLeads(kb: KnowledgeBase): Answer {
  const year = kb.currentYear();
  const rows = year.priorities.map((p) => {
    const leads = leadsFor(kb, p.id);
    return {
      heading: p.name,
      text:
        leads.length > 0
          ? leads.map((l) => `${describeLead(kb, l)} (basis: ${l.basis})`).join('; ')
          : `${NOT_RECORDED}.`,
      sources: leads.flatMap((l) => l.sources),
    };
  });
  const missing = year.priorities.filter((p) => leadsFor(kb, p.id).length === 0).map((p) => p.name);
  const summary =
    missing.length > 0
      ? `Leads for the ${year.year} priorities. ${NOT_RECORDED} for ${listWithAnd(missing)}.`
      : `Leads for the ${year.year} priorities.`;
  return makeAnswer('leads', `Priority leads ${year.year}`, summary, {
    entries: rows,
    sources: uniqueSources(rows.flatMap((r) => r.sources)),
    suggestions: ['What are the current priorities?'],
  });
}

/** The words after "leads" / "lead for" / "responsible for": what the member asked about. */
function askedSubject(question: Question): string {
  const match =
    /\b(?:leads?|leading|led|lead (?:for|on|of)|responsible for|in charge of|heads? up|owns?) (?:on|for|the)? ?(.+)$/i.exec(
      question.text,
    );
  const subject = match?.[1] ?? '';
  return words(subject)
    .filter((w) => !isStopword(w) && !/^(priority|priorities|workstream|lead|leads)$/.test(w))
    .join(' ');
}

export function answerLead(kb: KnowledgeBase, question: Question): Answer {
  const topic = namedTopic(question);
  const year = kb.currentYear();
  if (topic.id) {
    const current = year.priorities.find((p) => p.id === topic.id);
    if (current) return answerOneLead(kb, current);
    const earlier = kb.findPriorityOrTheme(topic.id).priority;
    if (earlier) return answerFormerPriority(kb, earlier, year.year);
    const theme = kb.findPriorityOrTheme(topic.id).theme;
    if (theme) {
      return makeAnswer('lead', `${theme.name}: lead`, `${NOT_RECORDED} for the cross-cutting theme ${theme.name}.`, {
        sources: theme.sources,
        suggestions: ['Who are the priority leads?'],
      });
    }
  }
  if (topic.candidates.length > 1) {
    const names = topic.candidates
      .map((id) => kb.findPriorityOrTheme(id).priority?.name)
      .filter((n): n is string => Boolean(n));
    return makeAnswer(
      'clarify',
      'Which priority?',
      `That could be more than one priority: ${names.join('; ')}. Which one do you mean?`,
      {
        suggestions: names.map((n) => `Who leads ${n}?`),
      },
    );
  }
  const subject = askedSubject(question);
  if (!subject) return answerAllLeads(kb);
  const display = subject.charAt(0).toUpperCase() + subject.slice(1);
  return makeAnswer(
    'lead',
    `${display}: not a priority`,
    `${display} is not one of the partnership's priorities for ${year.year}, so no priority lead is recorded for it.`,
    {
      entries: year.priorities.map((p) => ({ text: p.name })),
      sources: year.sources,
      suggestions: ['Who are the priority leads?', `What did we resolve about ${subject}?`],
    },
  );
}
