/**
 * The one error the minutes importer throws: the input is not something it can read (empty,
 * binary, unrecognised HTML or prose). It names the file and the best line to blame so that an
 * administrator can fix the upload; a page that is merely cut off is never an error, only a warning.
 */
export class MinutesFormatError extends Error {
  constructor(
    readonly file: string,
    /** 1-based line number. */
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file} line ${line}: ${problem}`);
    this.name = 'MinutesFormatError';
  }
}
