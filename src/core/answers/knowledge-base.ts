/**
 * Everything the answer engine looks things up in, built once from a partnership's records:
 * the priority/alias matcher, the people-name matcher, the full-text indexes over minutes
 * and resolutions, and the vocabulary that tells a typo from a real word. Building is the
 * slow part (a few milliseconds); answering then only reads.
 */
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { Meeting, MeetingItem, Partnership, Person, Priority, PriorityYear, Theme } from '../model/model.js';
import { findAcronyms } from '../text/acronyms.js';
import { words } from '../text/normalise.js';
import { PhraseMatcher, type PhraseTarget } from '../text/phrase-matcher.js';
import { isStopword } from '../text/stopwords.js';
import { documentTitles, type DocumentTitle } from './source-titles.js';

/** One minutes paragraph or resolution, the unit of full-text search. */
export interface Passage {
  id: number;
  meetingId: string;
  itemId: string;
  kind: 'minutes' | 'resolution';
  title: string;
  text: string;
}

export interface ItemRef {
  meeting: Meeting;
  item: MeetingItem;
}

/** Content words of a text, stemmed: the terms both indexes and questions are reduced to. */
export function contentTerms(text: string): string[] {
  return words(text)
    .filter((w) => !isStopword(w) && !/^\d+$/.test(w))
    .map((w) => stemmer(w));
}

const HONORIFICS = new Set([
  'mr',
  'mrs',
  'ms',
  'miss',
  'dr',
  'cllr',
  'supt',
  'superintendent',
  'di',
  'dci',
  'ds',
  'insp',
  'sgt',
  'pc',
  'sir',
  'dame',
  'prof',
]);

export class KnowledgeBase {
  readonly vocabulary = new Set<string>();
  readonly topics: PhraseMatcher;
  readonly people: PhraseMatcher;
  /** The subjects of recorded priority changes -> change ids. */
  readonly changeSubjects: PhraseMatcher;
  readonly passages: Passage[] = [];
  readonly passageIndex: MiniSearch<Passage>;
  readonly itemIndex: MiniSearch<{ id: string; title: string; resolution: string; minutes: string }>;
  /** Held and planned meetings with a date, oldest first. */
  readonly datedMeetings: Meeting[];
  /** Acronym stem -> stems of its long form, as the documents define them. */
  readonly acronyms = new Map<string, string[]>();
  private readonly passageTerms: Set<string>[] = [];
  private readonly passageWords: Set<string>[] = [];
  /** In how many items a term appears: an item's own subject ("Crimestoppers") is rare across items. */
  private readonly termItemCounts = new Map<string, number>();
  private itemCount = 0;
  /** What each source document is, in words: "Minutes of Tuesday 21 March 2023". */
  readonly documentTitles = new Map<string, DocumentTitle>();
  private readonly personById = new Map<string, Person>();
  private readonly meetingById = new Map<string, Meeting>();

  /** The records the indexes are built from, as text: when it is unchanged, the indexes are too. */
  readonly contentKey: string;

  /**
   * The knowledge base for a newer copy of the same partnership. Most changes (answers to an
   * agenda, roles, links, leads) leave what is indexed alone: then the indexes are kept and only the
   * records are swapped, which costs a fraction of a millisecond instead of a rebuild.
   */
  static refreshed(previous: KnowledgeBase, partnership: Partnership): KnowledgeBase {
    if (previous.partnership === partnership) return previous;
    if (indexedContent(partnership) !== previous.contentKey) return new KnowledgeBase(partnership);
    return Object.assign(Object.create(KnowledgeBase.prototype) as KnowledgeBase, previous, { partnership });
  }

  constructor(readonly partnership: Partnership) {
    this.contentKey = indexedContent(partnership);
    for (const person of partnership.people) this.personById.set(person.id, person);
    for (const meeting of partnership.meetings) this.meetingById.set(meeting.id, meeting);
    this.datedMeetings = partnership.meetings
      .filter((m) => m.date !== null)
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));

    this.collectDocumentTitles();
    this.collectPassages();
    this.collectVocabulary();
    const isKnownWord = (w: string): boolean => this.vocabulary.has(w);
    this.topics = new PhraseMatcher(topicPhrases(partnership), isKnownWord);
    this.people = new PhraseMatcher(personPhrases(partnership), isKnownWord);
    this.changeSubjects = new PhraseMatcher(
      partnership.priorityChanges.flatMap((c) => c.subjects.map((phrase) => ({ id: c.id, phrase }))),
      isKnownWord,
    );

    const processTerm = (term: string): string | null => (isStopword(term) ? null : stemmer(term));
    const tokenize = (text: string): string[] => words(text);
    this.passageIndex = new MiniSearch<Passage>({ fields: ['title', 'text'], storeFields: [], processTerm, tokenize });
    this.passageIndex.addAll(this.passages);
    this.itemIndex = new MiniSearch({
      fields: ['title', 'resolution', 'minutes'],
      storeFields: [],
      processTerm,
      tokenize,
    });
    this.itemIndex.addAll(
      this.allItems().map(({ meeting, item }) => ({
        id: itemKey(meeting, item),
        title: item.title,
        resolution: item.resolution?.text ?? '',
        minutes: item.minutes.join(' '),
      })),
    );
  }

  /** The year whose priorities are current: the latest recorded. */
  currentYear(): PriorityYear {
    const year = this.partnership.priorityYears.at(-1);
    if (!year) throw new Error(`partnership ${this.partnership.id} has no priorities recorded`);
    return year;
  }

  findYear(year: string): PriorityYear | undefined {
    return this.partnership.priorityYears.find((y) => y.year === year);
  }

  /** A priority or theme by id, from the current year first, then earlier years. */
  findPriorityOrTheme(id: string): { priority?: Priority; theme?: Theme } {
    for (const year of [...this.partnership.priorityYears].reverse()) {
      const priority = year.priorities.find((p) => p.id === id);
      if (priority) return { priority };
      const theme = year.themes.find((t) => t.id === id);
      if (theme) return { theme };
    }
    return {};
  }

  person(id: string): Person | undefined {
    return this.personById.get(id);
  }

  meeting(id: string): Meeting | undefined {
    return this.meetingById.get(id);
  }

  allItems(): ItemRef[] {
    return this.partnership.meetings.flatMap((meeting) => meeting.items.map((item) => ({ meeting, item })));
  }

  item(key: string): ItemRef | undefined {
    const [meetingId, itemId] = key.split('#');
    const meeting = meetingId ? this.meeting(meetingId) : undefined;
    const item = meeting?.items.find((i) => i.id === itemId);
    return meeting && item ? { meeting, item } : undefined;
  }

  /** Inverse document frequency of a stemmed term over items; unknown terms weigh most. */
  weight(term: string): number {
    const df = this.termItemCounts.get(term) ?? 0;
    return Math.log((this.itemCount + 1) / (df + 0.5));
  }

  /** The words of a passage and its item title as written (folded), for exact-word matches. */
  wordsOf(passage: Passage): ReadonlySet<string> {
    return this.passageWords[passage.id] ?? new Set();
  }

  /** The stemmed terms of a passage, with acronyms and their long forms standing for each other. */
  termsOf(passage: Passage): ReadonlySet<string> {
    return this.passageTerms[passage.id] ?? new Set();
  }

  /** Terms plus the long forms of any acronyms among them, for retrieval. */
  expandAcronyms(terms: readonly string[]): string[] {
    return [...new Set(terms.flatMap((t) => [t, ...(this.acronyms.get(t) ?? [])]))];
  }

  private withAcronyms(terms: Set<string>): Set<string> {
    for (const [acronym, longForm] of this.acronyms) {
      if (terms.has(acronym)) longForm.forEach((t) => terms.add(t));
      else if (longForm.length > 0 && longForm.every((t) => terms.has(t))) terms.add(acronym);
    }
    return terms;
  }

  private collectDocumentTitles(): void {
    for (const [doc, title] of documentTitles(this.partnership)) this.documentTitles.set(doc, title);
  }

  private collectPassages(): void {
    for (const { meeting, item } of this.allItems()) {
      const add = (kind: Passage['kind'], text: string): void => {
        this.passages.push({
          id: this.passages.length,
          meetingId: meeting.id,
          itemId: item.id,
          kind,
          title: item.title,
          text,
        });
      };
      item.minutes.forEach((paragraph) => add('minutes', paragraph));
      if (item.resolution) add('resolution', item.resolution.text);
    }
    for (const [acronym, longForm] of findAcronyms(this.passages.map((p) => `${p.title} ${p.text}`))) {
      this.acronyms.set(
        stemmer(acronym),
        longForm.flatMap((w) => contentTerms(w)),
      );
    }
    const termsByItem = new Map<string, Set<string>>();
    for (const passage of this.passages) {
      const terms = this.withAcronyms(new Set(contentTerms(`${passage.title} ${passage.text}`)));
      this.passageTerms[passage.id] = terms;
      this.passageWords[passage.id] = new Set(words(`${passage.title} ${passage.text}`));
      const key = `${passage.meetingId}#${passage.itemId}`;
      const itemTerms = termsByItem.get(key) ?? new Set<string>();
      terms.forEach((t) => itemTerms.add(t));
      termsByItem.set(key, itemTerms);
    }
    this.itemCount = termsByItem.size;
    for (const terms of termsByItem.values()) {
      for (const term of terms) this.termItemCounts.set(term, (this.termItemCounts.get(term) ?? 0) + 1);
    }
  }

  private collectVocabulary(): void {
    const add = (text: string): void => {
      for (const w of words(text)) this.vocabulary.add(w);
    };
    for (const passage of this.passages) add(`${passage.title} ${passage.text}`);
    for (const person of this.partnership.people) person.names.forEach(add);
    for (const year of this.partnership.priorityYears) {
      year.priorities.forEach((p) => add(p.name));
      year.themes.forEach((t) => add(t.name));
    }
    Object.keys(this.partnership.aliases).forEach(add);
  }
}

/** What the indexes, matchers and vocabulary are built from. */
function indexedContent(partnership: Partnership): string {
  return JSON.stringify([
    partnership.meetings,
    partnership.people,
    partnership.priorityYears,
    partnership.priorityChanges,
    partnership.aliases,
  ]);
}

/** Every name a priority or theme goes by: aliases, names and short names, across the years. */
export function topicPhrases(partnership: Partnership): PhraseTarget[] {
  const phrases: PhraseTarget[] = Object.entries(partnership.aliases).map(([phrase, id]) => ({ id, phrase }));
  for (const year of partnership.priorityYears) {
    for (const p of year.priorities) {
      phrases.push({ id: p.id, phrase: p.name });
      if (p.shortName) phrases.push({ id: p.id, phrase: p.shortName });
    }
    for (const t of year.themes) phrases.push({ id: t.id, phrase: t.name });
  }
  return phrases;
}

/** Every form of every person's name, without honorifics ("peerbux", "s peerbux", "shafick peerbux"). */
export function personPhrases(partnership: Partnership): PhraseTarget[] {
  const phrases: PhraseTarget[] = [];
  for (const person of partnership.people) {
    const forms = new Set<string>([person.surname]);
    for (const name of person.names) {
      const parts = words(name).filter((w) => !HONORIFICS.has(w));
      if (parts.length > 0) forms.add(parts.join(' '));
    }
    if (person.givenName) forms.add(`${person.givenName} ${person.surname}`);
    for (const phrase of forms) phrases.push({ id: person.id, phrase });
  }
  return phrases;
}

export function itemKey(meeting: Meeting, item: MeetingItem): string {
  return `${meeting.id}#${item.id}`;
}
