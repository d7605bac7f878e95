/**
 * Answers by reading the minutes the way a secretary would: the question's frame (what is asked,
 * which meeting) picks the meetings, then every sentence of those meetings is scored against what
 * is asked (the kind's cue words, the topic's words, the kind of fact wanted), and the best-supported
 * sentences are given with their meeting and source. Structured records (a recorded chair, apologies)
 * come first where the importer found them. Where nothing supports an answer, it says what is not
 * recorded, for which meeting. Returns null when the question is not for this reader.
 */
import { stemmer } from 'stemmer';
import type { Meeting } from '../model/model.js';
import { words } from '../text/normalise.js';
import { makeAnswer, type Answer } from './answer.js';
import { formatDate, listWithAnd, meetingLabel } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { readFrame, type QuestionFrame } from './question-frame.js';
import { readingIndex, type ReadingIndex, type Sentence } from './reading-index.js';
import { scoreSentence } from './sentence-score.js';
import { answerPerMeeting, cite, CUES, notRecorded, place, withInitials } from './answer-per-meeting.js';
import { meetingsAsked } from './meetings-asked.js';

/** Sentences scoring at least `minimum`, best first (filtered before sorting: most sentences score nothing). */
function ranked(
  index: ReadingIndex,
  frame: QuestionFrame,
  meetings: readonly Meeting[],
  cue: RegExp | undefined,
  minimum: number,
): { s: Sentence; score: number }[] {
  const found: { s: Sentence; score: number }[] = [];
  for (const meeting of meetings) {
    for (const s of index.byMeeting.get(meeting.id) ?? []) {
      const score = scoreSentence(s, frame, cue, index);
      if (score >= minimum) found.push({ s, score });
    }
  }
  return found.sort((a, b) => b.score - a.score || (b.s.meeting.date ?? '').localeCompare(a.s.meeting.date ?? ''));
}

/** What follows a sentence: the next one, or the whole list when the sentence introduces one ("the following two pledges:"). */
function listAfter(s: Sentence): string {
  if (!s.text.endsWith(':')) return s.next?.text ?? '';
  const list: string[] = [];
  for (let next = s.next; next && list.length < 8 && next.text.split(' ').length <= 25; next = next.next)
    list.push(next.text);
  return list.join(' ');
}

/** The best sentences, with the one that follows where it continues the point. */
export function answerFromSentences(
  index: ReadingIndex,
  frame: QuestionFrame,
  meetings: readonly Meeting[],
  minimum = 3,
  cue = CUES[frame.kind],
  cueNeeded = false,
): Answer | null {
  const all = ranked(index, frame, meetings, cue, minimum).filter((r) => !cueNeeded || cue?.test(r.s.text));
  const best = all[0];
  if (!best) return null;
  const shown = all.filter((r) => r.score >= best.score - 1).slice(0, frame.kind === 'action' ? 8 : 2);
  const full = (s: Sentence) =>
    withInitials(index, s.meeting, s.next && frame.kind !== 'action' ? `${s.text} ${listAfter(s)}` : s.text);
  const entries = shown.map((r) => ({ heading: place(r.s), text: full(r.s), sources: [cite(r.s.meeting, r.s.item)] }));
  return makeAnswer('search', 'From the minutes', `${full(best.s)} (${place(best.s)})`, {
    entries: entries.length > 1 ? entries : [],
    sources: entries.flatMap((e) => e.sources),
  });
}

function answerMeetingDate(index: ReadingIndex, frame: QuestionFrame, meetings: readonly Meeting[]): Answer | null {
  const [meeting] = meetings;
  const { dates, clause, last, approvedMinutes } = frame.meeting;
  if (!meeting || (dates.length === 0 && clause.length === 0 && !last)) return null;
  // "Which minutes were confirmed at the March 2019 meeting?": the minutes item of that meeting.
  if (approvedMinutes && dates.some((d) => meeting.date?.startsWith(d)))
    return answerFromSentences(index, { ...frame, terms: [...frame.terms, 'minut'] }, [meeting], 3, /\bminutes\b/i);
  if (!meeting.date) return notRecorded('The date of that meeting', [meeting], ' The page gives no date for it.');
  return makeAnswer(
    'meeting',
    'Meeting',
    `The meeting was ${formatDate(meeting.date)}${meeting.time ? ` at ${meeting.time}` : ''}${meeting.venue ? `, ${meeting.venue}` : ''}.`,
    { sources: [cite(meeting)] },
  );
}

/** Priorities stated in the minutes, for a partnership with no curated list; honest that none is published. */
function answerPriorities(
  kb: KnowledgeBase,
  index: ReadingIndex,
  frame: QuestionFrame,
  meetings: readonly Meeting[],
): Answer {
  const stating =
    /\bpriority\s+(?:is|was)\b|\bpriorities\s+(?:for\s+\S+\s+)?(?:are|were|include)\b|\bone of the (?:key |main )?priorities\b|\bpriority focus\b|\bpriorities\s*:/i;
  const sentences = meetings.flatMap((m) => index.byMeeting.get(m.id) ?? []);
  const stated = sentences
    .filter((s) => stating.test(s.text))
    .map((s) => ({ s, score: scoreSentence(s, frame, CUES.priority, index) }))
    .sort((a, b) => b.score - a.score);
  const curated = `No priorities are published yet for the ${kb.partnership.name}.`;
  if (stated.length === 0) {
    const mention = sentences.find((s) => /\bpriorit/i.test(s.text));
    const said = mention
      ? ` The minutes mention them (${place(mention)}: "${mention.text}") but do not list them.`
      : '';
    return makeAnswer(
      'priorities',
      'Priorities not recorded',
      `The priorities are not listed in the minutes on record.${said} ${curated}`,
      { sources: mention ? [cite(mention.meeting, mention.item)] : [] },
    );
  }
  const entries = stated
    .slice(0, 3)
    .map((r) => ({ heading: place(r.s), text: r.s.text, sources: [cite(r.s.meeting, r.s.item)] }));
  return makeAnswer(
    'priorities',
    'Priorities stated in the minutes',
    `From the minutes: ${stated[0]?.s.text ?? ''} ${curated}`,
    { entries, sources: entries.flatMap((e) => e.sources) },
  );
}

/** "Who is AC?": the people those initials stand for in the minutes asked about. */
function answerInitials(index: ReadingIndex, code: string, meetings: readonly Meeting[]): Answer | null {
  for (const meeting of meetings) {
    const names = index.initials.get(meeting.id)?.get(code);
    if (names && names.length > 0)
      return makeAnswer(
        'person',
        code,
        `In the minutes of ${meetingLabel(meeting)}, ${code} is ${listWithAnd(names)}${names.length > 1 ? ' (the same initials for different people)' : ''}.`,
        { sources: [cite(meeting)] },
      );
  }
  return null;
}

/** The partnership's own name ("Safer Arun Partnership", "Kent") says nothing about the topic. */
function frameFor(kb: KnowledgeBase, text: string): QuestionFrame {
  const frame = readFrame(text);
  const own = new Set(words(`${kb.partnership.name} ${kb.partnership.shortName}`).map((w) => stemmer(w)));
  return {
    ...frame,
    terms: frame.terms.filter((t) => !own.has(t)),
    meeting: { ...frame.meeting, clause: frame.meeting.clause.filter((t) => !own.has(t)) },
  };
}

export function answerByReading(kb: KnowledgeBase, text: string): Answer | null {
  const frame = frameFor(kb, text);
  const index = readingIndex(kb);
  const meetings = meetingsAsked(kb, index, frame);
  const code = /\bwho (?:is|was|are)\s+([A-Z][A-Za-z]?[A-Z]{1,2})\b/.exec(text)?.[1];
  if (code) return answerInitials(index, code.toUpperCase(), meetings);
  // "Why was there no meeting in April?": a reason is a fact in the minutes, not a meeting lookup.
  if (/^(?:why|how come)\b/i.test(text.trim())) return answerFromSentences(index, frame, meetings, 4);
  switch (frame.kind) {
    case 'chair':
    case 'vice-chair':
    case 'apologies':
    case 'minute-taker':
    case 'declarations':
      return meetings.length === 0 ? null : answerPerMeeting(kb, index, frame, meetings);
    case 'attendance': {
      const meeting = meetings[0];
      if (!meeting || meeting.present.length > 0) return null;
      const listed = (index.byMeeting.get(meeting.id) ?? []).find((s) =>
        /^(?:present|members present|attendees|in attendance)\b/i.test(s.text),
      );
      if (listed)
        return makeAnswer('attendance', 'Attendance', `${meetingLabel(meeting)}: ${listed.text}`, {
          sources: [cite(meeting, listed.item)],
        });
      const about = answerFromSentences(index, frame, [meeting], 3.5, CUES.attendance, true);
      if (about)
        return {
          ...about,
          summary: `The minutes of ${meetingLabel(meeting)} do not list who attended; they say: ${about.summary}`,
        };
      return notRecorded(
        'Who attended',
        [meeting],
        meeting.apologies.length > 0 ? ' Only the apologies are listed.' : '',
      );
    }
    case 'meeting-date':
      return answerMeetingDate(index, frame, meetings);
    case 'priority':
      return kb.partnership.priorityYears.length === 0 ? answerPriorities(kb, index, frame, meetings) : null;
    case 'action':
      return answerFromSentences(index, frame, meetings, 5);
    case 'venue': {
      const meeting = meetings[0];
      if (!meeting || frame.meeting.dates.length === 0) return null;
      const where =
        meeting.venue && /^(?:online|virtual(?:ly)?)$/i.test(meeting.venue) ? 'online' : `at ${meeting.venue}`;
      return meeting.venue
        ? makeAnswer('meeting', 'Venue', `The meeting of ${meetingLabel(meeting)} was held ${where}.`, {
            sources: [cite(meeting)],
          })
        : notRecorded('The venue', [meeting]);
    }
    default:
      return null;
  }
}

/** The best sentence, said plainly to be only the closest, for a question the search was unsure of. */
export function closestByReading(kb: KnowledgeBase, text: string): Answer | null {
  const frame = frameFor(kb, text);
  const index = readingIndex(kb);
  const found = answerFromSentences(index, frame, meetingsAsked(kb, index, frame));
  if (!found) return null;
  return {
    ...found,
    title: 'Closest match in the minutes',
    summary: `I don't have a clear answer to that. The closest passage in the minutes says: ${found.summary}`,
  };
}

/** For a question no other answer took: the best sentence, or for a decision an honest "not recorded". */
export function answerByReadingFallback(kb: KnowledgeBase, text: string): Answer | null {
  const frame = frameFor(kb, text);
  const index = readingIndex(kb);
  const meetings = meetingsAsked(kb, index, frame);
  const found = answerFromSentences(index, frame, meetings);
  if (frame.kind !== 'decision' || (found && CUES.decision?.test(found.summary))) return found;
  const topic = found ?? answerFromSentences(index, { ...frame, kind: 'fact' }, meetings, 2);
  return makeAnswer(
    'resolutions',
    'No decision recorded',
    `A decision on this is not recorded in the minutes on record.${topic ? ` The nearest record: ${topic.summary}` : ''}`,
    { sources: topic?.sources ?? [] },
  );
}
