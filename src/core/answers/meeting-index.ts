/**
 * The part of a knowledge base built from a partnership's meetings: the passages (minutes
 * paragraphs and resolutions), their terms, the full-text indexes, the acronyms the documents
 * define, what each source document is, and the words of the minutes. It is the slow part, so it
 * is built apart from the rest and kept for as long as the meetings are the same objects: the
 * store changes copy-on-write, so a change to leads, aliases, roles or an agenda answer leaves
 * every meeting as it was and the index is reused whole. What a meeting contributes is also
 * remembered per meeting, so a change to one meeting reads only that one again.
 *
 * The build is a generator that stops after each meeting and each batch of documents, so it can
 * run in slices between turns (see `MeetingIndexes.warm`) or straight through when asked for.
 */
import MiniSearch from 'minisearch';
import { stemmer } from 'stemmer';
import type { Meeting } from '../model/model.js';
import { findAcronyms } from '../text/acronyms.js';
import { boundedMemo } from '../text/bounded-memo.js';
import { words } from '../text/normalise.js';
import { isStopword } from '../text/stopwords.js';
import { finish } from './build-in-slices.js';

/** One minutes paragraph or resolution, the unit of full-text search. */
export interface Passage {
  id: number;
  meetingId: string;
  itemId: string;
  kind: 'minutes' | 'resolution';
  title: string;
  text: string;
}

/** A word's stem, remembered: the same words recur through every meeting's minutes (years of them fit many times over). */
export const stem: (word: string) => string = boundedMemo(stemmer, 200_000);

/** The content words among `words`, stemmed. */
function termsOfWords(list: readonly string[]): string[] {
  return list.filter((w) => !isStopword(w) && !/^\d+$/.test(w)).map(stem);
}

/** Content words of a text, stemmed: the terms both indexes and questions are reduced to. */
export function contentTerms(text: string): string[] {
  return termsOfWords(words(text));
}

/** What one meeting contributes, remembered for as long as the meeting object lives. */
interface MeetingPiece {
  passages: { itemId: string; kind: Passage['kind']; title: string; text: string; terms: readonly string[] }[];
  acronyms: Map<string, string[]>;
  words: readonly string[];
}

const PIECES = new WeakMap<Meeting, MeetingPiece>();

/**
 * The words of each text read while building (minutes paragraphs, titles), so that the full-text
 * indexes tokenise each text once, not again per index.
 */
type Tokens = Map<string, string[]>;

function tokensOf(text: string, tokens: Tokens): string[] {
  let found = tokens.get(text);
  if (!found) {
    found = words(text);
    tokens.set(text, found);
  }
  return found;
}

function pieceOf(meeting: Meeting, tokens: Tokens): MeetingPiece {
  const known = PIECES.get(meeting);
  if (known) return known;
  const passages: MeetingPiece['passages'] = [];
  const vocabulary = new Set<string>();
  for (const item of meeting.items) {
    const titleWords = tokensOf(item.title, tokens);
    const add = (kind: Passage['kind'], text: string): void => {
      const textWords = tokensOf(text, tokens);
      for (const w of titleWords) vocabulary.add(w);
      for (const w of textWords) vocabulary.add(w);
      passages.push({
        itemId: item.id,
        kind,
        title: item.title,
        text,
        terms: [...new Set([...termsOfWords(titleWords), ...termsOfWords(textWords)])],
      });
    };
    item.minutes.forEach((paragraph) => add('minutes', paragraph));
    if (item.resolution) add('resolution', item.resolution.text);
  }
  const piece = {
    passages,
    acronyms: findAcronyms(passages.map((p) => `${p.title} ${p.text}`)),
    words: [...vocabulary],
  };
  PIECES.set(meeting, piece);
  return piece;
}

type ItemDocument = { id: string; title: string; resolution: string; minutes: string };

/** Passages or items read between two pauses of a sliced build. */
const DOCUMENTS_PER_STEP = 100;
/**
 * Characters of text added to a full-text index between two pauses: some 2 ms here. A count of
 * documents would not do, as an item holds all its minutes: 100 items took 20 to 30 ms.
 */
const CHARACTERS_PER_STEP = 24_000;

/** Adds the documents to the index in order, pausing after every CHARACTERS_PER_STEP of their text. */
function* addInSteps<T>(
  index: MiniSearch<T>,
  documents: readonly T[],
  length: (document: T) => number,
): Generator<void> {
  let batch: T[] = [];
  let characters = 0;
  for (const document of documents) {
    batch.push(document);
    characters += length(document);
    if (characters < CHARACTERS_PER_STEP) continue;
    index.addAll(batch);
    batch = [];
    characters = 0;
    yield;
  }
  index.addAll(batch);
}

const processTerm = (term: string): string | null => (isStopword(term) ? null : stem(term));

export class MeetingIndex {
  readonly passages: Passage[] = [];
  readonly passageIndex: MiniSearch<Passage>;
  readonly itemIndex: MiniSearch<ItemDocument>;
  /** Acronym stem -> stems of its long form, as the documents define them. */
  readonly acronyms = new Map<string, string[]>();
  /** Every word of the minutes as written (folded): tells a typo from a real word. */
  readonly vocabulary = new Set<string>();
  /** Each passage's terms as first read, without the acronyms' other forms. */
  private readonly baseTerms: (readonly string[])[] = [];
  /** In how many items a term appears: an item's own subject ("Crimestoppers") is rare across items. */
  private readonly termItemCounts = new Map<string, number>();
  private itemCount = 0;

  /** The texts read while building; none once built (questions are tokenised afresh). */
  private tokens: Tokens | null = new Map();

  private constructor(readonly meetings: readonly Meeting[]) {
    const tokenize = (text: string): string[] => (this.tokens ? tokensOf(text, this.tokens) : words(text));
    this.passageIndex = new MiniSearch<Passage>({ fields: ['title', 'text'], storeFields: [], processTerm, tokenize });
    this.itemIndex = new MiniSearch<ItemDocument>({
      fields: ['title', 'resolution', 'minutes'],
      storeFields: [],
      processTerm,
      tokenize,
    });
  }

  /** The steps of building the index of `meetings`; the generator's result is the index. */
  static *build(meetings: readonly Meeting[]): Generator<void, MeetingIndex> {
    const index = new MeetingIndex(meetings);
    const tokens = index.tokens!;
    const pieces: MeetingPiece[] = [];
    for (const meeting of meetings) {
      pieces.push(pieceOf(meeting, tokens));
      yield;
    }
    const rawAcronyms = new Map<string, string[]>();
    for (const [m, piece] of pieces.entries()) {
      const meeting = meetings[m]!;
      for (const [acronym, longForm] of piece.acronyms)
        if (!rawAcronyms.has(acronym)) rawAcronyms.set(acronym, longForm);
      for (const w of piece.words) index.vocabulary.add(w);
      for (const p of piece.passages) {
        index.passages.push({
          id: index.passages.length,
          meetingId: meeting.id,
          itemId: p.itemId,
          kind: p.kind,
          title: p.title,
          text: p.text,
        });
        index.baseTerms.push(p.terms);
      }
      yield;
    }
    for (const [acronym, longForm] of rawAcronyms)
      index.acronyms.set(
        stemmer(acronym),
        longForm.flatMap((w) => contentTerms(w)),
      );
    yield;
    const termsByItem = new Map<string, Set<string>>();
    for (const passage of index.passages) {
      const key = `${passage.meetingId}#${passage.itemId}`;
      const itemTerms = termsByItem.get(key) ?? new Set<string>();
      index.termsOf(passage).forEach((t) => itemTerms.add(t));
      termsByItem.set(key, itemTerms);
      if (passage.id % DOCUMENTS_PER_STEP === 0) yield;
    }
    index.itemCount = termsByItem.size;
    let counted = 0;
    for (const terms of termsByItem.values()) {
      for (const term of terms) index.termItemCounts.set(term, (index.termItemCounts.get(term) ?? 0) + 1);
      if (++counted % DOCUMENTS_PER_STEP === 0) yield;
    }
    yield* addInSteps(index.passageIndex, index.passages, (p) => p.title.length + p.text.length);
    yield;
    const items: ItemDocument[] = [];
    for (const meeting of meetings) {
      for (const item of meeting.items) {
        const minutes = item.minutes.join(' ');
        // The joined paragraphs' words are theirs one after another.
        if (!tokens.has(minutes))
          tokens.set(
            minutes,
            item.minutes.flatMap((m) => tokensOf(m, tokens)),
          );
        items.push({
          id: `${meeting.id}#${item.id}`,
          title: item.title,
          resolution: item.resolution?.text ?? '',
          minutes,
        });
      }
      yield;
    }
    yield* addInSteps(index.itemIndex, items, (i) => i.title.length + i.resolution.length + i.minutes.length);
    index.tokens = null;
    return index;
  }

  /** Built straight through. */
  static of(meetings: readonly Meeting[]): MeetingIndex {
    return finish(MeetingIndex.build(meetings));
  }

  private byId?: Map<string, Meeting>;
  private dated?: Meeting[];

  meeting(id: string): Meeting | undefined {
    this.byId ??= new Map(this.meetings.map((m) => [m.id, m]));
    return this.byId.get(id);
  }

  /** Held and planned meetings with a date, oldest first. */
  get datedMeetings(): readonly Meeting[] {
    this.dated ??= this.meetings
      .filter((m) => m.date !== null)
      .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
    return this.dated;
  }

  /** Whether this index was built from exactly these meetings (the same objects, in order). */
  holds(meetings: readonly Meeting[]): boolean {
    return (
      meetings === this.meetings ||
      (meetings.length === this.meetings.length && meetings.every((m, i) => m === this.meetings[i]))
    );
  }

  /** Inverse document frequency of a stemmed term over items; unknown terms weigh most. */
  weight(term: string): number {
    const df = this.termItemCounts.get(term) ?? 0;
    return Math.log((this.itemCount + 1) / (df + 0.5));
  }

  /** The stemmed terms of a passage, with acronyms and their long forms standing for each other. */
  termsOf(passage: Passage): ReadonlySet<string> {
    const terms = new Set(this.baseTerms[passage.id] ?? []);
    for (const [acronym, longForm] of this.acronyms) {
      if (terms.has(acronym)) longForm.forEach((t) => terms.add(t));
      else if (longForm.length > 0 && longForm.every((t) => terms.has(t))) terms.add(acronym);
    }
    return terms;
  }

  /** The words of a passage and its item title as written (folded), for exact-word matches; read when asked, not kept. */
  wordsOf(passage: Passage): ReadonlySet<string> {
    return new Set(words(`${passage.title} ${passage.text}`));
  }
}
