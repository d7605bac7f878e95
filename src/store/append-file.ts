/**
 * A file that only grows by whole, fsync'd appends (the journals beside the store). An append
 * either reaches disk whole or not at all: a short or failed write (a full disk, a file-size
 * limit) is cut back to the last whole append and the promise rejects, so nothing half-written is
 * ever confirmed or joined by the next append. Appends run one at a time.
 */
import { open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from './replace-file.js';
import { StoreError } from './store-error.js';

/** Writes every byte, or throws: a single write may be cut short (a full disk) without an error. */
export async function writeAll(handle: FileHandle, data: Buffer | string, file: string): Promise<void> {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  let written = 0;
  while (written < bytes.length) {
    const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
    if (bytesWritten <= 0) throw new Error(`${file}: the disk took no more bytes`);
    written += bytesWritten;
  }
}

/**
 * The whole lines of a journal's text. A line is confirmed only once it is on disk with its
 * newline: a tail without one (a crash mid-append, even one that left everything but the newline)
 * was never confirmed, and is cut off on open, so nothing may be read from it.
 */
export function wholeLines(text: string): string {
  return text.slice(0, text.lastIndexOf('\n') + 1);
}

/** A journal's text as it is on disk now ('' when there is none yet), for a reader that only reads. */
export function readJournalText(file: string): Promise<string> {
  return readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) =>
    error.code === 'ENOENT' ? '' : Promise.reject(error),
  );
}

/**
 * The JSON value of each whole line of a journal, with its line number (blank lines skipped);
 * throws a StoreError naming the first line that is not JSON. `journal` names it for people
 * ("the change journal").
 */
export function journalValues(text: string, file: string, journal: string): { value: unknown; line: number }[] {
  const values: { value: unknown; line: number }[] = [];
  wholeLines(text)
    .split('\n')
    .forEach((line, index) => {
      if (line.trim() === '') return;
      try {
        values.push({ value: JSON.parse(line), line: index + 1 });
      } catch {
        throw new StoreError(`${journal} is damaged at line ${index + 1}; restore it from a backup`, file);
      }
    });
  return values;
}

export class AppendFile {
  /** Set when a failed append could not even be cut back: nothing more is written until it is. */
  private untidy = false;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly file: string,
    private handle: FileHandle,
    /** The length of the file's whole appends. */
    private size: number,
  ) {}

  /**
   * Opens (creating) the file and returns its text; a torn last line (a crash mid-append, never
   * confirmed) is cut off, so the next append cannot join it.
   */
  static async open(file: string): Promise<{ file: AppendFile; text: string }> {
    let text = '';
    let created = false;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      created = true;
    }
    const handle = await open(file, 'a');
    // A new file's name is durable only once its folder is: else a crash could lose the whole file.
    if (created)
      await syncDirectory(path.dirname(file)).catch(async (error: unknown) => {
        await handle.close();
        throw error;
      });
    const whole = wholeLines(text);
    const size = Buffer.byteLength(whole);
    if (whole.length < text.length) {
      await handle.truncate(size);
      await handle.sync();
    }
    return { file: new AppendFile(file, handle, size), text: whole };
  }

  /** Appends `text` and fsyncs it; rejects, leaving the file as it was, if any of it fails. */
  append(text: string): Promise<void> {
    return this.serialise(async () => {
      if (this.untidy) await this.cutBack();
      const bytes = Buffer.from(text, 'utf8');
      try {
        await writeAll(this.handle, bytes, this.file);
        await this.handle.datasync();
      } catch (error) {
        this.untidy = true;
        await this.cutBack().catch(() => undefined);
        throw error;
      }
      this.size += bytes.length;
    });
  }

  /** Runs `task` with no append under way (a compaction swapping the file), then reopens it. */
  exclusive<T>(task: (reopen: (size: number) => Promise<void>) => Promise<T>): Promise<T> {
    return this.serialise(() =>
      task(async (size) => {
        await this.handle.close();
        this.handle = await open(this.file, 'a');
        this.size = size;
        this.untidy = false;
      }),
    );
  }

  private async cutBack(): Promise<void> {
    await this.handle.truncate(this.size);
    await this.handle.datasync();
    this.untidy = false;
  }

  private serialise<T>(task: () => Promise<T>): Promise<T> {
    const result = this.queue.then(task);
    this.queue = result.catch(() => undefined);
    return result;
  }

  async close(): Promise<void> {
    await this.queue;
    await this.handle.close();
  }
}
