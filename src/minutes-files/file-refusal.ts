/** Why a file sent as minutes cannot be read, in words for the member who sent it. */
export class MinutesFileRefusal extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'MinutesFileRefusal';
  }
}
