/**
 * Reads the role written beside a name: "(Head of Community Safety, KCC)", ", Assistant Director
 * of Community Engagement for Kent Fire and Rescue, provided", ", from the Office of the Police and
 * Crime Commissioner,", "(Chair)". The text is split into a job title and an organisation only where
 * the wording makes it plain (" at ", " for <organisation>", ", KCC"); otherwise it stays whole.
 */
import { SPEAKER_VERBS, findNameMentions } from './people-names.js';
import { trimTrailing } from '../text/normalise.js';
import { normaliseWhitespace } from './text-cleaning.js';

export interface RoleText {
  title?: string;
  organisation?: string;
}

export interface RoleFound {
  role: RoleText;
  /** Where the role text ends, so the words after it can be read (e.g. "provided an update"). */
  end: number;
}

const JOB_WORDS =
  /\b(?:Director|Head|Manager|Officer|Lead|Leader|Specialist|Chief|Commander|Co-?ordinator|Advis[eo]r|Consultant|Analyst|Superintendent|Inspector|Chair|Chairman|Secretary|Executive|Practitioner|Worker|Clerk|Member|President|Deputy|Assistant|Constable)\b/i;
const ORGANISATION_WORDS =
  /\b(?:Council|Police|Constabulary|Fire|Rescue|Service|Services|Trust|Board|NHS|Office|Unit|Foundation|Partnership|Authority|Agency|University|College|Probation|Department|Ministry|Government|Charity|Association|Network|Hospital|Society|Company|Ltd|Limited|CIC|Commission|Commissioner|Group|Team|Centre|Forum)\b/;
/** A bare acronym such as "KCC", "NHS", "ICB", "KFRS". */
const ACRONYM = /^[A-Z][A-Za-z&]*[A-Z]$/;
const CONNECTORS = /^(?:of|the|and|for|&|on|in)$/;

function looksLikeOrganisation(text: string): boolean {
  return ACRONYM.test(text) || ORGANISATION_WORDS.test(text);
}

function trimRole(text: string): string {
  return trimTrailing(text.replace(/^[\s,]+/, ''), ' \t\r\n\u00a0,.;');
}

/** Split a role into job title and organisation where the wording makes it clear. */
export function splitRole(text: string): RoleText {
  // Single-spaced, so the patterns below need no \s+ beside a .+.
  const role = trimRole(normaliseWhitespace(text));
  const from = /^from (?:the )?(\S.*)$/i.exec(role);
  if (from) return { organisation: from[1] };
  const at = /^(.+) at (?:the )?([A-Z].+)$/.exec(role);
  if (at) return { title: trimRole(at[1] ?? ''), organisation: at[2] };
  // "Cabinet Member for Community Services" is a title; "Assistant Director ... for Kent Fire and Rescue" names an employer.
  const forMatch = /^(.+?) for (?:the )?([A-Z].+)$/.exec(role);
  if (
    forMatch &&
    /\b(?:Director|Head|Manager|Officer|Lead|Leader|Specialist|Co-?ordinator|Adviser|Advisor|Analyst)\b/.test(
      forMatch[1] ?? '',
    ) &&
    looksLikeOrganisation(forMatch[2] ?? '')
  ) {
    return { title: trimRole(forMatch[1] ?? ''), organisation: forMatch[2] };
  }
  const comma = /^(.+), ?([^,]+)$/.exec(role);
  if (comma && looksLikeOrganisation(comma[2] ?? '') && !JOB_WORDS.test(comma[2] ?? '')) {
    return { title: trimRole(comma[1] ?? ''), organisation: comma[2] };
  }
  if (!JOB_WORDS.test(role) && looksLikeOrganisation(role)) return { organisation: role };
  return { title: role };
}

/** A run of capitalised words joined by "of", "the", "and": "Office of the Police and Crime Commissioner". */
function readOrganisationRun(text: string): string {
  const words = text.split(/\s+/);
  const taken: string[] = [];
  for (const word of words) {
    const bare = trimTrailing(word, ',.;:)');
    if (/^[A-Z0-9]/.test(bare) || (taken.length > 0 && CONNECTORS.test(bare))) taken.push(bare);
    else break;
    if (bare !== word) break;
  }
  while (taken.length > 0 && CONNECTORS.test(taken[taken.length - 1] ?? '')) taken.pop();
  return taken.join(' ');
}

function isPlausibleRole(text: string): boolean {
  return (
    /^[A-Z]/.test(text) &&
    findNameMentions(text).length === 0 &&
    text.split(/\s+/).length <= 20 &&
    !/^(?:Item|Appendix|see|page)\b/i.test(text)
  );
}

const BRACKETED = /^\s*\(([^()]{2,160})\)/;
const APPOSITION = new RegExp(String.raw`^,\s+([^;\s][^;]{1,159}?),\s+(?:then\s+|also\s+)?(?:${SPEAKER_VERBS})\b`);
const FROM_ORGANISATION = /^(,?\s+from\s+(?:the\s+)?)([A-Z].*)$/;

/** The role written right after a name ending at `end`, if any. */
export function readRoleAfter(text: string, end: number): RoleFound | undefined {
  const after = text.slice(end);
  const bracketed = BRACKETED.exec(after);
  if (bracketed && isPlausibleRole(bracketed[1] ?? '')) {
    return { role: splitRole(bracketed[1] ?? ''), end: end + bracketed[0].length };
  }
  const apposition = APPOSITION.exec(after);
  const roleText = apposition?.[1] ?? '';
  if (apposition && (isPlausibleRole(roleText) || /^from\s/.test(roleText))) {
    return { role: splitRole(roleText), end: end + after.indexOf(roleText) + roleText.length };
  }
  const from = FROM_ORGANISATION.exec(after);
  if (from) {
    const organisation = readOrganisationRun(from[2] ?? '');
    if (organisation !== '') return { role: { organisation }, end: end + (from[1] ?? '').length + organisation.length };
  }
  return undefined;
}

/** "The Community Safety Manager, Ms L Okoro, introduced...": a role named just before the name, set off by commas. */
export function readRoleBefore(text: string, start: number, end: number): RoleText | undefined {
  if (!/^,/.test(text.slice(end))) return undefined;
  const m = /(?:^|[.;]\s+)The\s+([A-Z][^,.;()]{2,100}),\s*$/.exec(text.slice(0, start));
  return m && isPlausibleRole(m[1] ?? '') ? splitRole(m[1] ?? '') : undefined;
}

export function isChairRole(role: RoleText): boolean {
  return /^chair(?:man|woman|person)?$/i.test(role.title ?? '');
}

export function isViceChairRole(role: RoleText): boolean {
  return /^vice[- ]?chair(?:man|woman|person)?$/i.test(role.title ?? '');
}
