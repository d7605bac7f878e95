/**
 * Builds `Person` records from the name forms seen: the fullest form becomes `name` (given name and
 * surname, else honorific, initials and surname), roles and sources accumulate without duplicates.
 * Lists are kept in one canonical order so that importing documents in any order gives the same
 * records.
 */
import type { Person, PersonRole, Source } from '../model/model.js';
import { parseName, type NameParts } from './people-names.js';

function formScore(parts: NameParts): number {
  return (parts.givenName ? 4 : 0) + (parts.initials ? 2 : 0) + (parts.honorific ? 1 : 0);
}

function byScoreThenText(a: { parts: NameParts }, b: { parts: NameParts }): number {
  return formScore(b.parts) - formScore(a.parts) || a.parts.text.localeCompare(b.parts.text);
}

function sourceKey(source: Source): string {
  return `${source.doc}#${source.ref ?? ''}`;
}

function roleKey(role: PersonRole): string {
  return [role.title ?? '', role.organisation ?? '', role.asOf ?? '', role.source.doc].join('|').toLowerCase();
}

export function uniqueSources(sources: readonly Source[]): Source[] {
  const seen = new Map<string, Source>();
  for (const source of sources) if (!seen.has(sourceKey(source))) seen.set(sourceKey(source), source);
  return [...seen.values()].sort((a, b) => sourceKey(a).localeCompare(sourceKey(b)));
}

/** Identical roles (same title, organisation, date and document) are kept once. */
export function uniqueRoles(roles: readonly PersonRole[]): PersonRole[] {
  const seen = new Map<string, PersonRole>();
  for (const role of roles) if (!seen.has(roleKey(role))) seen.set(roleKey(role), role);
  return [...seen.values()].sort(
    (a, b) => (a.asOf ?? '9999').localeCompare(b.asOf ?? '9999') || roleKey(a).localeCompare(roleKey(b)),
  );
}

/** Name, honorific, initials and given name worked out from every form seen. */
export function describePerson(
  id: string,
  names: readonly string[],
  roles: readonly PersonRole[],
  sources: readonly Source[],
): Person {
  const forms = [...new Set(names)]
    .map((text) => ({ text, parts: parseName(text) }))
    .filter((f): f is { text: string; parts: NameParts } => f.parts !== undefined)
    .sort(byScoreThenText);
  const best = forms[0]?.parts;
  const surname = best?.surname ?? names[0] ?? id;
  const givenName = forms.find((f) => f.parts.givenName)?.parts.givenName;
  const initials = forms.map((f) => f.parts.initials).find((i) => i !== undefined) ?? givenName?.charAt(0);
  const honorific = forms.find((f) => f.parts.honorific)?.parts.honorific;
  const withInitials = forms.find((f) => f.parts.initials)?.text;
  return {
    id,
    name: givenName ? `${givenName} ${surname}` : (withInitials ?? best?.text ?? surname),
    names: [...new Set(names)].sort((a, b) => b.length - a.length || a.localeCompare(b)),
    ...(honorific ? { honorific } : {}),
    ...(givenName ? { givenName } : {}),
    ...(initials ? { initials } : {}),
    surname,
    roles: uniqueRoles(roles),
    sources: uniqueSources(sources),
  };
}

/** One person from two records of them; the id given wins. */
export function unitePeople(id: string, a: Person, b: Person): Person {
  return describePerson(id, [...a.names, ...b.names], [...a.roles, ...b.roles], [...a.sources, ...b.sources]);
}
