/** The one error family of the store: what is wrong with which file, fit to show an operator. */
import { copyFile } from 'node:fs/promises';
import type { RecordsUnreadable } from '../core/records/records-unreadable.js';

export class StoreError extends Error {
  constructor(
    message: string,
    readonly file: string,
    /** Where a copy of the file was kept (see keepDamagedCopy). */
    readonly copy?: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'StoreError';
  }
}

/** A meetings file that cannot be read: what needs that partnership's meetings fails until it is mended. */
export class UnreadableRecordsError extends StoreError implements RecordsUnreadable {
  readonly recordsUnreadable = true;
}

/**
 * Keeps a copy of a file the bot refuses to read, beside it, before anyone tries to fix it by
 * hand or restore over it; the error then says where the copy is.
 */
export async function keepDamagedCopy(error: StoreError, file: string, now = new Date()): Promise<StoreError> {
  if (error.copy) return error;
  const copy = `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`;
  try {
    await copyFile(file, copy);
  } catch {
    return error;
  }
  // Of the same kind as the error it replaces.
  const Kind = error.constructor as typeof StoreError;
  return new Kind(`${error.message.slice(file.length + 2)} (a copy of it is kept at ${copy})`, file, copy);
}
