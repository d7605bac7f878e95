/**
 * Finds people's names in committee prose the way clerks write them: "Mr S Peerbux",
 * "Superintendent P Steenhuis", "Supt. Simon Thompson", "Ms S Annan-Veitch", "Mr McMullan", and
 * full names without an honorific ("Shafick Peerbux, Head of Community Safety, KCC, provided...").
 * A name with an honorific is always a person; two capitalised words without one are taken for a
 * name only when what follows reads like a person (a role in brackets or commas, or a verb such as
 * "noted"), so "Kent Police" or "A Partnership Member" are not people.
 */
import { trimTrailing } from '../text/normalise.js';

export interface NameParts {
  /** The name as written, e.g. "Mr S Peerbux". */
  text: string;
  honorific?: string;
  initials?: string;
  givenName?: string;
  surname: string;
}

export interface NameMention extends NameParts {
  start: number;
  end: number;
}

const HONORIFICS = new Set(
  'Mr Mrs Ms Miss Mx Dr Cllr Councillor Supt Superintendent DSupt DI DCI DS DC Insp Inspector Sgt Sergeant PC PCSO Sir Dame Prof Professor Rev Revd Lord Lady ACC DCC Commander'.split(
    ' ',
  ),
);
/** Ranks written in two words; the first word alone is not an honorific. */
const TWO_WORD_HONORIFICS = new Set([
  'Chief Superintendent',
  'Chief Inspector',
  'Chief Constable',
  'Ch Supt',
  'Det Supt',
  'Det Insp',
]);

/** Capitalised words that start sentences or name organisations and roles, never a person's given name or surname. */
const NOT_NAME_WORDS = new Set(
  (
    'The A An This That These Those It Its In On At For From With By Of And Or But All Each Every Any Some No Not There Their They He She We Our ' +
    'Members Member Partners Partner Partnership Partnerships Chair Chairman Chairwoman Vice Committee Board Group Groups Team Unit Trust Foundation ' +
    'Council Councils County Borough District City Police Constabulary Fire Rescue Service Services Office Home Government Commissioner Commissioners ' +
    'Community Safety Crime Health Public National Local Strategy Review Update Report Plan Act Agreement Officer Officers Director Head Lead ' +
    'Manager Cabinet Executive Assistant Deputy Chief Senior Agency Authority Department Ministry Network Association Charity Taskforce Forum ' +
    'Minutes Notes Meeting Item Items Resolved Apologies Present Agenda Appendix Vice-Chair Vice-Chairman England ' +
    'Protection Safeguarding Probation Justice Housing Education Children Adults Youth Victims Markets Prison ' +
    'January February March April May June July August September October November December ' +
    'Monday Tuesday Wednesday Thursday Friday Saturday Sunday'
  ).split(' '),
);

/** Verbs a clerk puts right after a speaker's name ("Nick Wilkinson thanked the team"). */
export const SPEAKER_VERBS =
  'introduc\\w*|presented|provided|gave|updated|outlined|noted|commented|said|advised|explained|confirmed|highlighted|reported|raised|asked|' +
  'welcomed|thanked|added|stated|agreed|responded|replied|informed|emphasi[sz]ed|spoke|led|delivered|summari[sz]ed|queried|suggested|requested|' +
  'expressed|mentioned|acknowledged|referred|shared|described|proposed|answered|assured|clarified|observed|remarked|questioned|announced|stressed|' +
  'reminded|recommended|invited|offered|updates|presents|notes|explains';

/**
 * After two capitalised words without an honorific only verbs that need a person count: "Strategic
 * Assessments agreed" or "Safer Streets delivered" are not people, "Nick Wilkinson thanked" is.
 */
const PERSONAL_VERBS =
  'introduc\\w*|presented|provided|gave|updated|outlined|noted|commented|said|advised|explained|confirmed|highlighted|asked|thanked|stated|' +
  'responded|replied|informed|emphasi[sz]ed|spoke|summari[sz]ed|queried|suggested|answered|assured|clarified|remarked|questioned|stressed|reminded|welcomed';
const SPEAKER_VERB_AFTER = new RegExp(
  String.raw`^\s+(?:then\s+|also\s+|further\s+|briefly\s+)?(?:${PERSONAL_VERBS})\b`,
);
/** "Martin Adams, Assistant Director ..., provided": a role between commas, then a verb. */
const APPOSITION_AFTER = new RegExp(String.raw`^,\s+[^;\s][^;]{1,159}?,\s+(?:then\s+|also\s+)?(?:${SPEAKER_VERBS})\b`);
/** A role in brackets; a bare acronym in brackets defines an abbreviation ("Anti-Social Behaviour (ASB)") unless a verb follows. */
const ROLE_IN_BRACKETS_AFTER = new RegExp(
  String.raw`^\s*\((?:(?![A-Z0-9&]+\))[A-Z]|[^)]*\)\s+(?:${PERSONAL_VERBS})\b)`,
);
const FROM_ORGANISATION_AFTER = /^,?\s+from\s+(?:the\s+)?[A-Z]/;

/** A surname or given name: "Peerbux", "McMullan", "O'Brien", "Annan-Veitch". */
const NAME_WORD = /^(?:[A-Z][a-z]+(?:['’]?[A-Z][a-z]+)*|[A-Z]['’][A-Z][a-z]+)(?:-[A-Z][a-z]+(?:['’]?[A-Z][a-z]+)*)*$/;
const INITIAL = /^(?:[A-Z]\.?|(?:[A-Z]\.){2,3})$/;

interface Token {
  /** The word without surrounding punctuation or a possessive "'s". */
  word: string;
  /** Punctuation written before the word, e.g. "(". */
  lead: string;
  start: number;
  end: number;
  /** Punctuation written after the word, e.g. "," or ")." */
  trail: string;
}

function tokenise(text: string): Token[] {
  return [...text.matchAll(/\S+/g)].map((m) => {
    const raw = m[0];
    const lead = /^[("'‘“[]*/.exec(raw)?.[0].length ?? 0;
    const core = withoutClosingPunctuation(raw.slice(lead));
    const word = core.replace(/['’]s$/, '');
    const start = (m.index ?? 0) + lead;
    return { word, lead: raw.slice(0, lead), start, end: start + word.length, trail: raw.slice(lead + core.length) };
  });
}

/** How a chair is addressed ("Mr Chairman"): after an honorific, the only capitalised words that are not a surname. */
const FORMS_OF_ADDRESS = new Set([
  'Chair',
  'Chairman',
  'Chairwoman',
  'Vice-Chair',
  'Vice-Chairman',
  'Mayor',
  'Speaker',
  'President',
]);

/**
 * A word that can be part of a name. After an honorific almost any capitalised word is a surname
 * ("Mr May", "Mr Head"); without one, common words of committee prose are excluded.
 */
function isNameWord(word: string, afterHonorific: boolean): boolean {
  if (!NAME_WORD.test(word) || HONORIFICS.has(word)) return false;
  return afterHonorific ? !FORMS_OF_ADDRESS.has(word) : !NOT_NAME_WORDS.has(word);
}

/** The honorific starting at token i, and how many tokens it takes. */
function readHonorific(tokens: readonly Token[], i: number): { honorific: string; length: number } | undefined {
  const first = tokens[i];
  const second = tokens[i + 1];
  if (!first) return undefined;
  const bare = first.word.replace(/\.$/, '');
  if (second && first.trail === '' && TWO_WORD_HONORIFICS.has(`${bare} ${second.word.replace(/\.$/, '')}`)) {
    return { honorific: `${bare} ${second.word.replace(/\.$/, '')}`, length: 2 };
  }
  return HONORIFICS.has(bare) && /^\.?$/.test(first.trail) ? { honorific: bare, length: 1 } : undefined;
}

/** "Cllr Mrs J Smith": stacked honorifics are read as one, the first kept. */
function readHonorifics(tokens: readonly Token[], i: number): { honorific: string; length: number } | undefined {
  const first = readHonorific(tokens, i);
  if (!first) return undefined;
  let length = first.length;
  for (let next = readHonorific(tokens, i + length); next; next = readHonorific(tokens, i + length))
    length += next.length;
  return { honorific: first.honorific, length };
}

/** Initials and up to two name words after an honorific; a comma or bracket ends the name. */
function readNameAfter(tokens: readonly Token[], from: number): { initials: string[]; names: string[]; last: number } {
  const initials: string[] = [];
  const names: string[] = [];
  let i = from;
  for (; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    // Punctuation around a word ends the name; only the honorific itself may carry a full stop ("Supt.").
    if (!token || token.lead !== '' || (i > from && previous && previous.trail !== '')) break;
    if (
      names.length === 0 &&
      initials.length < 3 &&
      INITIAL.test(token.word) &&
      readHonorific(tokens, i) === undefined
    ) {
      initials.push(token.word.replace(/\./g, ''));
    } else if (names.length === 0 && isNameWord(token.word, true)) {
      names.push(token.word);
    } else if (names.length === 1 && initials.length === 0 && isNameWord(token.word, false)) {
      // "Supt. Simon Thompson": a second word is a surname after a given name, unless it is a common word ("Mr Adams Kent").
      names.push(token.word);
    } else break;
  }
  return { initials, names, last: i - 1 };
}

function buildParts(
  text: string,
  honorific: string | undefined,
  initials: string[],
  names: string[],
): NameParts | undefined {
  const surname = names[names.length - 1];
  if (!surname) return undefined;
  return {
    text,
    ...(honorific ? { honorific } : {}),
    ...(initials.length > 0 ? { initials: initials.join('') } : {}),
    ...(names.length > 1 && names[0] ? { givenName: names[0] } : {}),
    surname,
  };
}

/** Two capitalised words with no honorific count as a name only when followed the way a person is. */
function readsLikeAPerson(text: string, end: number): boolean {
  const after = text.slice(end);
  return (
    SPEAKER_VERB_AFTER.test(after) ||
    APPOSITION_AFTER.test(after) ||
    ROLE_IN_BRACKETS_AFTER.test(after) ||
    FROM_ORGANISATION_AFTER.test(after)
  );
}

function readFullNameAt(text: string, tokens: readonly Token[], i: number): NameMention | undefined {
  const [given, surname, next, previous] = [tokens[i], tokens[i + 1], tokens[i + 2], tokens[i - 1]];
  if (!given || !surname || given.trail !== '' || !isNameWord(given.word, false) || !isNameWord(surname.word, false))
    return undefined;
  // Part of a longer run of capitalised words ("Kent Fire and Rescue", "Safer Roads Partnership Team")? Then not a name.
  if (previous && previous.trail === '' && /^[A-Z]/.test(previous.word)) return undefined;
  if (next && surname.trail === '' && /^[A-Z][a-z]/.test(next.word)) return undefined;
  if (!readsLikeAPerson(text, surname.end)) return undefined;
  const parts = buildParts(text.slice(given.start, surname.end), undefined, [], [given.word, surname.word]);
  return parts ? { ...parts, start: given.start, end: surname.end } : undefined;
}

/** Every person named in a stretch of prose, in order. */
/** Closing punctuation off a name's end, and full stops after a word (not after an initial). */
function withoutClosingPunctuation(text: string): string {
  const closed = trimTrailing(text, ')"\'’”],;:!?');
  if (closed !== text) return closed;
  const dotless = trimTrailing(text, '.');
  return dotless !== text && /[a-z]{2}$/.test(dotless.slice(-2)) ? dotless : text;
}

export function findNameMentions(text: string): NameMention[] {
  const tokens = tokenise(text);
  const mentions: NameMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const honorific = readHonorifics(tokens, i);
    if (honorific) {
      const { initials, names, last } = readNameAfter(tokens, i + honorific.length);
      const start = tokens[i]?.start ?? 0;
      const end = tokens[last]?.end ?? start;
      const parts = buildParts(text.slice(start, end), honorific.honorific, initials, names);
      if (parts) {
        mentions.push({ ...parts, start, end });
        i = last;
      }
      continue;
    }
    const full = readFullNameAt(text, tokens, i);
    if (full) {
      mentions.push(full);
      i += 1;
    }
  }
  return mentions;
}

/**
 * A whole text that is one name, as in a PRESENT list or a "By:" line: "Mr H Hill", "DI J Ross",
 * "Anna Taylor". Anything left over means it is not just a name.
 */
export function parseName(text: string): NameParts | undefined {
  const tokens = tokenise(text.trim());
  const honorific = readHonorifics(tokens, 0);
  const from = honorific?.length ?? 0;
  const { initials, names, last } = readNameAfter(tokens, from);
  if (last !== tokens.length - 1) return undefined;
  if (!honorific && initials.length === 0 && names.length < 2) return undefined;
  const end = tokens[last]?.end ?? 0;
  return buildParts(text.trim().slice(0, end), honorific?.honorific, initials, names);
}

/** Where a list runs two names together without a comma ("Ms S Robson Mr P Ramewal"), the start of each honorific after the first. */
export function honorificStarts(text: string): number[] {
  const tokens = tokenise(text);
  return tokens.flatMap((t, i) =>
    i > 0 && readHonorific(tokens, i) && !readHonorific(tokens, i - 1) ? [t.start] : [],
  );
}
