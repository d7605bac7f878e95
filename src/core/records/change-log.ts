/**
 * The partnership's change log: who changed what, when, and the values before and after (for
 * undo and "recent changes"). Entries are appended, never rewritten in place; appending with
 * `push` lets the store save the one new entry without copying the log (see store-changes.ts).
 */
import type { Partnership, RecordChange } from '../model/model.js';

/** Appends an entry to `target`'s log, numbered after the last one; returns it. */
export function appendChange(target: Partnership, entry: Omit<RecordChange, 'id'>): RecordChange {
  const log = (target.changes ??= []);
  const logged: RecordChange = { id: (log.at(-1)?.id ?? 0) + 1, ...entry };
  log.push(logged);
  return logged;
}
