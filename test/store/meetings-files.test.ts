import { expect } from 'chai';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateStore } from '../../bench/generate-store.js';
import { nextTurnPause } from '../../src/core/answers/build-in-slices.js';
import { meetingsFolder } from '../../src/store/meetings-files.js';
import { openStore, replaceStoreFile } from '../../src/store/store.js';
import { StoreError } from '../../src/store/store-error.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * A process that changes a meeting and adds an alias, over and over, on a store that writes a
 * snapshot after nearly every change; it prints the number of each change once it is confirmed.
 */
const WRITER = `
  import { openStore } from './src/store/store.ts';
  const [file, from] = process.argv.slice(1);
  const store = await openStore({ file, defaults: () => { throw new Error('the store exists'); }, snapshotBytes: 2000 });
  const ids = Object.keys(store.data().partnerships);
  for (let i = Number(from); ; i++) {
    await store.update((d) => {
      const p = d.partnerships[ids[i % ids.length]];
      p.meetings[i % 20].note = 'note ' + i;
      p.aliases['alias ' + i] = 'road-safety';
    });
    process.stdout.write(i + '\\n');
  }
`;

/** Runs the writer from change `from` and kills it (SIGKILL) a moment after its first confirmed change. */
async function writeUntilKilled(file: string, from: number): Promise<number[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WRITER, file, String(from)], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const confirmed: number[] = [];
  let buffered = '';
  await new Promise<void>((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      const lines = (buffered + chunk.toString()).split('\n');
      buffered = lines.pop() ?? '';
      if (confirmed.length === 0 && lines.length > 0) setTimeout(() => child.kill('SIGKILL'), 20 + Math.random() * 300);
      confirmed.push(...lines.filter(Boolean).map(Number));
    });
    child.once('exit', () => resolve());
  });
  return confirmed;
}

describe("store: each partnership's meetings in a file of their own", () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let file: string;
  const ids = ['kent-csp', 'district-01', 'district-02'];
  const names = (): Record<string, string> =>
    (JSON.parse(readFileSync(file, 'utf8')) as { meetingsFiles: Record<string, string> }).meetingsFiles;
  const meetingsFile = (id: string): string => path.join(meetingsFolder(file), names()[id]!);
  const open = (snapshotBytes?: number) =>
    openStore({ file, defaults: () => generateStore(3, 20), ...(snapshotBytes ? { snapshotBytes } : {}) });

  beforeEach(async () => {
    folder = makeTempFolder();
    file = path.join(folder.path, 'store.json');
    // A new store writes its first snapshot: the store file, and a meetings file per partnership.
    await (await open()).close();
  });
  afterEach(() => folder.remove());

  it('writes the store file without the meetings, naming one meetings file per partnership', () => {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { partnerships: Record<string, object> };
    expect(Object.keys(names())).to.have.members(ids);
    for (const id of ids) {
      expect(stored.partnerships[id]).to.not.have.property('meetings');
      const text = readFileSync(meetingsFile(id), 'utf8');
      expect(JSON.parse(text)).to.have.length(20);
      // One meeting a line, so that it is read back a meeting at a time.
      expect(text.split('\n')).to.have.length(1 + 20 + 2);
    }
    expect(readdirSync(meetingsFolder(file))).to.have.length(3);
  });

  it("opens, answers from and changes one partnership without reading another's meetings", async () => {
    const damaged = meetingsFile('district-02');
    const good = readFileSync(damaged, 'utf8');
    // Were it read, this would fail: so the open, the change and the reads below never read it.
    writeFileSync(damaged, 'not json');
    const store = await open();
    expect(store.partnership('kent-csp')!.meetings).to.have.length(20);
    await store.update((d) => {
      d.partnerships['district-02']!.aliases['safer streets'] = 'road-safety';
    });
    expect(store.partnership('district-02')!.aliases['safer streets']).to.equal('road-safety');
    expect(() => store.partnership('district-02')!.meetings).to.throw(StoreError, /district-02.*not valid JSON/);
    let refused: unknown;
    await store.readMeetings('district-02', nextTurnPause).catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(StoreError);
    expect((refused as StoreError).file).to.equal(damaged);
    // Mended, it is read when next asked for, with the change made meanwhile kept beside it.
    writeFileSync(damaged, good);
    await store.readMeetings('district-02', nextTurnPause);
    expect(store.partnership('district-02')!.meetings).to.have.length(20);
    await store.close();
    const reopened = await open();
    expect(reopened.partnership('district-02')!.aliases['safer streets']).to.equal('road-safety');
    expect(reopened.partnership('district-02')!.meetings).to.have.length(20);
    await reopened.close();
  });

  it('writes a new meetings file only for the partnership whose meetings changed, and removes the one it replaces a snapshot later', async () => {
    const before = names();
    const store = await open(1);
    await store.update((d) => {
      d.partnerships['district-01']!.meetings[3]!.note = 'moved to the council chamber';
      d.partnerships['kent-csp']!.aliases['safer streets'] = 'road-safety';
    });
    await store.close();
    const after = names();
    expect(after['district-01']).to.not.equal(before['district-01']);
    expect(after['kent-csp']).to.equal(before['kent-csp']);
    expect(after['district-02']).to.equal(before['district-02']);
    expect(JSON.parse(readFileSync(meetingsFile('district-01'), 'utf8'))[3].note).to.equal(
      'moved to the council chamber',
    );
    // The replaced file stays while the snapshot before is the last but one: a reader (an export)
    // that read that store file a moment before still finds it. The bot's next snapshot, or its
    // next start, removes it.
    expect(readdirSync(meetingsFolder(file)).sort()).to.deep.equal(
      [...Object.values(after), before['district-01']].sort(),
    );
    await (await open()).close();
    expect(readdirSync(meetingsFolder(file)).sort()).to.deep.equal(Object.values(after).sort());
  });

  it('keeps the meetings files of a store named by a path in another form (./, relative)', async () => {
    const before = names();
    const store = await openStore({
      file: `${path.dirname(file)}/./${path.basename(file)}`,
      defaults: () => expect.fail('the store exists'),
      snapshotBytes: 1,
    });
    await store.update((d) => {
      d.partnerships['kent-csp']!.aliases['safer streets'] = 'road-safety';
    });
    await store.close();
    expect(JSON.parse(readFileSync(file, 'utf8')).changesThrough).to.equal(1);
    expect(names()).to.deep.equal(before);
  });

  it('reads a meetings file laid out by hand, and refuses one that is not a JSON list whatever its lines', async () => {
    const meetings = JSON.parse(readFileSync(meetingsFile('district-01'), 'utf8')) as unknown[];
    writeFileSync(meetingsFile('district-01'), JSON.stringify(meetings, null, 2));
    // Each line JSON, but not the whole: no comma between the meetings.
    writeFileSync(meetingsFile('district-02'), `[\n${meetings.map((m) => JSON.stringify(m)).join('\n')}\n]\n`);
    const store = await open();
    expect(store.partnership('district-01')!.meetings).to.deep.equal(meetings);
    expect(() => store.partnership('district-02')!.meetings).to.throw(StoreError, /not valid JSON/);
    await store.close();
  });

  it('refuses a store file naming a meetings file that is missing, and removes what a crash left half-written', async () => {
    const stray = path.join(meetingsFolder(file), 'kent-csp.zz.json.123.0.tmp');
    writeFileSync(stray, '[');
    await (await open()).close();
    expect(readdirSync(meetingsFolder(file)).sort()).to.deep.equal(Object.values(names()).sort());

    rmSync(meetingsFile('district-01'));
    let refused: unknown;
    await open().catch((error: unknown) => (refused = error));
    expect(refused).to.be.instanceOf(StoreError);
    expect((refused as Error).message).to.match(/district-01\..*missing/);
  });

  it('restores a whole store into new meetings files, and reads a store file with the meetings inline', async () => {
    const before = Object.values(names());
    const restored = generateStore(2, 5);
    await replaceStoreFile(file, restored);
    expect(Object.keys(names())).to.have.members(['kent-csp', 'district-01']);
    expect(readdirSync(meetingsFolder(file))).to.not.include.members(before);
    const store = await open();
    expect(store.partnership('district-01')!.meetings).to.deep.equal(restored.partnerships['district-01']!.meetings);
    await store.close();

    writeFileSync(file, JSON.stringify(generateStore(2, 7)));
    const inline = await open();
    expect(inline.partnership('district-01')!.meetings).to.have.length(7);
    await inline.close();
  });

  it('keeps every confirmed change, and whole meetings files, when killed at random moments while snapshots are written', async function () {
    this.timeout(120_000);
    const confirmed: number[] = [];
    let from = 0;
    for (let round = 0; round < 6; round++) {
      const saved = await writeUntilKilled(file, from);
      expect(saved.length, `round ${round} confirmed changes`).to.be.greaterThan(0);
      confirmed.push(...saved);
      // Changes after the last confirmed one may be on disk too; the next round starts beyond them.
      from = Math.max(...saved) + 100;
    }
    const store = await open();
    // Opening took the dead writer's lock, and removed what it left half-written.
    expect(readdirSync(meetingsFolder(file)).sort()).to.deep.equal(Object.values(names()).sort());
    expect(JSON.parse(readFileSync(file, 'utf8')).changesThrough).to.be.greaterThan(0);
    const order = Object.keys(store.data().partnerships);
    for (const i of confirmed) {
      const partnership = store.partnership(order[i % order.length])!;
      expect(partnership.aliases[`alias ${i}`], `alias ${i}`).to.equal('road-safety');
      // The meeting's note is this change's, or a later one's to the same meeting.
      const note = Number(partnership.meetings[i % 20]!.note?.slice('note '.length));
      expect(note, `note of change ${i}`).to.be.at.least(i);
    }
    await store.close();
  });
});
