/**
 * Everything the answer engine looks things up in, for one version of a partnership's records:
 * the priority/alias matcher, the people-name matcher, the full-text indexes over minutes and
 * resolutions (see meeting-index.ts), and the vocabulary that tells a typo from a real word. The
 * meetings' part is the slow one and is shared by every version whose meetings are the same
 * objects; the rest is made again for each version in a few milliseconds. Answering only reads.
 */
import type { Meeting, MeetingItem, Partnership, Person, Priority, PriorityYear, Theme } from '../model/model.js';
import { wordsOfName } from '../text/normalise.js';
import { PhraseMatcher, type PhraseTarget } from '../text/phrase-matcher.js';
import { contentTerms, MeetingIndex, type Passage } from './meeting-index.js';
import { documentTitles, type DocumentTitle } from './source-titles.js';

export { contentTerms, type Passage };

export interface ItemRef {
  meeting: Meeting;
  item: MeetingItem;
}

/** Words of address before a name, never part of what a question asks. */
export const HONORIFICS: ReadonlySet<string> = new Set([
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

/** The newest knowledge base of a partnership, which the matchers of the versions before it consult for known words. */
interface Lineage {
  current: KnowledgeBase;
}

export class KnowledgeBase {
  readonly topics: PhraseMatcher;
  readonly people: PhraseMatcher;
  /** The subjects of recorded priority changes -> change ids. */
  readonly changeSubjects: PhraseMatcher;
  /**
   * Words of names, priorities and aliases, each part kept from the version before while its
   * records are the same (an alias changes only the aliases' words); the minutes' words are the
   * meeting index's.
   */
  private readonly words: Record<'people' | 'priorities' | 'aliases', ReadonlySet<string>>;
  private readonly personById: Map<string, Person>;
  private readonly lineage: Lineage;
  private titles: Map<string, DocumentTitle> | undefined;

  /** The same object for every version of one answer service's knowledge base of the partnership. */
  get series(): object {
    return this.lineage;
  }

  /**
   * The knowledge base for a newer copy of the same partnership. What the change left as it was is
   * kept: the meeting index when the meetings are the same objects (most changes: leads, aliases,
   * roles, links, agenda answers), each name matcher when what it matches is, so that a change
   * costs little to follow.
   */
  static refreshed(previous: KnowledgeBase, partnership: Partnership, meetingIndex?: MeetingIndex): KnowledgeBase {
    if (previous.partnership === partnership) return previous;
    return new KnowledgeBase(partnership, meetingIndex ?? previous.meetingIndex, previous);
  }

  /** `meetingIndex` is used when it holds exactly these meetings; otherwise one is built now. */
  constructor(
    readonly partnership: Partnership,
    meetingIndex?: MeetingIndex,
    previous?: KnowledgeBase,
  ) {
    this.meetingIndex = meetingIndex?.holds(partnership.meetings)
      ? meetingIndex
      : MeetingIndex.of(partnership.meetings);
    const before = previous?.partnership;
    const same = <K extends keyof Partnership>(...keys: K[]): boolean =>
      before !== undefined && keys.every((key) => before[key] === partnership[key]);
    this.words = {
      people:
        previous && same('people') ? previous.words.people : nameWords(partnership.people.flatMap((p) => p.names)),
      priorities:
        previous && same('priorityYears')
          ? previous.words.priorities
          : nameWords(partnership.priorityYears.flatMap((y) => [...y.priorities, ...y.themes].map((t) => t.name))),
      aliases: previous && same('aliases') ? previous.words.aliases : nameWords(Object.keys(partnership.aliases)),
    };
    // Matchers ask the newest version's words: one kept from an older version then knows the new ones.
    this.lineage = previous?.lineage ?? { current: this };
    this.lineage.current = this;
    const lineage = this.lineage;
    const isKnownWord = (w: string): boolean => {
      const { words, meetingIndex } = lineage.current;
      return words.people.has(w) || words.priorities.has(w) || words.aliases.has(w) || meetingIndex.vocabulary.has(w);
    };
    this.personById =
      previous && same('people') ? previous.personById : new Map(partnership.people.map((p) => [p.id, p]));
    this.topics =
      previous && same('aliases', 'priorityYears')
        ? previous.topics
        : new PhraseMatcher(topicPhrases(partnership), isKnownWord);
    this.people =
      previous && same('people') ? previous.people : new PhraseMatcher(personPhrases(partnership), isKnownWord);
    this.changeSubjects =
      previous && same('priorityChanges')
        ? previous.changeSubjects
        : new PhraseMatcher(
            partnership.priorityChanges.flatMap((c) => c.subjects.map((phrase) => ({ id: c.id, phrase }))),
            isKnownWord,
          );
  }

  /** Held and planned meetings with a date, oldest first. */
  get datedMeetings(): readonly Meeting[] {
    return this.meetingIndex.datedMeetings;
  }

  readonly meetingIndex: MeetingIndex;

  get passages(): readonly Passage[] {
    return this.meetingIndex.passages;
  }
  get passageIndex(): MeetingIndex['passageIndex'] {
    return this.meetingIndex.passageIndex;
  }
  get itemIndex(): MeetingIndex['itemIndex'] {
    return this.meetingIndex.itemIndex;
  }
  /** What each source document is, in words: "Minutes of Tuesday 21 March 2023". */
  /** What each source document is, in words, and its published page (see source-titles.ts). */
  get documentTitles(): ReadonlyMap<string, DocumentTitle> {
    this.titles ??= documentTitles(this.partnership);
    return this.titles;
  }
  /** Acronym stem -> stems of its long form, as the documents define them. */
  get acronyms(): ReadonlyMap<string, string[]> {
    return this.meetingIndex.acronyms;
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
    return this.meetingIndex.meeting(id);
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
    return this.meetingIndex.weight(term);
  }

  /** The words of a passage and its item title as written (folded), for exact-word matches. */
  wordsOf(passage: Passage): ReadonlySet<string> {
    return this.meetingIndex.wordsOf(passage);
  }

  /** The stemmed terms of a passage, with acronyms and their long forms standing for each other. */
  termsOf(passage: Passage): ReadonlySet<string> {
    return this.meetingIndex.termsOf(passage);
  }

  /** Terms plus the long forms of any acronyms among them, for retrieval. */
  expandAcronyms(terms: readonly string[]): string[] {
    return [...new Set(terms.flatMap((t) => [t, ...(this.acronyms.get(t) ?? [])]))];
  }
}

function nameWords(names: readonly string[]): ReadonlySet<string> {
  return new Set(names.flatMap((name) => wordsOfName(name)));
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
      const parts = wordsOfName(name).filter((w) => !HONORIFICS.has(w));
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
