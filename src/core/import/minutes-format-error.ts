/** Input the importer cannot read: which file, which line, and what to do about it. */
export class MinutesFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly problem: string,
  ) {
    super(`${file} line ${line}: ${problem}`);
    this.name = 'MinutesFormatError';
  }
}
