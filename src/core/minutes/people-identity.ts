/**
 * When two mentions are the same person. "Mr Peerbux", "Mr S Peerbux" and "Shafick Peerbux" are
 * one: same surname, initials and given names that do not conflict, no Mr/Ms clash. A mention with
 * only a surname joins a person only when exactly one person has that surname, so "Jan King" and
 * "Ms B King" stay two people and a bare "Ms King" does not guess between them. Used both inside
 * one document and across documents, so the two agree.
 */
import type { Person } from '../model/model.js';
import type { NameParts } from './people-names.js';
import { slugify } from './text-cleaning.js';

export interface PersonKey {
  surname: string;
  initials?: string;
  givenName?: string;
  honorific?: string;
}

const MALE = new Set(['Mr', 'Sir', 'Lord']);
const FEMALE = new Set(['Mrs', 'Ms', 'Miss', 'Dame', 'Lady']);

export function keyOf(parts: NameParts | Person): PersonKey {
  return {
    surname: parts.surname,
    ...(parts.initials ? { initials: parts.initials } : {}),
    ...(parts.givenName ? { givenName: parts.givenName } : {}),
    ...(parts.honorific ? { honorific: parts.honorific } : {}),
  };
}

function firstInitial(key: PersonKey): string | undefined {
  return (key.givenName ?? key.initials)?.charAt(0).toUpperCase() || undefined;
}

function sameSurname(a: PersonKey, b: PersonKey): boolean {
  return slugify(a.surname) === slugify(b.surname);
}

function genderOf(honorific: string | undefined): 'm' | 'f' | undefined {
  if (!honorific) return undefined;
  return MALE.has(honorific) ? 'm' : FEMALE.has(honorific) ? 'f' : undefined;
}

/** "Nick" and "Nicholas" may be one person; "Jan" and "Sheila" may not. */
function givenNamesAgree(a?: string, b?: string): boolean {
  if (!a || !b) return true;
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return x.startsWith(y) || y.startsWith(x);
}

function initialsAgree(a?: string, b?: string): boolean {
  if (!a || !b) return true;
  return a.startsWith(b) || b.startsWith(a);
}

export function areCompatible(a: PersonKey, b: PersonKey): boolean {
  if (!sameSurname(a, b)) return false;
  const [ga, gb] = [genderOf(a.honorific), genderOf(b.honorific)];
  if (ga && gb && ga !== gb) return false;
  const [ia, ib] = [firstInitial(a), firstInitial(b)];
  if (ia && ib && ia !== ib) return false;
  return givenNamesAgree(a.givenName, b.givenName) && initialsAgree(a.initials, b.initials);
}

export function specificity(key: PersonKey): number {
  return (key.givenName ? 4 : 0) + (key.initials ? 2 : 0) + (key.honorific ? 1 : 0);
}

/** The one person among `people` that `key` names, or undefined when none does or it is ambiguous. */
export function findSamePerson<T>(
  people: readonly T[],
  keyOfPerson: (p: T) => PersonKey,
  key: PersonKey,
): T | undefined {
  const namesakes = people.filter((p) => sameSurname(keyOfPerson(p), key));
  if (!firstInitial(key)) {
    const only = namesakes[0];
    return namesakes.length === 1 && only !== undefined && areCompatible(keyOfPerson(only), key) ? only : undefined;
  }
  const compatible = namesakes.filter((p) => areCompatible(keyOfPerson(p), key));
  if (compatible.length <= 1) return compatible[0];
  const withInitial = compatible.filter((p) => firstInitial(keyOfPerson(p)) !== undefined);
  return withInitial.length === 1 ? withInitial[0] : undefined;
}

export function mergeKeys(a: PersonKey, b: PersonKey): PersonKey {
  const longer = (x?: string, y?: string): string | undefined => ((x?.length ?? 0) >= (y?.length ?? 0) ? x : y);
  const givenName = longer(a.givenName, b.givenName);
  const initials = longer(a.initials, b.initials);
  const honorific = a.honorific ?? b.honorific;
  return {
    surname: a.surname,
    ...(initials ? { initials } : {}),
    ...(givenName ? { givenName } : {}),
    ...(honorific ? { honorific } : {}),
  };
}

/** `s-peerbux`, or `mcmullan` when no initial is known. */
export function basePersonId(key: PersonKey): string {
  const initial = firstInitial(key);
  const surname = slugify(key.surname);
  return initial ? `${initial.toLowerCase()}-${surname}` : surname;
}

export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
