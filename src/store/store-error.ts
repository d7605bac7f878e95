/** The one error family of the store: what is wrong with which file, fit to show an operator. */
export class StoreError extends Error {
  constructor(
    message: string,
    readonly file: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'StoreError';
  }
}
