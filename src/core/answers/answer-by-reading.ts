/**
 * Answers by reading the minutes the way a secretary would: the question's frame (what is asked,
 * which meeting) picks the meetings, then every sentence of those meetings is scored against what
 * is asked (the kind's cue words, the topic's words, the kind of fact wanted), and the best-supported
 * sentences are given with their meeting and source. Structured records (a recorded chair, apologies)
 * come first where the importer found them. Where nothing supports an answer, it says what is not
 * recorded, for which meeting. Returns null when the question is not for this reader.
 */
import { stemmer } from 'stemmer';
import type { Meeting, MeetingItem } from '../model.js';
import { splitSentences } from '../text/sentences.js';
import { words } from '../text/normalise.js';
import { makeAnswer, type Answer, type AnswerEntry, type Citation } from './answer.js';
import { formatDate, listWithAnd, meetingLabel } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { readFrame, type AskedKind, type QuestionFrame } from './question-frame.js';

interface Sentence {
  meeting: Meeting;
  item: MeetingItem;
  text: string;
  stems: Set<string>;
  lower: string;
}

const CUES: Partial<Record<AskedKind, RegExp>> = {
  'vice-chair': /\bvice[- ]?chair/i,
  chair: /\bchair(?:man|person|woman|ed|ing|s)?\b/i,
  apologies: /\bapolog/i,
  attendance: /\b(?:present|attendees|attendance|in attendance)\b/i,
  'minute-taker': /\b(?:minute|note)[- ]?tak|\btake the minutes\b|\bminutes?\b.*\btak/i,
  declarations: /\bdeclar|\binterests?\b/i,
  decision: /\b(?:resolved|agreed|approved|adopted|endorsed|noted|accepted|decided|decision|unanimous|corrected|amendment|subject to)\b/i,
  priority: /\bpriorit/i,
};
const NAME = /\b[A-Z][a-z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+)+/;
const AMOUNT = /£\s?\d|\b\d+(?:\.\d+)?\s?(?:k|m|million|thousand)\b/i;
const NUMBER = /\b\d[\d,]*(?:\.\d+)?%?/;
const DATE_WORDS = /\b\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/i;
const SYNONYMS: Record<string, string[]> = { led: ['lead'], lead: ['led'], subbed: ['substitut'], sub: ['substitut'], cost: ['£', 'contract', 'fund'], resi: ['residenti'], dv: ['domest', 'violenc'], apol: ['apolog'] };

function sentencesOf(kb: KnowledgeBase, meetings: readonly Meeting[]): Sentence[] {
  const out: Sentence[] = [];
  for (const meeting of meetings) {
    for (const item of meeting.items) {
      const paragraphs = [...item.minutes, ...(item.resolution ? [item.resolution.text] : [])];
      for (const paragraph of paragraphs) {
        for (const text of splitSentences(paragraph)) out.push({ meeting, item, text, lower: text.toLowerCase(), stems: new Set([...words(`${item.title} ${text}`).map((w) => stemmer(w))]) });
      }
    }
  }
  void kb;
  return out;
}

/** How well a sentence holds what the question asks: topic words (prefixes count, for abbreviations), the kind's cue, the fact wanted. */
function score(sentence: Sentence, frame: QuestionFrame, cue: RegExp | undefined): number {
  let total = 0;
  for (const term of new Set(frame.terms)) {
    const alternatives = [term, ...(SYNONYMS[term] ?? [])];
    if (alternatives.some((t) => sentence.stems.has(t) || (t.length >= 3 && [...sentence.stems].some((s) => s.startsWith(t))))) total += term.length >= 4 ? 2 : 1;
  }
  if (cue?.test(sentence.text)) total += 3;
  if (frame.wants === 'amount' && AMOUNT.test(sentence.text)) total += 2;
  if (frame.wants === 'number' && NUMBER.test(sentence.text)) total += 1.5;
  if (frame.wants === 'date' && DATE_WORDS.test(sentence.text)) total += 2;
  if (frame.wants === 'name' && NAME.test(sentence.text)) total += 0.5;
  return total;
}

/** Dates a meeting's own text gives for earlier meetings ("the minutes of the meeting held on 27 January 2017"). */
function approvedDates(meeting: Meeting): string[] {
  const text = meeting.items.flatMap((i) => [i.title, ...i.minutes, i.resolution?.text ?? '']).join(' ').toLowerCase();
  const found: string[] = [];
  for (const m of text.matchAll(/\bminutes\b[^.]{0,80}?\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?\s+(\d{4})/g)) {
    const month = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].indexOf(m[2] ?? '') + 1;
    found.push(`${m[3]}-${String(month).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`);
  }
  return found;
}

function meetingText(meeting: Meeting): string {
  return meeting.items.flatMap((i) => [i.title, ...i.minutes, i.resolution?.text ?? '']).join(' ');
}

const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The meetings a question is about, newest first. */
export function meetingsAsked(kb: KnowledgeBase, frame: QuestionFrame): Meeting[] {
  const all = kb.partnership.meetings.filter((m) => m.status !== 'planned');
  const newestFirst = [...all].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  const { dates, approvedMinutes, clause, last } = frame.meeting;
  if (dates.length > 0) {
    const picked = new Set<Meeting>();
    for (const d of dates) {
      const own = newestFirst.filter((m) => (d.length === 2 ? m.date?.slice(5, 7) === d : m.date?.startsWith(d)));
      // The meeting that approved the minutes of that date, or an undated one that names it.
      const approving = newestFirst.filter((m) => approvedDates(m).some((a) => a.startsWith(d)) && !m.date?.startsWith(d));
      const monthOnly = d.length === 2 ? newestFirst.filter((m) => !m.date && meetingText(m).toLowerCase().includes(MONTH_NAMES[Number(d) - 1] ?? '\0')) : [];
      const chosen = approvedMinutes ? (approving.length > 0 ? approving : own) : own.length > 0 ? [...own, ...monthOnly] : [...approving, ...monthOnly];
      chosen.forEach((m) => picked.add(m));
    }
    return [...picked];
  }
  if (clause.length > 0) {
    const scored = newestFirst.map((m) => {
      const stems = new Set(words(meetingText(m)).map((w) => stemmer(w)));
      return { m, hits: clause.filter((t) => stems.has(t)).length };
    });
    const best = Math.max(0, ...scored.map((s) => s.hits));
    if (best >= Math.min(2, clause.length)) return scored.filter((s) => s.hits === best).map((s) => s.m);
  }
  if (last) return newestFirst.filter((m) => m.date).slice(0, 1);
  return newestFirst;
}

function cite(meeting: Meeting, item?: MeetingItem): Citation {
  const doc = meeting.sources[0]?.doc ?? item?.sources[0]?.doc ?? '';
  return { doc, ...(item ? { ref: item.code ?? item.title } : {}) };
}

/** The part of a long list that holds the cue: "Geoff Lee (Chairman)" out of the whole PRESENT list. */
function excerpt(text: string, cue: RegExp | undefined, kind: AskedKind): string {
  if (text.split(' ').length <= 45 || !cue) return text;
  const at = text.search(cue);
  if (at < 0) return text.slice(0, 300);
  if (kind === 'apologies') {
    const rest = text.slice(at);
    const stop = rest.slice(10).search(/\b(?:Present|Officers|In attendance|Attendees|Members Present|Additional attendees)\b\s*:?/);
    return stop > 0 ? rest.slice(0, stop + 10).trim() : rest.slice(0, 600);
  }
  const before = text.slice(Math.max(0, at - 60), at);
  const start = Math.max(before.lastIndexOf(','), before.lastIndexOf(')'), before.lastIndexOf(':'));
  const from = start >= 0 ? at - before.length + start + 1 : Math.max(0, at - 60);
  const close = text.indexOf(')', at);
  const to = close > at && close - at < 40 ? close + 1 : Math.min(text.length, at + 60);
  return text.slice(from, to).trim();
}

function personName(kb: KnowledgeBase, id: string | undefined): string | undefined {
  return id ? kb.person(id)?.name : undefined;
}

function notRecorded(what: string, meetings: readonly Meeting[], extra = ''): Answer {
  const where = meetings.length === 1 && meetings[0] ? `the minutes of ${meetingLabel(meetings[0])}` : 'the minutes on record';
  return makeAnswer('meeting', 'Not recorded', `${what} is not recorded in ${where}.${extra}`, { sources: meetings.slice(0, 3).map((m) => cite(m)) });
}

/** Best sentences per meeting for a cue-led kind (chair, apologies, minute-taker...). */
function answerPerMeeting(kb: KnowledgeBase, frame: QuestionFrame, meetings: readonly Meeting[], what: string): Answer {
  const cue = CUES[frame.kind];
  const entries: AnswerEntry[] = [];
  const missing: Meeting[] = [];
  const single = frame.present && !frame.history;
  for (const meeting of meetings) {
    const structured = frame.kind === 'chair' ? personName(kb, meeting.chairId) : frame.kind === 'vice-chair' ? personName(kb, meeting.viceChairId) : undefined;
    const apologies = frame.kind === 'apologies' && meeting.apologies.length > 0 ? listWithAnd(meeting.apologies.map((id) => kb.person(id)?.name ?? id)) : undefined;
    const candidates = sentencesOf(kb, [meeting])
      .filter((s) => cue?.test(s.text) && (frame.kind !== 'chair' || !/\bvice[- ]?chair/i.test(excerpt(s.text, cue, frame.kind))))
      .map((s) => ({ s, score: score(s, frame, cue) + (NAME.test(excerpt(s.text, cue, frame.kind)) ? 1 : 0) }))
      .sort((a, b) => b.score - a.score);
    const best = candidates[0];
    const fromText = best ? excerpt(best.s.text, cue, frame.kind) : undefined;
    const text = apologies ? `Apologies: ${apologies}.` : structured ? `${structured} (${frame.kind === 'vice-chair' ? 'vice-chair' : 'chair'})${fromText ? `. The minutes: "${fromText}"` : ''}` : fromText;
    if (!text || (frame.kind === 'apologies' && !apologies && !NAME.test(text.replace(/^\W*Apologies\b/i, '')))) {
      missing.push(meeting);
      if (text) entries.push({ heading: meetingLabel(meeting), text: `No names are recorded; the minutes say: "${text}"`, sources: [cite(meeting, best?.s.item)] });
      continue;
    }
    entries.push({ heading: meetingLabel(meeting), text, sources: [cite(meeting, best?.s.item)] });
    if (single) break;
  }
  const found = entries.filter((e) => !e.text.startsWith('No names'));
  if (found.length === 0) return notRecorded(what, meetings.length > 0 ? meetings : [], entries[0] ? ` ${entries[0].text}` : '');
  const gaps = missing.length > 0 && !single ? ` ${what} is not recorded for ${listWithAnd(missing.slice(0, 4).map(meetingLabel))}.` : '';
  const summary = found.length === 1 && found[0] ? `${found[0].heading}: ${found[0].text}${gaps}` : `${what}, from the minutes:${gaps}`;
  return makeAnswer('meeting', what, summary, { entries: found.length === 1 ? [] : found, sources: found.flatMap((e) => e.sources ?? []) });
}

function answerMeetingDate(frame: QuestionFrame, meetings: readonly Meeting[]): Answer | null {
  const [meeting] = meetings;
  if (!meeting || (frame.meeting.dates.length === 0 && frame.meeting.clause.length === 0 && !frame.meeting.last)) return null;
  if (!meeting.date) return notRecorded('The date of that meeting', [meeting], ' The page gives no date for it.');
  const where = meeting.venue ? `, ${meeting.venue}` : '';
  return makeAnswer('meeting', 'Meeting', `The meeting was ${formatDate(meeting.date)}${meeting.time ? ` at ${meeting.time}` : ''}${where}.`, { sources: [cite(meeting)] });
}

/** The best sentences anywhere in the meetings, with the fact asked for where the question wants one. */
export function answerFromSentences(kb: KnowledgeBase, frame: QuestionFrame, meetings: readonly Meeting[], minimum = 3): Answer | null {
  const cue = CUES[frame.kind];
  const ranked = sentencesOf(kb, meetings)
    .map((s) => ({ s, score: score(s, frame, cue) }))
    .filter((r) => r.score >= minimum)
    .sort((a, b) => b.score - a.score || (b.s.meeting.date ?? '').localeCompare(a.s.meeting.date ?? ''));
  const best = ranked[0];
  if (!best) return null;
  const shown = ranked.filter((r) => r.score >= best.score - 1).slice(0, 2);
  const entries = shown.map((r) => ({ heading: `${meetingLabel(r.s.meeting)}, ${r.s.item.code ?? r.s.item.title}`, text: r.s.text, sources: [cite(r.s.meeting, r.s.item)] }));
  return makeAnswer('search', 'From the minutes', `${best.s.text} (${meetingLabel(best.s.meeting)}, ${best.s.item.code ?? best.s.item.title})`, {
    entries: entries.length > 1 ? entries : [],
    sources: entries.flatMap((e) => e.sources),
  });
}

/** Priorities stated in the minutes, for a partnership with no curated list; honest that none is published. */
function answerPriorities(kb: KnowledgeBase, frame: QuestionFrame, meetings: readonly Meeting[]): Answer {
  const stating = /\bpriorit(?:y|ies)\b[^.]{0,80}\b(?:is|are|include|includes|including)\b|\bone of the (?:key )?priorities\b|\bpriority focus\b|\bpriorities (?:are|were|include)\b/i;
  const ranked = sentencesOf(kb, meetings)
    .filter((s) => stating.test(s.text))
    .map((s) => ({ s, score: score(s, frame, CUES.priority) }))
    .sort((a, b) => b.score - a.score);
  const curated = `No priorities are published yet for the ${kb.partnership.name}.`;
  if (ranked.length === 0) {
    const mentions = sentencesOf(kb, meetings).filter((s) => /\bpriorit/i.test(s.text)).slice(0, 1);
    const said = mentions[0] ? ` The minutes mention them ("${mentions[0].text}") but do not list them.` : '';
    return makeAnswer('priorities', 'Priorities not recorded', `The priorities are not listed in the minutes on record.${said} ${curated}`, { sources: mentions.map((m) => cite(m.meeting, m.item)) });
  }
  const entries = ranked.slice(0, 3).map((r) => ({ heading: `${meetingLabel(r.s.meeting)}, ${r.s.item.code ?? r.s.item.title}`, text: r.s.text, sources: [cite(r.s.meeting, r.s.item)] }));
  return makeAnswer('priorities', 'Priorities stated in the minutes', `From the minutes: ${ranked[0]?.s.text ?? ''} ${curated}`, { entries, sources: entries.flatMap((e) => e.sources) });
}

const WHAT: Partial<Record<AskedKind, string>> = {
  chair: 'Who chaired',
  'vice-chair': 'The vice-chair',
  apologies: 'Who sent apologies',
  'minute-taker': 'Who took the minutes',
  declarations: 'Declarations of interest',
};

export function answerByReading(kb: KnowledgeBase, text: string): Answer | null {
  const frame = readFrame(text);
  const meetings = meetingsAsked(kb, frame);
  switch (frame.kind) {
    case 'chair':
    case 'vice-chair':
    case 'apologies':
    case 'minute-taker':
    case 'declarations':
      return answerPerMeeting(kb, frame, meetings, WHAT[frame.kind] ?? 'That');
    case 'attendance': {
      const meeting = meetings[0];
      if (!meeting || meeting.present.length > 0) return null;
      const listed = sentencesOf(kb, [meeting]).find((s) => /^(?:present|members present|attendees|in attendance)\b/i.test(s.text));
      if (listed) return makeAnswer('attendance', 'Attendance', `${meetingLabel(meeting)}: ${listed.text}`, { sources: [cite(meeting, listed.item)] });
      const apologies = meeting.apologies.length > 0 ? ' Only the apologies are listed.' : '';
      return notRecorded('Who attended', [meeting], apologies);
    }
    case 'meeting-date':
      return answerMeetingDate(frame, meetings);
    case 'priority':
      return kb.partnership.priorityYears.length === 0 ? answerPriorities(kb, frame, meetings) : null;
    case 'venue': {
      const meeting = meetings[0];
      if (!meeting || frame.meeting.dates.length === 0) return null;
      return meeting.venue ? makeAnswer('meeting', 'Venue', `The meeting of ${meetingLabel(meeting)} was held at ${meeting.venue}.`, { sources: [cite(meeting)] }) : notRecorded('The venue', [meeting]);
    }
    default:
      return null;
  }
}

/** The reader's answer for a question no other answer took: the best sentence, or an honest "not recorded" for a decision. */
export function answerByReadingFallback(kb: KnowledgeBase, text: string): Answer | null {
  const frame = readFrame(text);
  const meetings = meetingsAsked(kb, frame);
  const found = answerFromSentences(kb, frame, meetings);
  if (found) return found;
  if (frame.kind === 'decision') {
    const topic = answerFromSentences(kb, { ...frame, kind: 'fact' }, meetings, 2);
    if (topic) return { ...topic, summary: `No decision on this is recorded in the minutes; the only record is: ${topic.summary}` };
  }
  return null;
}
