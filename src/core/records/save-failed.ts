/**
 * A change that could not be written durably (a full disk, a file-size limit, a read-only folder).
 * The store leaves its files and what readers see as they were, so the member is told that nothing
 * changed; the bot recognises this error without knowing how the records are stored.
 */
export class SaveFailedError extends Error {
  constructor(cause: unknown) {
    super(`could not save the change: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'SaveFailedError';
  }
}

/** What a member is told when their change could not be saved. */
export const SAVE_FAILED_REPLY =
  'Could not save, nothing changed: the bot cannot write its records right now. Please try again later; questions still work.';

/** The error as a SaveFailedError, unless it already is one. */
export function saveFailed(error: unknown): SaveFailedError {
  return error instanceof SaveFailedError ? error : new SaveFailedError(error);
}
