/**
 * A lowdb adapter that saves atomically and durably: the JSON goes to a temporary file that is
 * fsync'd, renamed over the store, and the folder fsync'd, so a crash leaves either the old
 * file or the new one, never a torn one. Reading returns the raw text; the store validates it.
 */
import { open, readFile, rename, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { writeAll } from './append-file.js';
import { writeJson } from './json-chunks.js';

export class DurableJsonFile<T> implements Adapter<T> {
  private sequence = 0;

  constructor(
    private readonly file: string,
    private readonly parse: (text: string) => T,
  ) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return this.parse(text);
  }

  /** Leaves the old file as it was if any step fails (a full disk): the temporary file is removed. */
  async write(data: T): Promise<void> {
    const directory = path.dirname(this.file);
    await mkdir(directory, { recursive: true });
    const temporary = `${this.file}.${process.pid}.${this.sequence++}.tmp`;
    try {
      const handle = await open(temporary, 'w');
      try {
        // In pieces, so that a large store never holds up the bot's turns while it is saved.
        await writeJson(data, (text) => writeAll(handle, text, temporary));
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temporary, this.file);
    } catch (error) {
      await unlink(temporary).catch(() => undefined);
      throw error;
    }
    await syncDirectory(directory);
  }
}

/** Makes the rename itself durable; some platforms cannot open a directory, which is fine there. */
async function syncDirectory(directory: string): Promise<void> {
  let handle;
  try {
    handle = await open(directory, 'r');
    await handle.sync();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL') throw error;
  } finally {
    await handle?.close();
  }
}
