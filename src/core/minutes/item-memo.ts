/**
 * Values made from an item's text, kept with the text they were made from. An import compares
 * and reads every stored item again for each document (500 meetings: thousands of items), and
 * folding or searching their text is what costs; checking that it still reads the same is cheap.
 */
import type { MeetingItem } from '../model/model.js';

type ItemText = Pick<MeetingItem, 'minutes' | 'resolution'>;

interface Made<T> {
  minutes: readonly string[];
  resolution: string | undefined;
  value: T;
}

const sameStrings = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && a.every((s, i) => s === b[i]);

export class ItemMemo<T> {
  private readonly made = new WeakMap<ItemText, Made<T>>();

  constructor(private readonly make: (item: ItemText) => T) {}

  of(item: ItemText): T {
    const known = this.made.get(item);
    if (known && known.resolution === item.resolution?.text && sameStrings(known.minutes, item.minutes))
      return known.value;
    const value = this.make(item);
    // A copy of the list: an item being read may still be added to.
    this.made.set(item, { minutes: [...item.minutes], resolution: item.resolution?.text, value });
    return value;
  }
}
