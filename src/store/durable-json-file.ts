/**
 * A lowdb adapter that saves atomically and durably: the JSON goes to a temporary file that is
 * fsync'd, renamed over the store, and the folder fsync'd, so a crash leaves either the old
 * file or the new one, never a torn one. Reading returns the raw text; the store validates it.
 */
import { readFile } from 'node:fs/promises';
import type { Adapter } from 'lowdb';
import { writeAll } from './append-file.js';
import { writeJson } from './json-chunks.js';
import { replaceFile } from './replace-file.js';

export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    private readonly file: string,
    private readonly parse: (text: string) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      // Read whole, then decoded at once: decoding a large file chunk by chunk took most of a second at 58 MB.
      text = (await readFile(this.file)).toString('utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.parse(text);
  }

  /** Leaves the old file as it was if any step fails (a full disk). */
  async write(data: T): Promise<void> {
    // In pieces, so that a large store never holds up the bot's turns while it is saved.
    await replaceFile(this.file, (handle, temporary) => writeJson(data, (text) => writeAll(handle, text, temporary)));
  }
}
