/**
 * Brings a store file written by an older version up to the current schema, one version at a
 * time. Each step takes the parsed JSON of version N and returns version N+1; a file from a
 * newer version is refused rather than guessed at.
 */
import { CURRENT_STORE_VERSION } from './schema.js';

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/**
 * Version 2 added members' roles, the importer's draft actions, linked channels and agendas to
 * each partnership, and the channels the bot knows of to the store.
 */
function toVersion2(data: Record<string, unknown>): Record<string, unknown> {
  const partnerships = (data.partnerships ?? {}) as Record<string, Record<string, unknown>>;
  const upgraded = Object.fromEntries(
    Object.entries(partnerships).map(([id, p]) => [
      id,
      {
        ...p,
        roles: p.roles ?? [],
        draftActions: p.draftActions ?? [],
        channels: p.channels ?? [],
        agendas: p.agendas ?? [],
      },
    ]),
  );
  return { ...data, partnerships: upgraded, conversations: data.conversations ?? [] };
}

/** Version 3 serves several partnerships: what the bot knows of each member's partnerships. */
function toVersion3(data: Record<string, unknown>): Record<string, unknown> {
  return { ...data, memberships: data.memberships ?? {} };
}

/** Keyed by the version a step upgrades from. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = { 1: toVersion2, 2: toVersion3 };

export function migrate(
  data: Record<string, unknown>,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  target = CURRENT_STORE_VERSION,
): Record<string, unknown> {
  let current = data;
  const found = current.version;
  if (typeof found !== 'number' || !Number.isInteger(found)) {
    throw new Error('has no "version" number at the top level; it is not a store file of this bot');
  }
  let version = found;
  if (version > target) {
    throw new Error(
      `was written by a newer version of the bot (store version ${version}; this one reads up to ${target})`,
    );
  }
  while (version < target) {
    const step = migrations[version];
    if (!step) throw new Error(`store version ${version} cannot be upgraded: no migration from it`);
    current = step(current);
    version = version + 1;
    current.version = version;
  }
  return current;
}
