/**
 * What the reading answerer looks things up in, built once per knowledge base: every sentence of
 * the minutes with its meeting, item and word stems; the dates of earlier meetings whose minutes
 * it approved; and the initials it uses for people ("AC Cllr Alison Cooper", "Lindsey Butterfield
 * LB"), so an answer can say who "CR" is. Nothing is kept that the store holds already (a
 * meeting's text is read from the meeting when asked), so that a county's years of minutes are
 * not held twice.
 */
import type { Meeting, MeetingItem, Person } from '../model/model.js';
import { words } from '../text/normalise.js';
import { splitSentences } from '../text/sentences.js';
import { buildInSlices, finish, nextTurnPause, type Pause } from './build-in-slices.js';
import type { KnowledgeBase } from './knowledge-base.js';
import { stem } from './meeting-index.js';

export interface Sentence {
  meeting: Meeting;
  item: MeetingItem;
  text: string;
  /**
   * Stems of the sentence's own words in order (a word may recur), for which words it has and how
   * close a question's words stand; no set of them as well: a county's sentences are many.
   */
  order: string[];
  /** Stems of its item's title, one set shared by the item's sentences. */
  titleStems: Set<string>;
  /** The sentences before and after it in the same item (across paragraphs: lists print one name a line). */
  next?: Sentence;
  previous?: Sentence;
  /** It starts a paragraph. */
  opensParagraph: boolean;
}

export interface ReadingIndex {
  sentences: Sentence[];
  byMeeting: Map<string, Sentence[]>;
  approved: Map<string, string[]>;
  /** Every stem of the minutes, by its first two letters: where a question's word is looked up once. */
  stemsByStart: Map<string, string[]>;
  /** Meeting id -> initials -> the names they stand for there. */
  initials: Map<string, Map<string, string[]>>;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "minutes of the meeting held on 27 January 2017": the date of minutes a meeting dealt with. */
const MINUTES_DATE =
  /\bminutes\b[^.]{0,80}?\b(\d{1,2})(?:st|nd|rd|th)?\s+(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*,?\s+(\d{4})/g;
/** "AC Cllr. Alison Cooper", "DOC - Dax O'Connor": initials, then a name. */
const INITIALS_FIRST =
  /(?:^|[\s(])([A-Z]{2,4})[\s–-]+((?:(?:Cllr|Dr|Mr|Mrs|Ms|Supt|Superintendent)\.?\s+)?[A-Z][a-z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+){1,2})/g;
/** "Alison Semmence ASe", "Jade Hodgson (JH)": a name, then initials. */
const INITIALS_AFTER = /([A-Z][a-z'’-]+(?:\s+[A-Z][a-zA-Z'’-]+){1,2})\s+\(?([A-Z][A-Za-z]{1,3})\)?(?=[\s,.;]|$)/g;

function initialsOf(name: string): string {
  return name
    .replace(/^(?:Cllr|Dr|Mr|Mrs|Ms|Supt|Superintendent)\.?\s+/, '')
    .split(/\s+/)
    .map((w) => w.charAt(0))
    .join('')
    .toUpperCase();
}

function readInitials(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  const add = (code: string, name: string): void => {
    const letters = initialsOf(name);
    // Initials must start like the name's: "AC" for Alison Cooper, "DOC" for Dax O'Connor, "ASe" for Alison Semmence.
    const upper = code.toUpperCase();
    if (code.length < 2 || upper.charAt(0) !== letters.charAt(0) || upper.charAt(1) !== letters.charAt(1)) return;
    const list = found.get(code.toUpperCase()) ?? [];
    if (!list.includes(name)) list.push(name);
    found.set(code.toUpperCase(), list);
  };
  for (const m of text.matchAll(INITIALS_FIRST)) add(m[1] ?? '', m[2] ?? '');
  for (const m of text.matchAll(INITIALS_AFTER)) add(m[2] ?? '', m[1] ?? '');
  return found;
}

/** A meeting's whole text, its items' titles, minutes and resolutions a line each. */
export function meetingText(meeting: Meeting): string {
  return meeting.items.flatMap((i) => [i.title, ...i.minutes, i.resolution?.text ?? '']).join('\n');
}

/** The steps of building the index, one meeting each, so that it can be built between turns. */
function* build(kb: KnowledgeBase): Generator<void, ReadingIndex> {
  const index: ReadingIndex = {
    sentences: [],
    byMeeting: new Map(),
    approved: new Map(),
    initials: new Map(),
    stemsByStart: new Map(),
  };
  for (const meeting of kb.partnership.meetings) {
    const own: Sentence[] = [];
    for (const item of meeting.items) {
      let previous: Sentence | undefined;
      const titleStems = new Set(words(item.title).map(stem));
      for (const paragraph of [...item.minutes, ...(item.resolution ? [item.resolution.text] : [])]) {
        splitSentences(paragraph).forEach((text, n) => {
          const order = words(text).map(stem);
          const sentence: Sentence = {
            meeting,
            item,
            text,
            order,
            titleStems,
            opensParagraph: n === 0,
          };
          if (previous) {
            previous.next = sentence;
            sentence.previous = previous;
          }
          previous = sentence;
          own.push(sentence);
        });
      }
    }
    const text = meetingText(meeting);
    const approved = [...text.toLowerCase().matchAll(MINUTES_DATE)].map(
      (m) => `${m[3]}-${String(MONTHS.indexOf(m[2] ?? '') + 1).padStart(2, '0')}-${String(m[1]).padStart(2, '0')}`,
    );
    index.byMeeting.set(meeting.id, own);
    index.sentences.push(...own);
    index.approved.set(meeting.id, approved);
    // Initials the page defines, else those of the people it lists ("TR" for Tom Reed, present).
    const initials = readInitials(text);
    for (const id of [...meeting.present, ...meeting.apologies]) {
      const name = kb.person(id)?.name;
      const code = name ? initialsOf(name) : '';
      if (name && code.length >= 2 && !initials.has(code)) initials.set(code, [name]);
    }
    index.initials.set(meeting.id, initials);
    yield;
  }
  const seen = new Set<string>();
  const file = (stems: Iterable<string>): void => {
    for (const stem of stems) {
      if (seen.has(stem)) continue;
      seen.add(stem);
      const start = stem.slice(0, 2);
      const bucket = index.stemsByStart.get(start);
      if (bucket) bucket.push(stem);
      else index.stemsByStart.set(start, [stem]);
    }
  };
  for (const [n, sentence] of index.sentences.entries()) {
    if (n % 500 === 0) yield;
    file(sentence.order);
    // An item's title stems are one set, shared by its sentences: read once.
    if (sentence.previous?.titleStems !== sentence.titleStems) file(sentence.titleStems);
  }
  return index;
}

/**
 * Keyed by the knowledge base's passages: a knowledge base refreshed after a change that left the
 * minutes alone (an action logged, a lead named) shares them, and so shares this index, as long as
 * the people it reads initials from are the same too. The members' and the published records may
 * differ there, so a passages key holds an index per set of people, each kept while an answer
 * service's knowledge base uses it (its `series`): a change to the members' people alone replaces
 * theirs and leaves the published one. Builds under way in slices are kept the same way, so that
 * a question that needs one finishes it rather than building another.
 */
interface Entry {
  people: readonly Person[];
  index?: ReadingIndex;
  /** A build under way: its steps, and when it is done. */
  steps?: Generator<void, ReadingIndex>;
  done?: Promise<void>;
  /** The answer services (their knowledge bases' series) that use a built index. */
  users?: Set<object>;
}
const CACHE = new WeakMap<object, Entry[]>();
const BUILDING = new WeakMap<object, Entry[]>();

function entryFor(kb: KnowledgeBase, kept: WeakMap<object, Entry[]>): Entry | undefined {
  const people = kb.partnership.people;
  return kept
    .get(kb.passages)
    ?.find((entry) => entry.people.length === people.length && entry.people.every((p, i) => p === people[i]));
}

/** `kb`'s service uses `index` from now on; an index no service uses any more is let go. */
function use(kb: KnowledgeBase, index: ReadingIndex): ReadingIndex {
  const people = kb.partnership.people;
  const entries = (CACHE.get(kb.passages) ?? []).filter((entry) => {
    entry.users?.delete(kb.series);
    return entry.index === index || (entry.users?.size ?? 0) > 0;
  });
  const entry = entries.find((e) => e.index === index) ?? { people, index };
  (entry.users ??= new Set()).add(kb.series);
  CACHE.set(kb.passages, entries.includes(entry) ? entries : [entry, ...entries]);
  return index;
}

export function readingIndex(kb: KnowledgeBase): ReadingIndex {
  const ready = entryFor(kb, CACHE)?.index;
  if (ready) return use(kb, ready);
  const underWay = entryFor(kb, BUILDING);
  if (underWay?.steps) {
    underWay.index ??= finish(underWay.steps);
    return use(kb, underWay.index);
  }
  return use(kb, finish(build(kb)));
}

/**
 * Builds the index in slices between turns (after a start or a change), unless it is built
 * already. With `wanted`, a build that a change has made out of date (`wanted` says no between
 * two slices) is given up: no knowledge base will ask for it.
 */
export function warmReadingIndex(
  kb: KnowledgeBase,
  pause: Pause = nextTurnPause,
  wanted: () => boolean = () => true,
): Promise<void> {
  const ready = entryFor(kb, CACHE)?.index;
  if (ready) {
    use(kb, ready);
    return Promise.resolve();
  }
  const underWay = entryFor(kb, BUILDING);
  if (underWay?.done) return underWay.done;
  const steps = build(kb);
  const entry: Entry = { people: kb.partnership.people, steps };
  BUILDING.set(kb.passages, [...(BUILDING.get(kb.passages) ?? []), entry]);
  let outdated = false;
  const pauseThenLook: Pause = async () => {
    await pause();
    outdated = !wanted();
  };
  entry.done = (async () => {
    try {
      const index = await buildInSlices<ReadingIndex | null>(
        steps,
        pauseThenLook,
        () => entry.index ?? (outdated ? null : undefined),
      );
      // A question may have finished it meanwhile (or failed to), and keeps the one it uses.
      if (index && !entryFor(kb, CACHE)) use(kb, index);
    } finally {
      BUILDING.set(
        kb.passages,
        (BUILDING.get(kb.passages) ?? []).filter((e) => e !== entry),
      );
    }
  })();
  return entry.done;
}
