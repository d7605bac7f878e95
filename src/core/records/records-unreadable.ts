/**
 * Part of a partnership's records that cannot be read (a damaged file of its meetings). The store
 * marks such errors, so that the bot tells the member what is wrong, without knowing how the
 * records are stored, rather than asking them to try again.
 */
export interface RecordsUnreadable {
  readonly recordsUnreadable: true;
}

export function isRecordsUnreadable(error: unknown): error is RecordsUnreadable {
  return (
    typeof error === 'object' && error !== null && (error as Partial<RecordsUnreadable>).recordsUnreadable === true
  );
}

/** What a member is told when what they asked needs records that cannot be read. */
export const RECORDS_UNREADABLE_REPLY =
  "I cannot answer that now: a file of this partnership's meeting records is damaged and cannot be read. The bot's operator has been told, and nothing was changed. Actions and agendas still work.";
