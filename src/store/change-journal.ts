/**
 * The store's change journal (`<DATA_FILE>.changes`): one JSON line per saved change, its
 * sequence number and its operations (see store-changes.ts), appended and fsync'd before the
 * change is confirmed. The store file itself is a snapshot that says up to which change it holds;
 * on open the lines after it are replayed. A line torn by a crash mid-append (a tail without its
 * newline) is the only thing skipped; anything else unreadable stops the bot with the line number.
 * After a snapshot is saved, the lines it holds are dropped (rewritten atomically).
 */
import { saveFailed } from '../core/records/save-failed.js';
import { AppendFile, journalValues } from './append-file.js';
import { replaceFile } from './replace-file.js';
import type { StoreOp } from './store-changes.js';
import { StoreError } from './store-error.js';

export interface JournalLine {
  seq: number;
  ops: StoreOp[];
}

/** The journal's whole lines, in order; throws a StoreError naming a damaged line. */
export function readJournalLines(text: string, file: string): JournalLine[] {
  return journalValues(text, file, 'the change journal').map(({ value, line }) => {
    const entry = value as Partial<JournalLine>;
    if (typeof entry.seq !== 'number' || !Array.isArray(entry.ops))
      throw new StoreError(`the change journal has an unreadable change at line ${line}`, file);
    return entry as JournalLine;
  });
}

export class ChangeJournal {
  /** Lines appended since the last snapshot, kept to rewrite the journal without reading it back. */
  private pending: { seq: number; text: string }[];
  private bytes: number;

  private constructor(
    private readonly file: string,
    private readonly out: AppendFile,
    lines: readonly JournalLine[],
    text: string,
  ) {
    this.pending = lines.map((line) => ({ seq: line.seq, text: `${JSON.stringify(line)}\n` }));
    this.bytes = Buffer.byteLength(text);
  }

  /** Opens (creating) the journal; `text` is what it held, for the store to replay. */
  static async open(file: string): Promise<{ journal: ChangeJournal; lines: JournalLine[] }> {
    const { file: out, text } = await AppendFile.open(file);
    try {
      const lines = readJournalLines(text, file);
      return { journal: new ChangeJournal(file, out, lines, text), lines };
    } catch (error) {
      await out.close();
      throw error;
    }
  }

  /** Bytes held since the last snapshot. */
  size(): number {
    return this.bytes;
  }

  /** Appends the lines in one write and one fsync; rejects with SaveFailedError, the journal as it was, if that fails. */
  async append(lines: readonly JournalLine[]): Promise<void> {
    const texts = lines.map((line) => ({ seq: line.seq, text: `${JSON.stringify(line)}\n` }));
    const text = texts.map((t) => t.text).join('');
    try {
      await this.out.append(text);
    } catch (error) {
      throw saveFailed(error);
    }
    this.pending.push(...texts);
    this.bytes += Buffer.byteLength(text);
  }

  /** Drops the lines a saved snapshot holds (through `seq`): see replace-file.ts. */
  dropThrough(seq: number): Promise<void> {
    return this.out.exclusive(async (reopen) => {
      const kept = this.pending.filter((line) => line.seq > seq);
      const text = kept.map((line) => line.text).join('');
      await replaceFile(this.file, (handle) => handle.writeFile(text)).catch((error: unknown) => {
        throw saveFailed(error);
      });
      await reopen(Buffer.byteLength(text));
      this.pending = kept;
      this.bytes = Buffer.byteLength(text);
    });
  }

  close(): Promise<void> {
    return this.out.close();
  }
}
