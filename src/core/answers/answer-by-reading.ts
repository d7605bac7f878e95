/**
 * Answers by reading the minutes the way a secretary would: the question's frame (what is asked,
 * which meeting) picks the meetings, then every sentence of those meetings is scored against what
 * is asked (the kind's cue words, the topic's words, the kind of fact wanted), and the best-supported
 * sentences are given with their meeting and source. Structured records (a recorded chair, apologies)
 * come first where the importer found them. Where nothing supports an answer, it says what is not
 * recorded, for which meeting. Returns null when the question is not for this reader.
 */
import { stemmer } from 'stemmer';
import type { Meeting, MeetingItem } from '../model/model.js';
import { words } from '../text/normalise.js';
import { makeAnswer, type Answer, type AnswerEntry, type Citation } from './answer.js';
import { formatDate, listWithAnd, meetingLabel } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { readFrame, type AskedKind, type QuestionFrame } from './question-frame.js';
import { readingIndex, type ReadingIndex, type Sentence } from './reading-index.js';
import { hasPersonName, scoreSentence } from './sentence-score.js';
import { meetingsAsked } from './meetings-asked.js';

const CUES: Partial<Record<AskedKind, RegExp>> = {
  'vice-chair': /\bvice[- ]?chair/i,
  chair: /\bchair(?:man|person|woman|ed|ing|s)?\b/i,
  apologies: /\bapolog/i,
  attendance: /\b(?:present|attendees|attendance|in attendance)\b/i,
  'minute-taker': /\b(?:minute|note)[- ]?tak|\btake the minutes\b|\bminutes?\b.*\btak/i,
  declarations: /\bdeclar/i,
  decision:
    /\b(?:resolved|agreed|approved|adopted|endorsed|noted|accepted|decided|decision|unanimous|corrected|amendment|subject to)\b/i,
  priority: /\bpriorit/i,
  action: /\bactions?\b/i,
};
function cite(meeting: Meeting, item?: MeetingItem): Citation {
  return {
    doc: meeting.sources[0]?.doc ?? item?.sources[0]?.doc ?? '',
    ...(item ? { ref: item.code ?? item.title } : {}),
  };
}

function place(s: Sentence): string {
  return `${meetingLabel(s.meeting)}, ${s.item.code ?? s.item.title}`;
}

/** The part of a long list that holds the cue: "Lisa Winward, Supt, NYP (Chair)" out of the whole PRESENT list. */
function excerpt(sentence: Sentence, cue: RegExp | undefined, kind: AskedKind): string {
  const text = sentence.text;
  // A short sentence is quoted whole, unless it is a list of people ("Present: A (Chair), B, C").
  const isList = (text.match(/,/g) ?? []).length >= 3 || /^\W*(?:present|attendees|members present)\b/i.test(text);
  if (!cue || (text.split(' ').length <= 45 && !isList && kind !== 'apologies')) return text;
  const at = text.search(cue);
  if (at < 0) return text.slice(0, 300);
  if (kind === 'apologies') {
    const rest = text.slice(at);
    const stop = rest
      .slice(10)
      .search(/\b(?:Present|Officers|In attendance|Attendees|Members Present|Additional attendees)\b/);
    return stop > 0 ? rest.slice(0, stop + 10).trim() : rest.slice(0, 700);
  }
  const close = text.indexOf(')', at);
  const end = close > at && close - at < 40 ? close + 1 : Math.min(text.length, at + 80);
  // Back to the separator before the name: skip separators until the piece holds a person's name.
  let from = at;
  for (let step = 0; step < 4 && from > 0; step++) {
    const before = text.slice(0, from - 1);
    from = Math.max(before.lastIndexOf(','), before.lastIndexOf(')'), before.lastIndexOf(':')) + 1;
    if (hasPersonName(text.slice(from, at))) break;
  }
  return text.slice(Math.max(from, at - 120), end).trim();
}

/** "CR declared an interest" -> "... (CR: Christine Reynolds)": initials read from the same meeting's lists. */
function withInitials(index: ReadingIndex, meeting: Meeting, text: string): string {
  const known = index.initials.get(meeting.id);
  if (!known) return text;
  const named = [...new Set(text.match(/\b[A-Z][A-Za-z]?[A-Z]{0,2}\b/g) ?? [])].filter(
    (code) => code.length >= 2 && known.has(code.toUpperCase()),
  );
  return named.length === 0
    ? text
    : `${text} (${named.map((c) => `${c}: ${listWithAnd(known.get(c.toUpperCase()) ?? [])}`).join('; ')})`;
}

function notRecorded(what: string, meetings: readonly Meeting[], extra = ''): Answer {
  const where =
    meetings.length === 1 && meetings[0] ? `the minutes of ${meetingLabel(meetings[0])}` : 'the minutes on record';
  return makeAnswer('meeting', 'Not recorded', `${what} is not recorded in ${where}.${extra}`, {
    sources: meetings.slice(0, 3).map((m) => cite(m)),
  });
}

/** A person named next to the cue ("Stuart Bell, ... chair opened"), not anywhere in the sentence. */
function namedNearCue(text: string, cue: RegExp | undefined): boolean {
  const at = cue ? text.search(cue) : -1;
  if (at < 0) return hasPersonName(text);
  return hasPersonName(text.slice(Math.max(0, at - 70), at + 70).replace(/\([^()]*$/, ''));
}

/** A label standing alone ("Apologies", "Dorset Council (Chair)"): the list or name around it completes it. */
function withNeighbours(s: Sentence, kind: AskedKind): string {
  const short = s.text.split(' ').length <= 5;
  if (!short) return s.text;
  if (kind !== 'apologies') return s.previous && s.opensParagraph ? `${s.previous.text} ${s.text}` : s.text;
  const list: string[] = [s.text];
  for (
    let next = s.next;
    next &&
    list.length < 16 &&
    next.text.split(' ').length <= 16 &&
    !/^(?:present|attendees|item|no\b|agenda|minutes)/i.test(next.text);
    next = next.next
  )
    list.push(next.text);
  return list.join(' ');
}

function onlyViceChair(text: string): boolean {
  return !CUES.chair?.test(text.replace(/\bvice[- ]?chair\w*/gi, ''));
}

/** One meeting's answer for a cue-led kind: the structured record, else the best sentence. */
function meetingEntry(
  kb: KnowledgeBase,
  index: ReadingIndex,
  frame: QuestionFrame,
  meeting: Meeting,
): { entry?: AnswerEntry; score: number; unnamed?: string } {
  const cue = CUES[frame.kind];
  const chairId =
    frame.kind === 'chair' ? meeting.chairId : frame.kind === 'vice-chair' ? meeting.viceChairId : undefined;
  const structured = chairId ? kb.person(chairId)?.name : undefined;
  const apologies =
    frame.kind === 'apologies' && meeting.apologies.length > 0
      ? listWithAnd(meeting.apologies.map((id) => kb.person(id)?.name ?? id))
      : undefined;
  const ranked = (index.byMeeting.get(meeting.id) ?? [])
    .filter((s) => cue?.test(s.text) && (frame.kind !== 'chair' || !onlyViceChair(s.text)))
    .map((s) => {
      let shown = withNeighbours({ ...s, text: excerpt(s, cue, frame.kind) }, frame.kind);
      // "Apologies:" at the end of a paragraph: the names follow in the next sentence.
      for (
        let next = s.next;
        frame.kind === 'apologies' && next && shown.length - shown.search(/apolog/i) < 60;
        next = next.next
      )
        shown = `${shown} ${withNeighbours(next, frame.kind)}`;
      // Every declaration of the meeting, not only the first.
      if (frame.kind === 'declarations')
        shown = (index.byMeeting.get(meeting.id) ?? [])
          .filter((d) => d.item === s.item && cue?.test(d.text))
          .map((d) => d.text)
          .slice(0, 5)
          .join(' ');
      const named =
        frame.kind === 'declarations' ||
        (frame.kind === 'apologies' ? hasPersonName(shown.replace(/^\W*Apolog\w*/i, '')) : namedNearCue(shown, cue));
      return { s, shown, named, score: scoreSentence(s, frame, cue, index) + (named ? 2 : 0) };
    })
    .sort((a, b) => b.score - a.score);
  const best = ranked.find((r) => r.named);
  const sources = [cite(meeting, best?.s.item)];
  const heading = meetingLabel(meeting);
  if (apologies)
    return {
      entry: { heading, text: `Apologies: ${apologies}.${best ? ` The minutes: "${best.shown}"` : ''}`, sources },
      score: 10,
    };
  // The minutes' own words only where they name the same person.
  const surname = chairId ? kb.person(chairId)?.surname : undefined;
  const quote =
    best && surname && best.shown.includes(surname)
      ? `. The minutes: "${withInitials(index, meeting, best.shown)}"`
      : '';
  if (structured) return { entry: { heading, text: `${structured} (${frame.kind})${quote}`, sources }, score: 10 };
  if (best) return { entry: { heading, text: withInitials(index, meeting, best.shown), sources }, score: best.score };
  return { score: 0, ...(ranked[0] ? { unnamed: ranked[0].shown } : {}) };
}

const WHAT: Partial<Record<AskedKind, string>> = {
  chair: 'Who chaired',
  'vice-chair': 'The vice-chair',
  apologies: 'Who sent apologies',
  'minute-taker': 'Who took the minutes',
  declarations: 'Any declaration of interest',
};

function answerPerMeeting(
  kb: KnowledgeBase,
  index: ReadingIndex,
  frame: QuestionFrame,
  meetings: readonly Meeting[],
): Answer {
  const what = WHAT[frame.kind] ?? 'That';
  const read = meetings.map((m) => ({ meeting: m, ...meetingEntry(kb, index, frame, m) }));
  const found = read.filter((r) => r.entry);
  if (frame.present && !frame.history && found.length > 1) {
    // "Who is the vice-chair?": the best-supported statement, the newest where they tie.
    const top = Math.max(...found.map((r) => r.score));
    found.splice(0, found.length, found.find((r) => r.score === top) ?? (found[0] as (typeof found)[number]));
  }
  if (found.length === 0) {
    const unnamed = read.find((r) => r.unnamed)?.unnamed;
    return notRecorded(what, meetings, unnamed ? ` The minutes say only: "${unnamed}"` : '');
  }
  const missing =
    frame.present && !frame.history ? [] : read.filter((r) => !r.entry).map((r) => meetingLabel(r.meeting));
  const gaps = missing.length > 0 ? ` ${what} is not recorded for ${listWithAnd(missing.slice(0, 4))}.` : '';
  const entries = found.map((r) => r.entry as AnswerEntry);
  const first = entries[0] as AnswerEntry;
  const summary = entries.length === 1 ? `${first.heading}: ${first.text}${gaps}` : `${what}, from the minutes:${gaps}`;
  return makeAnswer('meeting', what, summary, {
    entries: entries.length === 1 ? [] : entries,
    sources: entries.flatMap((e) => e.sources ?? []),
  });
}

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
