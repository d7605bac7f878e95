/**
 * Answers about meetings: when the last or next one is, a given meeting's date, time and venue,
 * the dates set for a year, who chaired, attended or sent apologies, and who presented an item.
 */
import type { Meeting } from '../model/model.js';
import { makeAnswer, type Answer } from './answer.js';
import { formatDate, itemLabel, listWithAnd, meetingLabel, uniqueSources } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { findMeetings, heldMeetings, lastMeeting, nextMeeting } from './meeting-lookup.js';
import type { Question } from './question.js';

/** Those expected who never answered the agenda, as the attendance record keeps them, or ''. */
function notAnsweredSentence(meeting: Meeting): string {
  return meeting.notAnswered?.length ? ` Did not answer the agenda: ${listWithAnd(meeting.notAnswered)}.` : '';
}

function describeMeeting(meeting: Meeting): string {
  const when = [meetingLabel(meeting), meeting.time ? `at ${meeting.time}` : ''].filter(Boolean).join(' ');
  const where = meeting.venue ? `, ${meeting.venue.toLowerCase() === 'online' ? 'online' : meeting.venue}` : '';
  return `${when}${where}`;
}

function meetingFacts(kb: KnowledgeBase, meeting: Meeting): { title: string; value: string }[] {
  const chair = meeting.chairId ? kb.person(meeting.chairId)?.name : undefined;
  return [
    { title: 'Body', value: meeting.body },
    { title: 'Date', value: meetingLabel(meeting) },
    ...(meeting.time ? [{ title: 'Time', value: meeting.time }] : []),
    ...(meeting.venue ? [{ title: 'Venue', value: meeting.venue }] : []),
    ...(chair ? [{ title: 'Chair', value: chair }] : []),
    ...(meeting.items.length > 0 ? [{ title: 'Items', value: String(meeting.items.length) }] : []),
  ];
}

/** The title of the answer that no meeting asked about is recorded. */
export const NO_MEETING_FOUND = 'Meeting not found';

function noMeetingFound(kb: KnowledgeBase, today: Date, what: string): Answer {
  const last = lastMeeting(kb, today);
  return makeAnswer(
    'meeting',
    NO_MEETING_FOUND,
    `No ${what} is recorded.${last ? ` The last meeting on record was ${describeMeeting(last)}.` : ''}`,
    {
      sources: last?.sources ?? [],
      suggestions: ['When was the last meeting?', 'What meetings are planned?'],
    },
  );
}

/**
 * The meetings a question is about; without a reference, the last one held, or the one meeting on
 * record when its page gives no date (a partnership that has imported a single undated page).
 */
function meetingsAsked(kb: KnowledgeBase, question: Question, today: Date): Meeting[] {
  if (question.meeting) return findMeetings(kb, question.meeting, today);
  const last = lastMeeting(kb, today);
  if (last) return [last];
  const held = kb.partnership.meetings.filter((m) => m.status !== 'planned');
  return held.length === 1 ? held : [];
}

export function answerMeeting(kb: KnowledgeBase, question: Question, today: Date): Answer {
  if (
    question.meeting?.kind === 'year' ||
    /\b(planned|dates|schedule|scheduled|calendar|diary)\b/.test(question.lower)
  ) {
    return answerMeetingDates(kb, question, today);
  }
  if (question.meeting?.kind === 'next') {
    const next = nextMeeting(kb, today);
    if (!next) return noMeetingFound(kb, today, 'meeting after today');
    return makeAnswer('meeting', 'Next meeting', `The next meeting is ${describeMeeting(next)}.`, {
      facts: meetingFacts(kb, next),
      sources: next.sources,
    });
  }
  const meetings = meetingsAsked(kb, question, today);
  const [meeting] = meetings;
  if (!meeting) return noMeetingFound(kb, today, question.meeting ? 'meeting on that date' : 'meeting with a date');
  const lead = question.meeting?.kind === 'last' || !question.meeting ? 'The last meeting was' : 'The meeting was';
  const summary =
    meeting.status === 'planned'
      ? `A meeting was scheduled for ${describeMeeting(meeting)} (${meeting.body}); no minutes of it are on record.`
      : `${lead} ${describeMeeting(meeting)} (${meeting.body}).`;
  return makeAnswer('meeting', `Meeting of ${meetingLabel(meeting)}`, summary, {
    facts: meetingFacts(kb, meeting),
    sources: meeting.sources,
    suggestions: [
      `What did we resolve on ${meeting.date ? formatDate(meeting.date) : 'that meeting'}?`,
      `Who attended on ${meeting.date ? formatDate(meeting.date) : 'that meeting'}?`,
    ],
  });
}

function answerMeetingDates(kb: KnowledgeBase, question: Question, today: Date): Answer {
  const year = question.meeting?.kind === 'year' ? question.meeting.year : undefined;
  const meetings = year
    ? findMeetings(kb, { kind: 'year', year }, today)
    : kb.partnership.meetings
        .filter((m) => m.status !== 'undated')
        .sort((a, b) => (a.date ?? a.month ?? '').localeCompare(b.date ?? b.month ?? ''));
  if (meetings.length === 0) return noMeetingFound(kb, today, year ? `meeting in ${year}` : 'meeting date');
  const rows = meetings.map((m) => ({
    text: `${describeMeeting(m)}${m.status === 'planned' ? ' (date set)' : ' (held)'}`,
    sources: m.sources,
  }));
  return makeAnswer(
    'meetings',
    year ? `Meetings in ${year}` : 'Meeting dates',
    `${meetings.length} meetings ${year ? `in ${year}` : 'on record'}:`,
    {
      entries: rows,
      sources: uniqueSources(meetings.flatMap((m) => m.sources)),
      suggestions: ['When was the last meeting?'],
    },
  );
}

/** The meeting for an attendance question: the one named, else the last with attendance recorded. */
function attendanceMeeting(kb: KnowledgeBase, question: Question, today: Date): Meeting | undefined {
  if (question.meeting) return findMeetings(kb, question.meeting, today)[0];
  return [...heldMeetings(kb, today)].reverse().find((m) => m.present.length > 0 || m.chairId);
}

function names(kb: KnowledgeBase, ids: readonly string[]): string[] {
  return ids.map((id) => kb.person(id)?.name ?? id);
}

export function answerAttendance(kb: KnowledgeBase, question: Question, today: Date): Answer {
  const meeting = attendanceMeeting(kb, question, today);
  if (!meeting)
    return noMeetingFound(kb, today, question.meeting ? 'meeting on that date' : 'attendance of a meeting with a date');
  const label = meetingLabel(meeting);
  const sources = meeting.sources;
  const named = question.people[0] ? kb.person(question.people[0].id) : undefined;
  if (named && !/\bwho\b/.test(question.lower)) {
    const status = meeting.present.includes(named.id)
      ? 'was present at'
      : meeting.apologies.includes(named.id)
        ? 'sent apologies for'
        : null;
    const summary = status
      ? `${named.name} ${status} the meeting of ${label}.`
      : `${named.name} is not recorded as present at, or sending apologies for, the meeting of ${label}.`;
    return makeAnswer('attendance', `${named.name}, ${label}`, summary, {
      sources,
      suggestions: [`Who attended on ${label}?`],
    });
  }
  if (/\bchair(ed|man|woman|person)?\b/.test(question.lower) && !/\bvice/.test(question.lower)) {
    const chair = meeting.chairId ? kb.person(meeting.chairId) : undefined;
    const summary = chair
      ? `${chair.name} chaired the meeting of ${label}.`
      : `Who chaired the meeting of ${label} is not recorded in its minutes.`;
    return makeAnswer('attendance', `Chair, ${label}`, summary, {
      sources,
      suggestions: [`Who attended on ${label}?`],
    });
  }
  if (/\bvice/.test(question.lower)) {
    const vice = meeting.viceChairId ? kb.person(meeting.viceChairId) : undefined;
    const summary = vice
      ? `${vice.name} was Vice-Chair at the meeting of ${label}.`
      : `The Vice-Chair at the meeting of ${label} is not recorded.`;
    return makeAnswer('attendance', `Vice-Chair, ${label}`, summary, { sources });
  }
  if (
    /\bapolog|\babsent|\bsent apologies|\bcouldn'?t (come|attend)|\bnot (there|present|attend)/.test(question.lower)
  ) {
    const apologies = names(kb, meeting.apologies);
    const summary =
      apologies.length > 0
        ? `Apologies for the meeting of ${label} (${apologies.length}): ${apologies.join(', ')}.${notAnsweredSentence(meeting)}`
        : `No apologies are recorded for the meeting of ${label}.${notAnsweredSentence(meeting)}`;
    return makeAnswer('attendance', `Apologies, ${label}`, summary, {
      sources,
      suggestions: [`Who attended on ${label}?`],
    });
  }
  const present = names(kb, meeting.present);
  const summary =
    present.length > 0
      ? `Present at the meeting of ${label} (${present.length}): ${present.join(', ')}.${notAnsweredSentence(meeting)}`
      : `Attendance at the meeting of ${label} is not recorded in its minutes.`;
  return makeAnswer('attendance', `Present, ${label}`, summary, {
    sources,
    suggestions: [`Who sent apologies on ${label}?`],
  });
}

/** "Who presented B2?" / "Who gave the Crimestoppers update?" */
export function answerPresenter(
  kb: KnowledgeBase,
  question: Question,
  today: Date,
  itemKeys: readonly string[],
): Answer | null {
  const refs = itemKeys.map((k) => kb.item(k)).filter((r) => r !== undefined);
  const meetings = question.meeting ? new Set(findMeetings(kb, question.meeting, today).map((m) => m.id)) : null;
  const chosen = refs.filter((r) => !meetings || meetings.has(r.meeting.id)).slice(0, 3);
  if (chosen.length === 0) return null;
  const rows = chosen.map(({ meeting, item }) => {
    const who = item.presenters.map((id) => kb.person(id)?.name ?? id);
    return {
      heading: `${itemLabel(item)}, ${meetingLabel(meeting)}`,
      text: who.length > 0 ? `Presented by ${who.join(' and ')}.` : 'The minutes do not say who presented it.',
      sources: item.sources,
    };
  });
  const [first] = rows;
  return makeAnswer('meeting', 'Presenter', first ? `${first.heading}: ${first.text}` : '', {
    entries: rows.slice(1),
    sources: uniqueSources(chosen.flatMap((r) => r.item.sources)),
  });
}

/** "Which items were on the agenda on 21 March 2023?": a held meeting's items, from its minutes. */
export function answerMeetingItems(kb: KnowledgeBase, question: Question, today: Date): Answer | null {
  const ref = question.meeting;
  const [meeting] =
    ref?.kind === 'last'
      ? [lastMeeting(kb, today)].filter((m): m is Meeting => m !== undefined)
      : ref && ref.kind !== 'next'
        ? findMeetings(kb, ref, today)
        : [];
  if (!meeting || meeting.items.length === 0) return null;
  return makeAnswer(
    'meeting',
    `Agenda, ${meetingLabel(meeting)}`,
    `The meeting of ${meetingLabel(meeting)} took ${meeting.items.length} item${meeting.items.length === 1 ? '' : 's'}:`,
    {
      entries: meeting.items.map((i) => ({ text: itemLabel(i) })),
      sources: uniqueSources(meeting.sources),
      suggestions: [`What was agreed at the meeting on ${meetingLabel(meeting)}?`],
    },
  );
}
