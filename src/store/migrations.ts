/**
 * Brings a store file written by an older version up to the current schema, one version at a
 * time. Each step takes the parsed JSON of version N and returns version N+1; a file from a
 * newer version is refused rather than guessed at.
 */
import { CURRENT_STORE_VERSION } from './schema.js';

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

/** Keyed by the version a step upgrades from. Empty while the schema is at its first version. */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {};

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
    throw new Error(`was written by a newer version of the bot (store version ${version}; this one reads up to ${target})`);
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
