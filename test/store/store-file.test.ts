import { expect } from 'chai';
import { readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { generateStore } from '../../bench/generate-store.js';
import { nextTurnPause } from '../../src/core/answers/build-in-slices.js';
import type { JournalLine } from '../../src/store/change-journal.js';
import { meetingsFolder } from '../../src/store/meetings-files.js';
import { applyOps, type StoreOp } from '../../src/store/store-changes.js';
import { replay } from '../../src/store/store-file.js';
import { changeJournalFile, openStore } from '../../src/store/store.js';
import { StoreError } from '../../src/store/store-error.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

/** The store file, the journal and the meetings files as the bot reads them back: what it refuses, and why. */
describe('store files read back', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let file: string;
  const open = (options: { readOnly?: boolean; snapshotBytes?: number } = {}) =>
    openStore({ file, defaults: () => generateStore(3, 5), ...options });
  const meetingsFile = (id: string): string =>
    path.join(
      meetingsFolder(file),
      (JSON.parse(readFileSync(file, 'utf8')) as { meetingsFiles: Record<string, string> }).meetingsFiles[id]!,
    );
  const refusal = async (opening: Promise<unknown>): Promise<StoreError> => {
    const error = await opening.then(
      () => expect.fail('the store opened'),
      (e: unknown) => e,
    );
    expect(error).to.be.instanceOf(StoreError);
    return error as StoreError;
  };

  beforeEach(async () => {
    folder = makeTempFolder();
    file = path.join(folder.path, 'store.json');
    await (await open()).close();
  });
  afterEach(() => folder.remove());

  it('refuses a journal that misses changes after the store file, for the bot and for an export', async () => {
    const store = await open();
    for (const alias of ['one', 'two', 'three'])
      await store.update((d) => void (d.partnerships['kent-csp']!.aliases[alias] = 'road-safety'));
    await store.close();
    const journal = changeJournalFile(file);
    // As if the bot had dropped lines 1 and 2 into a snapshot this store file is not.
    writeFileSync(journal, readFileSync(journal, 'utf8').split('\n').slice(2).join('\n'));
    for (const readOnly of [false, true]) {
      const error = await refusal(open({ readOnly }));
      expect(error.file).to.equal(journal);
      expect(error.message).to.match(/missing changes 1 to 2/);
    }
  });

  it('blames a damaged meetings file that a change in the journal reads on that file, and keeps a copy of it', async () => {
    const store = await open();
    await store.update((d) => void (d.partnerships['district-01']!.meetings[0]!.note = 'moved'));
    await store.close();
    const damaged = meetingsFile('district-01');
    writeFileSync(damaged, 'not json');
    const error = await refusal(open());
    expect(error.file).to.equal(damaged);
    expect(error.message).to.match(/not valid JSON.*a copy of it is kept at/);
    expect(readdirSync(meetingsFolder(file)).filter((name) => name.includes('.damaged-'))).to.have.length(1);
  });

  it('keeps a copy of a meetings file found damaged by an export or while the bot runs, which snapshots leave alone', async () => {
    const damaged = meetingsFile('district-02');
    writeFileSync(damaged, '[\n{"id": 1}\n]\n');
    writeFileSync(path.join(meetingsFolder(file), 'notes by the operator.txt'), 'mine');
    const copies = (): string[] => readdirSync(meetingsFolder(file)).filter((name) => name.includes('.damaged-'));
    const exported = await refusal(open({ readOnly: true }));
    expect(exported.message.match(/a copy of it is kept at/g)).to.have.length(1);
    expect(copies()).to.have.length(1);
    const store = await open({ snapshotBytes: 1 });
    const errors: unknown[] = [];
    for (let i = 0; i < 2; i++)
      await store.readMeetings('district-02', nextTurnPause).catch((e: unknown) => errors.push(e));
    // One copy more, made the first time; the file, unchanged since, is not read again.
    expect(String(errors[0])).to.match(/not valid at 0\..*a copy of it is kept at/);
    expect(errors[1]).to.equal(errors[0]);
    expect(copies()).to.have.length(2);
    await store.update((d) => void (d.partnerships['kent-csp']!.aliases.snapshot = 'road-safety'));
    await store.close();
    await (await open()).close();
    expect(copies()).to.have.length(2);
    expect(readdirSync(meetingsFolder(file))).to.include('notes by the operator.txt');
  });

  it('tells of a background snapshot that failed, and keeps the change it was to hold in the journal', async () => {
    const failures: unknown[] = [];
    const store = await openStore({
      file,
      defaults: () => expect.fail('the store exists'),
      snapshotBytes: 1,
      onSnapshotFailed: (error) => failures.push(error),
    });
    for (const id of ['kent-csp', 'district-01', 'district-02']) await store.readMeetings(id, nextTurnPause);
    // A file where the meetings folder was: no meetings file can be written.
    const moved = `${meetingsFolder(file)}.moved`;
    renameSync(meetingsFolder(file), moved);
    writeFileSync(meetingsFolder(file), '');
    await store.update((d) => void (d.partnerships['district-01']!.meetings[0]!.note = 'moved'));
    await store.close();
    expect(failures).to.have.length(1);
    rmSync(meetingsFolder(file));
    renameSync(moved, meetingsFolder(file));
    const reopened = await open();
    expect(reopened.partnership('district-01')!.meetings[0]!.note).to.equal('moved');
    await reopened.close();
  });

  it('writes and reads back a partnership whose key makes no file name', async () => {
    const store = await open({ snapshotBytes: 1 });
    await store.update((d) => void (d.partnerships[''] = { ...d.partnerships['district-01']! }));
    await store.close();
    const reopened = await open();
    expect(reopened.partnership('')!.meetings).to.have.length(5);
    await reopened.close();
  });

  it('refuses a hand-edited store file whose partnership is not an object, naming the problem', async () => {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { partnerships: Record<string, unknown> };
    stored.partnerships['district-01'] = 5;
    writeFileSync(file, JSON.stringify(stored));
    const error = await refusal(open());
    expect(error.message).to.match(/names a meetings file for "district-01", which has none to name/);
  });
});

describe('replaying the change journal', () => {
  it('gives the state the lines give one by one, and leaves the snapshot it starts from as it was', () => {
    const snapshot = generateStore(2, 3);
    const before = JSON.stringify(snapshot);
    const ids = Object.keys(snapshot.partnerships);
    // Lines that touch the same records again and again: aliases, a member, the change log.
    const lines: JournalLine[] = Array.from({ length: 60 }, (_, i) => {
      const id = ids[i % ids.length]!;
      const ops: StoreOp[] =
        i % 3 === 0
          ? [{ p: ['partnerships', id, 'aliases', `alias ${i}`], v: 'road-safety' }]
          : i % 3 === 1
            ? [{ p: ['memberships', `29:member-${i % 7}`], v: { seenIn: [id], chosen: id } }]
            : [{ p: ['partnerships', id, 'aliases', `alias ${i - 2}`], d: 1 }];
      return { seq: i + 1, ops };
    });
    const { data, seq } = replay(snapshot, lines, 0, 'journal');
    const oneByOne = lines.reduce((state, line) => applyOps(state, line.ops), snapshot);
    expect(seq).to.equal(60);
    expect(data).to.deep.equal(oneByOne);
    expect(JSON.stringify(snapshot)).to.equal(before);
  });
});
