/**
 * Merges one document's people into the people already stored, by the same identity rules used
 * inside a document. A stored "Mr Harper" who turns out to be "Mr A Harper" gets the fuller id
 * (`harper` -> `a-harper`), and the renames are returned so that meetings can follow them.
 */
import type { Person } from '../model/model.js';
import { basePersonId, findSamePerson, keyOf, specificity, uniqueId } from './people-identity.js';
import { describePerson, unitePeople } from './people-records.js';

export interface PeopleMerge {
  people: Person[];
  /** Stored id -> new id, for stored people whose id changed. */
  renamedStored: Map<string, string>;
  /** The document's id -> stored id, for every person of the document. */
  incomingIds: Map<string, string>;
  added: string[];
  merged: string[];
  skipped: string[];
}

function follow(map: Map<string, string>, from: string, to: string): void {
  for (const [key, value] of map) if (value === from) map.set(key, to);
}

export function mergePeople(stored: readonly Person[], incoming: readonly Person[]): PeopleMerge {
  const people = stored.map((p) => structuredClone(p));
  const taken = new Set(people.map((p) => p.id));
  const result: PeopleMerge = {
    people,
    renamedStored: new Map(),
    incomingIds: new Map(),
    added: [],
    merged: [],
    skipped: [],
  };
  // Fuller names first, so a bare "Mr Harper" meets "Mr A Harper" whichever document brought it.
  const ordered = [...incoming].sort(
    (a, b) => specificity(keyOf(b)) - specificity(keyOf(a)) || a.id.localeCompare(b.id),
  );

  for (const person of ordered) {
    const match = findSamePerson(people, keyOf, keyOf(person));
    if (!match) {
      const id = taken.has(person.id) ? uniqueId(basePersonId(keyOf(person)), taken) : person.id;
      taken.add(id);
      people.push(describePerson(id, person.names, person.roles, person.sources));
      result.incomingIds.set(person.id, id);
      result.added.push(`person ${id}`);
      continue;
    }
    const united = unitePeople(match.id, match, person);
    let id = match.id;
    if (basePersonId(keyOf(united)) !== basePersonId(keyOf(match))) {
      taken.delete(match.id);
      id = uniqueId(basePersonId(keyOf(united)), taken);
      taken.add(id);
      if (stored.some((p) => p.id === match.id)) result.renamedStored.set(match.id, id);
      follow(result.renamedStored, match.id, id);
      follow(result.incomingIds, match.id, id);
    }
    const merged = { ...united, id };
    const changed = JSON.stringify(merged) !== JSON.stringify(match);
    (changed ? result.merged : result.skipped).push(`person ${id}`);
    people[people.indexOf(match)] = merged;
    result.incomingIds.set(person.id, id);
  }
  people.sort((a, b) => a.id.localeCompare(b.id));
  return result;
}
