import { expect } from 'chai';
import { storeBytes } from '../helpers/stored-data.js';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runImport } from '../../src/cli/import-minutes.js';
import { AnswerService } from '../../src/core/answers/answer-service.js';
import { openStore } from '../../src/store/store.js';
import { loadDefaultStore } from '../../src/store/default-store.js';
import { sharedFolder } from '../../scripts/shared-folder.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/minutes/layouts');
const ASHFORD = path.join(FIXTURES, 'minutes-page-ashford.txt');

describe('npm run import', () => {
  let folder: ReturnType<typeof makeTempFolder>;
  let dataFile: string;
  let out: string[];
  let err: string[];
  const run = (...args: string[]) =>
    runImport(args, { env: { DATA_FILE: dataFile }, out: (l) => out.push(l), err: (l) => err.push(l) });

  beforeEach(() => {
    folder = makeTempFolder();
    dataFile = path.join(folder.path, 'store.json');
    out = [];
    err = [];
  });
  afterEach(() => folder.remove());

  it('imports minutes of another meeting, reports what it added, and the bot can answer from them at once', async () => {
    expect(await run(ASHFORD)).to.equal(0);
    expect(out.join('\n')).to.match(
      /minutes-page-ashford\.txt \(minutes-page\)\n\s+added \d+: .*meeting acsp-2023-09-05/,
    );
    const store = await openStore({ file: dataFile, defaults: loadDefaultStore });
    const meeting = store.partnership()?.meetings.find((m) => m.id === 'acsp-2023-09-05');
    expect(meeting?.items.length).to.be.greaterThan(1);
    const answers = new AnswerService(store, () => new Date('2026-11-24'));
    expect(answers.answer('what did we resolve about the Community Safety Plan 2023-26?')?.summary).to.contain(
      'approve the Community Safety Plan 2023-26',
    );
    await store.close();
  });

  it('never duplicates: importing seeds already in the store only skips', async () => {
    expect(
      await run(sharedFolder('seeds', '003_0941d698233bc959.txt'), sharedFolder('seeds', '000_ceed36313205db39.txt')),
    ).to.equal(0);
    expect(out.filter((l) => /^\s+added [1-9]/.test(l))).to.deep.equal([]);
    expect(out.join('\n')).to.contain('nothing new');
    const store = await openStore({ file: dataFile, defaults: loadDefaultStore });
    expect(store.partnership()?.meetings.filter((m) => m.date === '2023-03-21')).to.have.length(1);
    await store.close();
  });

  it('--dry-run reports the same and writes nothing, not even a new store file', async () => {
    expect(await run(ASHFORD, '--dry-run')).to.equal(0);
    expect(out.join('\n')).to.contain('meeting acsp-2023-09-05');
    expect(out.at(-1)).to.match(/^dry run: nothing written/);
    expect(existsSync(dataFile)).to.equal(false);
  });

  for (const [file, problem] of [
    ['empty.txt', /empty\.txt line 1: .*empty/],
    ['binary.pdf', /binary\.pdf line 1: .*PDF file, not text/],
    ['binary.bin', /binary\.bin line \d+: .*binary/],
    ['unrecognised.html', /unrecognised\.html line \d+: .*HTML/],
    ['prose.txt', /prose\.txt line \d+: /],
  ] as const) {
    it(`refuses ${file} with the file and line, and leaves the store byte-identical`, async () => {
      await (await openStore({ file: dataFile, defaults: loadDefaultStore })).close();
      const before = storeBytes(dataFile);
      expect(await run(path.join(FIXTURES, file))).to.equal(1);
      expect(err.join('\n')).to.match(problem);
      expect(err.join('\n')).to.contain('nothing written');
      expect(storeBytes(dataFile).equals(before)).to.equal(true);
    });

    it(`imports the readable file beside ${file}, reports ${file}, and exits 1`, async () => {
      expect(await run(ASHFORD, path.join(FIXTURES, file))).to.equal(1);
      expect(err.join('\n')).to.match(problem);
      const store = await openStore({ file: dataFile, defaults: loadDefaultStore });
      expect(store.partnership()?.meetings.some((m) => m.id === 'acsp-2023-09-05')).to.equal(true);
      await store.close();
    });
  }

  it('creates a new partnership named by --name and imports into it only', async () => {
    expect(
      await run(
        '--partnership',
        'ashford-csp',
        '--name',
        'Ashford Community Safety Partnership (Ashford CSP)',
        ASHFORD,
      ),
    ).to.equal(0);
    expect(out.join('\n')).to.contain(
      'new partnership Ashford Community Safety Partnership (Ashford CSP), id ashford-csp',
    );
    const store = await openStore({ file: dataFile, defaults: loadDefaultStore });
    expect(store.partnership('ashford-csp')?.meetings.map((m) => m.id)).to.include('acsp-2023-09-05');
    expect(store.partnership()?.meetings.some((m) => m.id === 'acsp-2023-09-05')).to.equal(false);
    await store.close();
  });

  it('refuses a partnership id that is not a slug, and --name without --partnership', async () => {
    expect(await run('--partnership', 'Ashford CSP!', ASHFORD)).to.equal(2);
    expect(await run('--name', 'Ashford CSP (A)', ASHFORD)).to.equal(2);
    expect(existsSync(dataFile)).to.equal(false);
  });

  it('explains how to use it when given no files, and names a missing file', async () => {
    expect(await run()).to.equal(2);
    expect(err.join('\n')).to.contain('usage: npm run import');
    err = [];
    expect(await run(path.join(folder.path, 'missing.txt'))).to.equal(1);
    expect(err.join('\n')).to.contain('missing.txt: cannot read the file (ENOENT)');
  });

  it('refuses to write over a damaged store', async () => {
    writeFileSync(dataFile, '{"version": 2, "partn');
    let error: unknown;
    await run(ASHFORD).catch((e: unknown) => (error = e));
    expect((error as Error).message).to.contain('not valid JSON');
    expect(readFileSync(dataFile, 'utf8')).to.equal('{"version": 2, "partn');
  });
});

describe('npm run import while the bot holds the store', () => {
  it('refuses while another running process holds the store, and takes over a lock left by a dead one', async () => {
    const { spawn } = await import('node:child_process');
    const folder = makeTempFolder();
    const dataFile = path.join(folder.path, 'store.json');
    const err: string[] = [];
    const io = { env: { DATA_FILE: dataFile }, out: () => undefined, err: (l: string) => err.push(l) };
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      await runImport([ASHFORD], io);
      writeFileSync(`${dataFile}.lock`, String(holder.pid));
      const before = storeBytes(dataFile);
      let error: unknown;
      await runImport([ASHFORD], io).catch((e: unknown) => (error = e));
      expect((error as Error).message).to.match(new RegExp(`in use by another process \\(pid ${holder.pid}`));
      expect(storeBytes(dataFile).equals(before)).to.equal(true);
    } finally {
      holder.kill();
    }
    await new Promise((resolve) => holder.once('exit', resolve));
    expect(await runImport([sharedFolder('seeds', '003_0941d698233bc959.txt')], io)).to.equal(0);
    expect(existsSync(`${dataFile}.lock`)).to.equal(false);
    folder.remove();
  });
});
