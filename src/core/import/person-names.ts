/**
 * Finds people's names in committee prose the way clerks write them: "Mr S Peerbux",
 * "Superintendent P Steenhuis", "Ms S Robson Mr P Ramewal" (a missing comma), "Shafick Peerbux,
 * Head of Community Safety, KCC, provided..." and the roles written beside them.
 */

export interface NameMention {
  /** The text as written, e.g. "Mr S Peerbux". */
  text: string;
  honorific?: string;
  initials?: string;
  givenName?: string;
  surname: string;
  index: number;
}

export interface RoleMention {
  mention: NameMention;
  title?: string;
  organisation?: string;
}

const HONORIFIC = String.raw`(?:Mr|Mrs|Ms|Miss|Dr|Cllr|Councillor|Supt|Superintendent|Chief Superintendent|Ch Supt|DI|DCI|DS|DC|Insp|Inspector|Sgt|PC|Sir|Dame|Prof|Professor)`;
const SURNAME = String.raw`(?:[A-Z][a-z]*(?:['’][A-Z])?[A-Za-z]+(?:-[A-Z][A-Za-z]+)?)`;
const WITH_HONORIFIC = new RegExp(
  String.raw`\b(${HONORIFIC})\.?\s+((?:[A-Z]\.?\s+){1,3})?(?:([A-Z][a-z]+)\s+(?=(?!${HONORIFIC}\b)${SURNAME}\b))?(?!${HONORIFIC}\b)(${SURNAME})\b`,
  'g',
);
/** Verbs clerks put after a speaker's name: they tell a full name from any two capitalised words. */
const SPEAKER_VERBS =
  'introduc|provid|gave|comment|noted|thank|explain|highlight|advis|said|confirm|respond|outlin|updat|rais|report|present|welcom|agreed|asked|question|stat|summari|set out|led|spoke|emphasi|request';
/** A full name stands where a sentence, a list item or a "By:" line starts, never mid-phrase ("Community Safety Team Leader"). */
const FULL_NAME = new RegExp(
  String.raw`(?<=(?:^|\n|[.:;(]\s+|\band\s+|\d\.\s+))([A-Z][a-z]+)\s+(${SURNAME})(?=,|\s+(?:from\b|${SPEAKER_VERBS}))`,
  'g',
);
/** Capitalised words that start organisations and headings, never a given name. */
const NOT_GIVEN_NAMES = new Set(
  `Kent Medway The This That Community Public Police Partnership Crime Safer Home Office County District Borough National Domestic
   Serious Violence Fire Health Chief Neighbourhood Vision Members Member Ashford Margate Maidstone Thanet Dover Swale Canterbury
   Sevenoaks Tunbridge Tonbridge Gravesham Dartford Folkestone Strategic Joint Safety Working Probation Integrated Care Council
   Local Road Substance Multiagency Annual Violent Hate Prevent Preventing Supporting Additional Date Notes Agenda Item Minutes
   Government Association Commissioner Commissioners Youth Rape Sexual Modern Victim Victims Safeguarding Cabinet Scrutiny In It
   Asked Partners Overall Work`.split(/\s+/),
);
const NOT_SURNAMES = new Set(['Chair', 'Chairman', 'Vice', 'Members', 'Member', 'Partnership', 'Police', 'Council']);

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Every name in a piece of prose, in order. */
export function findNames(text: string): NameMention[] {
  const found: NameMention[] = [];
  for (const m of text.matchAll(WITH_HONORIFIC)) {
    const surname = m[4] ?? '';
    if (NOT_SURNAMES.has(surname)) continue;
    const initials = (m[2] ?? '').replace(/[.\s]/g, '');
    found.push({
      text: clean(m[0]),
      honorific: (m[1] ?? '').replace(/\.$/, ''),
      ...(initials ? { initials } : {}),
      ...(m[3] ? { givenName: m[3] } : {}),
      surname,
      index: m.index ?? 0,
    });
  }
  for (const m of text.matchAll(FULL_NAME)) {
    const given = m[1] ?? '';
    const surname = m[2] ?? '';
    const index = m.index ?? 0;
    if (NOT_GIVEN_NAMES.has(given) || NOT_SURNAMES.has(surname)) continue;
    // Part of a name already found with its honorific ("Supt. Simon Thompson").
    if (found.some((f) => index >= f.index && index < f.index + f.text.length + 1)) continue;
    found.push({ text: `${given} ${surname}`, givenName: given, initials: given.charAt(0), surname, index });
  }
  return found.sort((a, b) => a.index - b.index);
}

/** Names in a list such as a PRESENT line: commas, "and", or nothing at all between them. */
export function findNamesInList(list: string): NameMention[] {
  return findNames(list.replace(/\s+and\s+/g, ', '));
}

const ORGANISATION_WORDS = /\b(KCC|Council|Police|Service|Services|Office|Board|Unit|Rescue|Trust|Foundation|Commissioner|Partnership|Crimestoppers|NHS|ICB)\b/;

/** "Head of Community Safety, KCC" -> title and organisation, where the words make it clear. */
export function splitRole(role: string): { title?: string; organisation?: string } {
  const text = clean(role).replace(/[.;]$/, '');
  if (!text) return {};
  const from = /^(?:from|of)\s+(?:the\s+)?(.+)$/i.exec(text);
  if (from?.[1]) return { organisation: from[1] };
  const at = /^(.+?)\s+(?:at|for|with)\s+(?:the\s+)?([A-Z].+)$/.exec(text);
  if (at?.[1] && at[2] && ORGANISATION_WORDS.test(at[2])) return { title: at[1], organisation: at[2] };
  const lastComma = text.lastIndexOf(', ');
  if (lastComma > 0) {
    const tail = text.slice(lastComma + 2);
    if (ORGANISATION_WORDS.test(tail) || /^[A-Z]{2,6}$/.test(tail)) return { title: text.slice(0, lastComma), organisation: tail };
  }
  return { title: text };
}

/** Roles written beside names: "NAME (role)" and "NAME, role, verb...". Chair/Vice-Chair are left to the caller. */
export function findRoles(text: string): RoleMention[] {
  const roles: RoleMention[] = [];
  for (const mention of findNames(text)) {
    const after = text.slice(mention.index + mention.text.length);
    const bracket = /^\s*\(([^)]{3,120})\)/.exec(after);
    if (bracket?.[1]) {
      if (!/^(vice[- ]?)?chair(man)?$/i.test(bracket[1].trim())) roles.push({ mention, ...splitRole(bracket[1]) });
      continue;
    }
    const commas = new RegExp(String.raw`^,\s+(.{3,140}?),\s+(?:${SPEAKER_VERBS})`).exec(after);
    const lineEnd = /^,\s+([^,\n]{3,80}?)\s*$/m.exec(after.split('\n')[0] ?? '');
    const fromOrg = /^\s+from\s+(?:the\s+)?([A-Z][\w\s&'’-]{2,80}?)(?=\s+which\b|\s+who\b|,|\.)/.exec(after);
    const role = commas?.[1] ?? lineEnd?.[1];
    // A "role" that holds another name is the rest of a list ("Mr P Breckon, Mr P Rollington and ..."), not a role.
    if (role && findNames(role).length === 0 && !/^(and|who|which|that|had|has|was|were)\b/.test(role)) roles.push({ mention, ...splitRole(role) });
    else if (fromOrg?.[1]) roles.push({ mention, organisation: clean(fromOrg[1]) });
  }
  return roles;
}
