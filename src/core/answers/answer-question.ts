/**
 * The answer engine's entry point: reads a question once, then asks a table of intents in
 * order. Each intent has its own test and answer; an answer of null passes the question on,
 * so "who is X?" with no X in the records falls through to the minutes search and then to an
 * honest "I don't know". The help card is generated from the same table.
 */
import { makeAnswer, type Answer, type Citation } from './answer.js';
import { citeSource } from './source-titles.js';
import {
  agendaAsked,
  answerAgendaAttendance,
  answerAgendaItems,
  answerAgendaPresenter,
  answerNextMeetingFromAgenda,
} from './answer-agenda.js';
import { answerDraftActions } from './answer-draft-actions.js';
import { answerHelp, answerThanks, answerUnknown, type Capability } from './answer-help.js';
import { answerHistory, asksAboutChange } from './answer-history.js';
import { answerAllLeads, answerLead } from './answer-leads.js';
import {
  answerAttendance,
  answerMeetingItems,
  answerMeeting,
  answerPresenter,
  NO_MEETING_FOUND,
} from './answer-meetings.js';
import { answerPartnership } from './answer-partnership.js';
import { answerPerson } from './answer-people.js';
import { answerPriorityCheck, answerPriorityList, answerThemes } from './answer-priorities.js';
import { answerResolutions, topicWords } from './answer-resolutions.js';
import { answerSearch } from './answer-search.js';
import { answerByReading, answerByReadingFallback, closestByReading } from './answer-by-reading.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { readQuestion, type Question } from './question.js';

interface Intent {
  name: string;
  capability?: Capability;
  /** Read the priorities: a new partnership that has none yet gets an answer that says so. */
  needsPriorities?: true;
  matches(q: Question): boolean;
  answer(kb: KnowledgeBase, q: Question, today: Date): Answer | null;
}

const MAX_QUESTION_LENGTH = 500;

const has = (pattern: RegExp) => (q: Question) => pattern.test(q.lower);

const INTENTS: Intent[] = [
  {
    name: 'greeting',
    matches: (q) =>
      /^(hi|hello|hey|hiya|good (morning|afternoon|evening)|morning|afternoon|evening|greetings)\b/.test(q.lower) &&
      q.words.length <= 6,
    answer: (kb) => answerHelp(kb.partnership.name, capabilities(), true),
  },
  {
    name: 'thanks',
    matches: (q) => /^(thanks|thank you|cheers|ta|great|perfect|brilliant)\b/.test(q.lower) && q.words.length <= 6,
    answer: () => answerThanks(),
  },
  {
    name: 'help',
    matches: has(
      /^(help|\?|commands|menu)\b|\bwhat (can|do) you (do|know|answer)\b|\bwhat can i ask\b|\bhow do i use\b|\bwho are you\b|\bwhat are you\b/,
    ),
    answer: (kb) => answerHelp(kb.partnership.name, capabilities()),
  },
  {
    name: 'partnership',
    matches: has(
      /\bresponsible authorit|\bwho (is|are) (in|on|part of) the (partnership|kcsp|csp)\b|\bpartner (agencies|organisations)\b|\bwhat (is|does) (a |an |the )?(kcsp|csp|csa|community safety (agreement|partnership))\b/,
    ),
    answer: (kb) => answerPartnership(kb),
  },
  {
    name: 'draft-actions',
    matches: has(/\b(draft|proposed|suggested)\s+actions?\b/),
    answer: (kb) => answerDraftActions(kb),
  },
  {
    name: 'history',
    needsPriorities: true,
    capability: { topic: 'How the priorities changed', example: 'When was VAWG added as a priority?' },
    matches: (q) =>
      asksAboutChange(q) &&
      (/\bpriorit|\btheme|cross[- ]?cutting|\brefresh|\bcsa\b|safety agreement|^what (has )?changed (this|last) year\b/.test(
        q.lower,
      ) ||
        q.topics.length > 0 ||
        q.years.length > 0 ||
        q.changes.length > 0),
    answer: (kb, q) => answerHistory(kb, q),
  },
  {
    name: 'presenter',
    matches: has(
      /\bwho (presented|introduced|gave|delivered|reported on|spoke (on|about|to)|is presenting|presents|will present|is giving)\b/,
    ),
    answer: (kb, q, today) => {
      const agenda = q.itemCode ? agendaAsked(kb, q, today) : undefined;
      const fromAgenda = agenda && q.itemCode ? answerAgendaPresenter(agenda, q.itemCode) : null;
      if (fromAgenda) return fromAgenda;
      const hits = kb.itemIndex.search(topicWords(q).join(' ') || q.itemCode || '', {
        boost: { title: 3 },
        combineWith: 'OR',
      });
      const keys = q.itemCode
        ? kb
            .allItems()
            .filter((r) => r.item.code === q.itemCode)
            .map((r) => `${r.meeting.id}#${r.item.id}`)
        : hits.slice(0, 1).map((h) => String(h.id));
      return answerPresenter(kb, q, today, keys);
    },
  },
  {
    name: 'person-leads',
    matches: (q) => q.people.length > 0 && /\bwhat (does|do|did)\b.*\b(lead|do|cover)\b/.test(q.lower),
    answer: (kb, q, today) => answerPerson(kb, q, today),
  },
  {
    name: 'leads',
    needsPriorities: true,
    capability: { topic: 'Priority leads', example: 'Who leads road safety?' },
    matches: has(/\b(leads?|leading|leader|led)\b|\bresponsible for\b|\bin charge of\b|\bheads? up\b/),
    answer: (kb, q) =>
      /\b(all|every|each)\b.*\bleads?\b|\bpriority leads\b|\blist (of )?leads\b/.test(q.lower) && q.topics.length === 0
        ? answerAllLeads(kb)
        : answerLead(kb, q),
  },
  {
    name: 'priority-check',
    needsPriorities: true,
    capability: { topic: 'Is it a priority?', example: 'Is road safety a priority?' },
    matches: has(/^(is|are|was|were)\b.+\bpriorit(y|ies)\b/),
    answer: (kb, q) => answerPriorityCheck(kb, q),
  },
  {
    name: 'themes',
    needsPriorities: true,
    matches: has(/\bcross[- ]?cutting\b|\bthemes?\b/),
    answer: (kb, q) => answerThemes(kb, q),
  },
  {
    name: 'priorities',
    needsPriorities: true,
    capability: { topic: 'Priorities', example: 'What are the current priorities?' },
    matches: has(/\bpriorit(y|ies)\b/),
    answer: (kb, q, today) => answerPriorityList(kb, q, today),
  },
  {
    name: 'agenda',
    matches: has(
      /\bon the agenda\b|\bagenda (for|of)\b|^(show |see )?(the )?agenda\??$|\bwhat('s| is) (on|in) (the )?agenda/,
    ),
    answer: (kb, q, today) => {
      const agenda = agendaAsked(kb, q, today);
      if (agenda) return answerAgendaItems(agenda);
      // A meeting that has been held: its agenda is the items its minutes record.
      return (
        answerMeetingItems(kb, q, today) ??
        makeAnswer('agenda', 'No agenda', 'No agenda has been circulated for a coming meeting yet.')
      );
    },
  },
  {
    name: 'resolutions',
    capability: { topic: 'Resolutions', example: 'What did we resolve about MARAC?' },
    matches: has(/\b(resolv\w*|resolution\w*|decid\w*|decision\w*|agreed?)\b/),
    answer: (kb, q, today) => answerResolutions(kb, q, today),
  },
  {
    name: 'attendance',
    capability: { topic: 'Attendance', example: 'Who sent apologies for the last meeting?' },
    // Attendance of a meeting: "how many attended the VAWG conference?" is for the minutes search.
    matches: (q) =>
      (/\b(chaired|attend\w*|apolog\w*|absent|present at|was present|were present|who (was|were) (there|at)|who came|who('s| is| are) coming|coming)\b/.test(
        q.lower,
      ) ||
        (q.people.length > 0 && /^(was|were|did)\b.*\b(at|present|there)\b/.test(q.lower))) &&
      (q.meeting !== null ||
        /\bmeetings?\b/.test(q.lower) ||
        topicWords(q).every((w) => /^(attend\w*|apolog\w*|absent|present|chaired|came|coming|people|sent)$/.test(w))),
    answer: (kb, q, today) => {
      const agenda =
        /\b(coming|attending|will|next|upcoming)\b/.test(q.lower) || (q.meeting && q.meeting.kind !== 'last')
          ? agendaAsked(kb, q, today)
          : undefined;
      return agenda ? answerAgendaAttendance(agenda, q) : answerAttendance(kb, q, today);
    },
  },
  {
    name: 'meetings',
    capability: { topic: 'Meetings', example: 'When was the last meeting?' },
    // "Who will arrange the meeting with the PCC?" asks who, which the minutes say: not a meeting's date or place.
    matches: (q) =>
      !/^who\b/.test(q.lower) &&
      (/\bmeetings?\b|\b(last|next) meet\b|\bmeet next\b|\blast met\b/.test(q.lower) ||
        (q.meeting !== null && /^(when|where|what time)\b/.test(q.lower))),
    answer: (kb, q, today) => {
      const agenda =
        q.meeting?.kind === 'next' || /\b(next|upcoming)\b/.test(q.lower)
          ? agendaAsked(kb, { ...q, meeting: { kind: 'next' } }, today)
          : undefined;
      if (agenda) return answerNextMeetingFromAgenda(agenda);
      const found = answerMeeting(kb, q, today);
      // Naming no meeting and finding none, it may ask what the minutes say ("until when will the dates be circulated?").
      return found.title === NO_MEETING_FOUND && q.meeting === null
        ? (answerByReadingFallback(kb, q.text) ?? found)
        : found;
    },
  },
  {
    name: 'people',
    capability: { topic: 'People', example: 'Who is the chair?' },
    matches: (q) => q.people.length > 0 || /\bwho('s| is| was)\b|\btell me about\b/.test(q.lower),
    answer: (kb, q, today) => answerPerson(kb, q, today),
  },
];

/** What the question reader answers, one example each: the help card lists them. */
export function capabilities(): Capability[] {
  return [
    ...INTENTS.flatMap((i) => (i.capability ? [i.capability] : [])),
    { topic: 'Anything in the minutes', example: 'When will the new MARAC model be implemented?' },
  ];
}

const EXAMPLES = ['What are the current priorities?', 'Who leads road safety?', 'What are the recent resolutions?'];

/** Answers one question from a partnership's records. Never throws for any text. */
export function answerQuestion(kb: KnowledgeBase, rawText: string, today: Date): Answer {
  const text = rawText.slice(0, MAX_QUESTION_LENGTH);
  if (text.trim() === '') {
    return makeAnswer(
      'help',
      'Ask me a question',
      'Your message was empty. Ask me about the partnership, for example "Who leads road safety?"',
      {
        suggestions: EXAMPLES,
      },
    );
  }
  const question = readQuestion(kb, text, today);
  // Questions about a meeting's chair, apologies, minute-taker or date are read, not matched;
  // those about a coming meeting with a circulated agenda are the agenda's.
  // "Who's coming?" names no meeting but can only mean the next one: with an agenda circulated, it is the agenda's.
  const future =
    (question.meeting !== null && question.meeting.kind !== 'last') ||
    (question.meeting === null && /\b(coming|upcoming|attending)\b/.test(question.lower));
  const coming = future && agendaAsked(kb, question, today) !== undefined;
  const read = coming ? null : answerByReading(kb, text);
  if (read) return withCitations(kb, read);
  for (const intent of INTENTS) {
    if (!intent.matches(question)) continue;
    // A partnership with no curated priorities or leads: what its minutes say, else that none are published.
    const answer =
      intent.needsPriorities && kb.partnership.priorityYears.length === 0
        ? (answerByReadingFallback(kb, text) ?? noPrioritiesYet(kb))
        : intent.answer(kb, question, today);
    if (answer) return withCitations(kb, answer);
  }
  const searched = answerSearch(kb, question, (nearest) => answerUnknown(kb.partnership.name, nearest, EXAMPLES));
  if (searched.kind === 'unknown') return withCitations(kb, answerByReadingFallback(kb, text) ?? searched);
  return withCitations(
    kb,
    searched.title.startsWith('Closest match') ? (closestByReading(kb, text) ?? searched) : searched,
  );
}

function noPrioritiesYet(kb: KnowledgeBase): Answer {
  const draft = kb.partnership.priorityDraft;
  return makeAnswer(
    'priorities',
    'No priorities yet',
    `No priorities are published yet for the ${kb.partnership.name}.${draft ? ` The ${draft.year.year} priorities are being prepared.` : ' The chair or the secretariat starts them with "start priorities for" and the year.'}`,
  );
}

/** Gives each source a title people recognise (see source-titles.ts). */
function withCitations(kb: KnowledgeBase, answer: Answer): Answer {
  const cite = (source: Citation): Citation => citeSource(kb.documentTitles, source);
  return {
    ...answer,
    sources: answer.sources.map(cite),
    entries: answer.entries.map((e) => (e.sources ? { ...e, sources: e.sources.map(cite) } : e)),
  };
}
