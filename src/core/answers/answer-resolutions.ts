/**
 * What the partnership resolved: at a meeting (paged, newest meeting by default), about a
 * topic (ranked over item titles, resolutions and minutes, with the topic's everyday aliases),
 * or for one item ("B3 on 21 March 2023").
 */
import type { Meeting, MeetingItem } from '../model/model.js';
import { words } from '../text/normalise.js';
import { isStopword } from '../text/stopwords.js';
import { makeAnswer, type Answer, type AnswerEntry } from './answer.js';
import { capitalise, formatDate, itemLabel, meetingLabel, uniqueSources } from './format.js';
import type { ItemRef, KnowledgeBase } from './knowledge-base.js';
import { findMeetings, lastMeeting } from './meeting-lookup.js';
import { FILLER } from './question-frame.js';
import type { Question } from './question.js';

export const RESOLUTIONS_PAGE_SIZE = 5;
/** Items whose score is below this share of the best one's are not "about" the topic. */
const RELATIVE_CUTOFF = 0.55;
const MAX_TOPIC_ITEMS = 3;

const NOT_TOPIC =
  /^(resolve[sd]?|resolution|resolutions|resolving|decide[sd]?|decision|decisions|agree[sd]?|agreement?s?|page|january|february|march|april|may|june|july|august|september|october|november|december|item|[a-h]\d{1,2}|\d+(st|nd|rd|th)?)$/;

/** The words of the question that say what the resolution was about. */
export function topicWords(question: Question): string[] {
  // Politeness ("pls", "could you remind me") is never the topic.
  return question.words.filter((w) => !isStopword(w) && !NOT_TOPIC.test(w) && !/^\d/.test(w) && !FILLER.has(w));
}

/** The resolution as recorded, and, where it was changed from chat, by whom, when and what it replaced. */
export function resolutionText(item: MeetingItem): string {
  const text = `RESOLVED ${item.resolution?.text ?? ''}`.trim();
  const last = item.resolutionHistory?.at(-1);
  if (!last) return text;
  const when = formatDate(last.at.slice(0, 10));
  return last.previous
    ? `${text} (corrected by ${last.by.name} on ${when}; previously: "${last.previous}")`
    : `${text} (recorded by ${last.by.name} on ${when})`;
}

function resolutionEntry(ref: ItemRef): AnswerEntry {
  return {
    heading: `${meetingLabel(ref.meeting)}: ${itemLabel(ref.item)}`,
    text: resolutionText(ref.item),
    sources: ref.item.sources,
  };
}

function meetingsInQuestion(kb: KnowledgeBase, question: Question, today: Date): Meeting[] | null {
  return question.meeting ? findMeetings(kb, question.meeting, today) : null;
}

/** Null when the meeting asked about has no RESOLVED text at all: its decisions, if any, are read from its prose. */
export function answerResolutions(kb: KnowledgeBase, question: Question, today: Date): Answer | null {
  const meetings = meetingsInQuestion(kb, question, today);
  if (meetings && meetings.length === 0) {
    return makeAnswer(
      'resolutions',
      'Resolutions',
      'No meeting on that date is recorded, so there are no resolutions for it.',
      {
        suggestions: ['When was the last meeting?', 'What are the recent resolutions?'],
      },
    );
  }
  const topic = topicWords(question);
  // "Agreement" is a topic word when it names the Community Safety Agreement, not the verb "agree".
  if (/\bsafety agreement\b|\bcsa\b/i.test(question.text)) topic.push('community', 'safety', 'agreement');
  if (question.itemCode) {
    const meeting = meetings?.[0] ?? lastMeeting(kb, today);
    const item = meeting?.items.find((i) => i.code === question.itemCode);
    if (meeting && item) return answerItems(kb, [{ meeting, item }], `item ${item.code}`);
  }
  if (topic.length === 0) {
    const meeting = meetings?.[0] ?? lastMeeting(kb, today);
    return meeting && !meeting.items.some((i) => i.resolution)
      ? null
      : answerMeetingResolutions(kb, meeting, question.page);
  }
  return answerTopic(kb, question, topic, meetings);
}

function answerMeetingResolutions(kb: KnowledgeBase, meeting: Meeting | undefined, page: number): Answer {
  if (!meeting) return makeAnswer('resolutions', 'Resolutions', 'No meeting with minutes is recorded yet.');
  const resolved = meeting.items.filter((i) => i.resolution).map((item) => ({ meeting, item }));
  const pages = Math.max(1, Math.ceil(resolved.length / RESOLUTIONS_PAGE_SIZE));
  const current = Math.min(page, pages);
  const shown = resolved.slice((current - 1) * RESOLUTIONS_PAGE_SIZE, current * RESOLUTIONS_PAGE_SIZE);
  const label = meetingLabel(meeting);
  const first = (current - 1) * RESOLUTIONS_PAGE_SIZE + 1;
  const range = pages > 1 ? `; ${first} to ${first + shown.length - 1} are shown` : '';
  return makeAnswer(
    'resolutions',
    `Resolutions, ${label}`,
    `The meeting of ${label} made ${resolved.length} resolutions${range}.`,
    {
      entries: shown.map((ref) => ({ ...resolutionEntry(ref), heading: itemLabel(ref.item) })),
      sources: meeting.sources,
      suggestions: ['When was the last meeting?'],
      ...(current < pages && meeting.date
        ? {
            more: {
              label: `Next ${Math.min(RESOLUTIONS_PAGE_SIZE, resolved.length - current * RESOLUTIONS_PAGE_SIZE)} resolutions`,
              question: `Resolutions of ${formatDate(meeting.date).replace(/^\w+ /, '')}, page ${current + 1}`,
            },
          }
        : {}),
    },
  );
}

function answerTopic(kb: KnowledgeBase, question: Question, topic: string[], meetings: Meeting[] | null): Answer {
  const allowed = meetings ? new Set(meetings.map((m) => m.id)) : null;
  const expansion = question.topics.slice(0, 1).flatMap((t) =>
    Object.entries(kb.partnership.aliases)
      .filter(([, id]) => id === t.id)
      .flatMap(([alias]) => words(alias)),
  );
  const hits = kb.itemIndex
    .search([...topic, ...expansion].join(' '), {
      boost: { title: 3, resolution: 2 },
      combineWith: 'OR',
      prefix: (term) => term.length > 5,
    })
    .filter((hit) => !allowed || allowed.has(String(hit.id).split('#')[0] ?? ''));
  const withResolution = hits
    .map((hit) => ({ hit, ref: kb.item(String(hit.id)) }))
    .filter(
      (h): h is { hit: typeof h.hit; ref: ItemRef } => h.ref !== undefined && h.ref.item.resolution !== undefined,
    );
  const best = withResolution[0]?.hit.score ?? 0;
  const chosen = withResolution.filter((h) => h.hit.score >= best * RELATIVE_CUTOFF).slice(0, MAX_TOPIC_ITEMS);
  const subject = asTyped(question.text, topic);
  if (chosen.length === 0) {
    return makeAnswer(
      'resolutions',
      'No resolution found',
      `A resolution about ${subject}${meetings ? ' at that meeting' : ''} is not recorded: I found none in the minutes on record.`,
      {
        suggestions: ['What are the recent resolutions?', `Search the minutes for ${subject}`],
      },
    );
  }
  return answerItems(
    kb,
    chosen.map((c) => c.ref),
    subject,
  );
}

/** The topic words with the member's own capitals ("MARAC", not "marac"). */
function asTyped(text: string, topic: readonly string[]): string {
  return topic
    .map((word) => new RegExp(`\\b${word.replace(/[^a-z0-9]/g, '')}\\b`, 'i').exec(text)?.[0] ?? word)
    .join(' ');
}

function answerItems(kb: KnowledgeBase, refs: ItemRef[], subject: string): Answer {
  const [first, ...others] = refs;
  if (!first)
    return makeAnswer(
      'resolutions',
      'No resolution found',
      `A resolution about ${subject} is not recorded: I found none.`,
    );
  const summary = `${capitalise(meetingLabel(first.meeting))}, ${itemLabel(first.item)}: ${resolutionText(first.item)}`;
  return makeAnswer('resolutions', `Resolutions about ${subject}`, summary, {
    entries: others.map(resolutionEntry),
    sources: uniqueSources(refs.flatMap((r) => r.item.sources)),
    suggestions:
      others.length === 0 && first.meeting.date
        ? [`Other resolutions on ${formatDate(first.meeting.date).replace(/^\w+ /, '')}`]
        : [],
  });
}
