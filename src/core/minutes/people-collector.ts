/**
 * Collects every name mention of one document (with its role and where it was seen) and, once the
 * whole document has been read, decides who is who. Deciding at the end means "Mr Peerbux" early in
 * the notes still joins "Mr S Peerbux" listed later, and ids are given only once all forms are known.
 */
import type { Person, PersonRole } from '../model/model.js';
import type { NameParts } from './people-names.js';
import {
  basePersonId,
  findSamePerson,
  keyOf,
  mergeKeys,
  specificity,
  uniqueId,
  type PersonKey,
} from './people-identity.js';
import type { RoleText } from './people-roles.js';
import { describePerson } from './people-records.js';

interface Mention {
  parts: NameParts;
  ref?: string;
  role?: RoleText;
}

export interface PeopleCollector {
  mentions: Mention[];
}

export interface ResolvedPeople {
  people: Person[];
  /** The person id of a mention handle returned by `collectName`. */
  idOf: (handle: number) => string;
}

export function createPeopleCollector(): PeopleCollector {
  return { mentions: [] };
}

/** Records a mention and returns a handle for it; ids are known only after `resolvePeople`. */
export function collectName(collector: PeopleCollector, parts: NameParts, ref?: string, role?: RoleText): number {
  collector.mentions.push({
    parts,
    ...(ref ? { ref } : {}),
    ...(role && (role.title || role.organisation) ? { role } : {}),
  });
  return collector.mentions.length - 1;
}

interface Group {
  key: PersonKey;
  handles: number[];
}

function groupMentions(mentions: readonly Mention[]): Group[] {
  // Fuller names first, so a bare "Mr Peerbux" meets "Mr S Peerbux" however the document orders them.
  const order = mentions
    .map((mention, handle) => ({ key: keyOf(mention.parts), handle }))
    .sort((a, b) => specificity(b.key) - specificity(a.key) || a.handle - b.handle);
  const groups: Group[] = [];
  for (const { key, handle } of order) {
    const group = findSamePerson(groups, (g) => g.key, key);
    if (group) {
      group.key = mergeKeys(group.key, key);
      group.handles.push(handle);
    } else groups.push({ key, handles: [handle] });
  }
  return groups.sort((a, b) => Math.min(...a.handles) - Math.min(...b.handles));
}

export function resolvePeople(collector: PeopleCollector, doc: string, asOf?: string): ResolvedPeople {
  const taken = new Set<string>();
  const idByHandle = new Map<number, string>();
  const people = groupMentions(collector.mentions).map((group) => {
    const id = uniqueId(basePersonId(group.key), taken);
    taken.add(id);
    for (const handle of group.handles) idByHandle.set(handle, id);
    const mentions = group.handles.flatMap((handle) => collector.mentions[handle] ?? []);
    const roles: PersonRole[] = mentions.flatMap((m) =>
      m.role ? [{ ...m.role, ...(asOf ? { asOf } : {}), source: { doc, ...(m.ref ? { ref: m.ref } : {}) } }] : [],
    );
    const sources = mentions.map((m) => ({ doc, ...(m.ref ? { ref: m.ref } : {}) }));
    return describePerson(
      id,
      mentions.map((m) => m.parts.text),
      roles,
      sources,
    );
  });
  return { people, idOf: (handle) => idByHandle.get(handle) ?? '' };
}
