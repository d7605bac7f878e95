/**
 * Reading the minutes meeting by meeting, for questions whose answer each meeting records in its
 * own words: who chaired, the vice-chair, apologies, the minute-taker, declarations. The structured
 * record comes first where the importer found one; otherwise the sentence that names a person
 * beside the cue. Used by answer-by-reading.ts.
 */
import type { Meeting, MeetingItem } from '../model/model.js';
import { makeAnswer, type Answer, type AnswerEntry, type Citation } from './answer.js';
import { listWithAnd, meetingLabel } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { AskedKind, QuestionFrame } from './question-frame.js';
import type { ReadingIndex, Sentence } from './reading-index.js';
import { hasPersonName, scoreSentence } from './sentence-score.js';

export const CUES: Partial<Record<AskedKind, RegExp>> = {
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
export function cite(meeting: Meeting, item?: MeetingItem): Citation {
  return {
    doc: meeting.sources[0]?.doc ?? item?.sources[0]?.doc ?? '',
    ...(item ? { ref: item.code ?? item.title } : {}),
  };
}

export function place(s: Sentence): string {
  return `${meetingLabel(s.meeting)}, ${s.item.code ?? s.item.title}`;
}

/** The first chair that is not a vice-chair ("... of a chair and vice Chair ... Cllr Horn as Chair"). */
const CHAIR_NOT_VICE = /(?<!\bvice[- ]?)\bchair(?:man|person|woman|ed|ing|s)?\b/i;
/** Where a clause may start: after a comma, a bracket, a colon, or "and", "with" between two appointments. */
const CLAUSE_BREAK = /[,;:)]|\s(?:and|with)\s/g;

/** The index of the last character of the last break before `end`, or -1. */
function lastBreakBefore(text: string, end: number, breaks: RegExp): number {
  let last = -1;
  for (const m of text.slice(0, end).matchAll(breaks)) last = m.index + m[0].length - 1;
  return last;
}

/** The part of a long list that holds the cue: "Lisa Winward, Supt, NYP (Chair)" out of the whole PRESENT list. */
function excerpt(sentence: Sentence, cue: RegExp | undefined, kind: AskedKind): string {
  const text = sentence.text;
  // A short sentence is quoted whole, unless it is a list of people ("Present: A (Chair), B, C"),
  // or names a chair and a vice-chair together, one of whom is not asked about.
  const isList = (text.match(/,/g) ?? []).length >= 3 || /^\W*(?:present|attendees|members present)\b/i.test(text);
  const both =
    (kind === 'chair' || kind === 'vice-chair') && CUES['vice-chair']?.test(text) && CHAIR_NOT_VICE.test(text);
  if (!cue || (text.split(' ').length <= 45 && !isList && !both && kind !== 'apologies')) return text;
  const asked = kind === 'chair' ? CHAIR_NOT_VICE : cue;
  const at = text.search(asked);
  if (at < 0) return text.slice(0, 300);
  if (kind === 'apologies') {
    const rest = text.slice(at);
    const stop = rest
      .slice(10)
      .search(/\b(?:Present|Officers|In attendance|Attendees|Members Present|Additional attendees)\b/);
    return stop > 0 ? rest.slice(0, stop + 10).trim() : rest.slice(0, 700);
  }
  if (!both) return clauseAround(text, at, 0, false);
  // "the appointment of a chair and vice chair ... Cllr Horn ... as Chair, with P becoming Vice Chair":
  // the mention with a name beside it (of the first few: each reads the sentence again).
  const mentions = [...text.matchAll(new RegExp(asked.source, 'gi'))].slice(0, 6);
  const clauses = mentions.map((m) => clauseAround(text, m.index, m[0].length, true));
  return clauses.find((c) => hasPersonName(c)) ?? clauses[0] ?? text.slice(0, 300);
}

/**
 * The words around the cue at `at`: from the clause that names a person before it to a little
 * after it; with `both` a chair and a vice-chair named, to the end of the cue's own clause.
 */
function clauseAround(text: string, at: number, length: number, both: boolean): string {
  const close = text.indexOf(')', at);
  let end = close > at && close - at < 40 ? close + 1 : Math.min(text.length, at + 80);
  const breaks = both ? CLAUSE_BREAK : /[,:)]/g;
  const next = both ? text.slice(at + length).search(/[,;:(]|\s(?:and|with)\s/) : -1;
  if (next >= 0) end = Math.min(end, at + length + next);
  // Back to the separator before the name: skip separators until the piece holds a person's name.
  let from = at;
  for (let step = 0; step < 4 && from > 0; step++) {
    from = lastBreakBefore(text, from - 1, breaks) + 1;
    if (hasPersonName(text.slice(from, at))) break;
  }
  return text.slice(Math.max(from, at - 120), end).trim();
}

/** "CR declared an interest" -> "... (CR: Christine Reynolds)": initials read from the same meeting's lists. */
export function withInitials(index: ReadingIndex, meeting: Meeting, text: string): string {
  const known = index.initials.get(meeting.id);
  if (!known) return text;
  const named = [...new Set(text.match(/\b[A-Z][A-Za-z]?[A-Z]{0,2}\b/g) ?? [])].filter(
    (code) => code.length >= 2 && known.has(code.toUpperCase()),
  );
  return named.length === 0
    ? text
    : `${text} (${named.map((c) => `${c}: ${listWithAnd(known.get(c.toUpperCase()) ?? [])}`).join('; ')})`;
}

export function notRecorded(what: string, meetings: readonly Meeting[], extra = ''): Answer {
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

export function answerPerMeeting(
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
