/**
 * Who is who across documents. "Mr Peerbux", "Mr S Peerbux" and "Shafick Peerbux" are one
 * person: same surname, initials that do not conflict. A surname-only mention joins a person
 * only when exactly one has that surname; "Jan King" and "Ms B King" stay two people. When a
 * surname-only person later shows an initial, their id becomes `<initial>-<surname>` and the
 * rename is recorded so that references can follow.
 */
import type { Person, PersonRole, Source } from '../model.js';
import type { NameMention } from './person-names.js';

export interface PersonKey {
  honorific?: string;
  initials?: string;
  givenName?: string;
  surname: string;
  text: string;
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function personId(key: { initials?: string; surname: string }): string {
  const initial = key.initials?.charAt(0);
  return initial ? `${slug(initial)}-${slug(key.surname)}` : slug(key.surname);
}

function fullestName(person: Person): string {
  if (person.givenName) return `${person.givenName} ${person.surname}`;
  const withInitials = person.names.find((n) => person.initials && n.includes(` ${person.initials.charAt(0)}`));
  return withInitials ?? person.names[0] ?? person.surname;
}

function sameSource(a: Source, b: Source): boolean {
  return a.doc === b.doc && (a.ref ?? '') === (b.ref ?? '');
}

export class PeopleRegistry {
  private readonly people: Person[];
  /** Old id -> new id, for references made before a person's initial was known. */
  readonly renames = new Map<string, string>();

  constructor(existing: readonly Person[] = []) {
    this.people = existing.map((p) => structuredClone(p));
  }

  all(): Person[] {
    return this.people.map((p) => ({ ...p, name: fullestName(p) }));
  }

  /** The person a mention names, created or completed as needed; null when it is ambiguous. */
  resolve(mention: NameMention | PersonKey, source: Source): string | null {
    const surname = mention.surname.toLowerCase();
    const sameSurname = this.people.filter((p) => p.surname.toLowerCase() === surname);
    const initial = (mention.initials ?? mention.givenName ?? '').charAt(0).toUpperCase();
    let person: Person | undefined;
    if (initial) {
      person = sameSurname.find((p) => (p.initials ?? p.givenName ?? '').charAt(0).toUpperCase() === initial);
      if (!person) {
        const unnamed = sameSurname.filter((p) => !p.initials && !p.givenName);
        if (unnamed.length === 1) person = unnamed[0];
      }
    } else if (sameSurname.length === 1) {
      person = sameSurname[0];
    } else if (sameSurname.length > 1) {
      return null;
    }
    if (!person) {
      person = { id: personId({ ...(initial ? { initials: initial } : {}), surname: mention.surname }), name: mention.text, names: [], surname: mention.surname, roles: [], sources: [] };
      this.people.push(person);
    }
    this.complete(person, mention, source);
    return person.id;
  }

  addRole(id: string, role: Omit<PersonRole, 'source'>, source: Source): void {
    const person = this.people.find((p) => p.id === id);
    if (!person || (!role.title && !role.organisation)) return;
    const duplicate = person.roles.some((r) => r.title === role.title && r.organisation === role.organisation);
    if (!duplicate) person.roles.push({ ...role, source });
  }

  private complete(person: Person, mention: NameMention | PersonKey, source: Source): void {
    if (!person.names.includes(mention.text)) person.names.push(mention.text);
    if (mention.honorific && !person.honorific) person.honorific = mention.honorific;
    if (mention.givenName && !person.givenName) person.givenName = mention.givenName;
    if (mention.initials && !person.initials) {
      person.initials = mention.initials;
      const newId = personId({ initials: mention.initials, surname: person.surname });
      if (newId !== person.id && !this.people.some((p) => p.id === newId)) {
        this.renames.set(person.id, newId);
        person.id = newId;
      }
    }
    if (!person.sources.some((s) => sameSource(s, source))) person.sources.push(source);
  }
}

/** Follows renames (possibly chained) to the current id. */
export function currentId(renames: ReadonlyMap<string, string>, id: string): string {
  let current = id;
  for (let i = 0; i < 10 && renames.has(current); i++) current = renames.get(current) ?? current;
  return current;
}
