import { expect } from 'chai';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ActionJournal } from '../../src/store/action-journal.js';
import { openStore } from '../../src/store/store.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const LIMIT = 20_000;

/**
 * Runs `script` (an ES module, given the folder) as its own process under a real file-size limit
 * (RLIMIT_FSIZE, set by util-linux's prlimit): past the limit a write is cut short, then fails
 * with EFBIG, as on a full disk. Node ignores SIGXFSZ, so the process lives on.
 */
function underFileSizeLimit(script: string, folder: string): Record<string, unknown> {
  const run = spawnSync(
    'prlimit',
    [`--fsize=${LIMIT}`, process.execPath, '--import', 'tsx', '--input-type=module', '-e', script, folder],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`the limited process failed: ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as Record<string, unknown>;
}

describe('a full disk (a real file-size limit)', function () {
  this.timeout(120_000);
  let folder: ReturnType<typeof makeTempFolder>;
  before(function () {
    if (spawnSync('prlimit', ['--version']).status !== 0) this.skip();
  });
  beforeEach(() => (folder = makeTempFolder()));
  afterEach(() => folder.remove());

  it('the actions journal confirms only whole lines, cuts a short write back, and reopens with every confirmed action', async () => {
    const result = underFileSizeLimit(
      `
      import { ActionJournal } from './src/store/action-journal.ts';
      import { SaveFailedError } from './src/core/records/save-failed.ts';
      const journal = await ActionJournal.open(process.argv[1] + '/store.json.actions');
      const confirmed = [];
      const failures = [];
      for (let i = 0; i < 120; i++) {
        const tag = 'report-' + i + '-' + 'x'.repeat(i % 7 * 40);
        try {
          const saved = await journal.add('kent-csp', (n) => ({ id: 'kent-csp#' + n, partnershipId: 'kent-csp', number: n, owner: { name: 'Shafick Peerbux' }, description: tag, status: 'open', createdBy: { id: 'u', name: 'Anna' }, createdAt: '2026-12-01T10:00:00.000Z', history: [] }));
          confirmed.push(saved.description);
        } catch (error) {
          failures.push(error instanceof SaveFailedError ? 'save-failed' : String(error));
        }
      }
      await journal.close();
      console.log(JSON.stringify({ confirmed, failures }));
      `,
      folder.path,
    );
    const confirmed = result.confirmed as string[];
    const failures = result.failures as string[];
    expect(confirmed.length).to.be.greaterThan(10);
    expect(failures.length).to.be.greaterThan(10);
    expect(new Set(failures)).to.deep.equal(new Set(['save-failed']));
    const file = path.join(folder.path, 'store.json.actions');
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).to.equal(true);
    expect(
      text
        .trimEnd()
        .split('\n')
        .map((line) => (JSON.parse(line) as { description: string }).description),
    ).to.deep.equal(confirmed);
    const reopened = await ActionJournal.open(file);
    expect(reopened.all('kent-csp').map((a) => a.description)).to.deep.equal(confirmed);
    expect(reopened.all('kent-csp').map((a) => a.number)).to.deep.equal(confirmed.map((_, i) => i + 1));
    await reopened.close();
    expect(statSync(file).size).to.be.at.most(LIMIT);
  });

  it('the store confirms only changes saved whole, keeps what readers see and its files as they were, and reopens with every confirmed change', async () => {
    const result = underFileSizeLimit(
      `
      import { openStore } from './src/store/store.ts';
      import { SaveFailedError } from './src/core/records/save-failed.ts';
      const partnership = { id: 'test-csp', name: 'Test CSP', shortName: 'T', priorityYears: [], priorityChanges: [], aliases: {}, leads: [], people: [], meetings: [], roles: [], draftActions: [], channels: [], agendas: [] };
      const store = await openStore({ file: process.argv[1] + '/store.json', defaults: () => ({ version: 3, defaultPartnershipId: 'test-csp', partnerships: { 'test-csp': partnership }, conversations: [], memberships: {} }) });
      const confirmed = [];
      const failures = [];
      let seenAfterFailure = true;
      for (let i = 0; i < 60; i++) {
        const key = 'alias-' + i;
        try {
          await store.update((d) => { d.partnerships['test-csp'].aliases[key] = 'x'.repeat(900); }, ['test-csp']);
          confirmed.push(key);
        } catch (error) {
          failures.push(error instanceof SaveFailedError ? 'save-failed' : String(error));
          if (store.partnership('test-csp').aliases[key] !== undefined) seenAfterFailure = false;
        }
      }
      await store.close();
      console.log(JSON.stringify({ confirmed, failures, seenAfterFailure }));
      `,
      folder.path,
    );
    const confirmed = result.confirmed as string[];
    expect(confirmed.length).to.be.greaterThan(5);
    expect((result.failures as string[]).length).to.be.greaterThan(5);
    expect(new Set(result.failures as string[])).to.deep.equal(new Set(['save-failed']));
    expect(result.seenAfterFailure, 'a failed change is never what readers see').to.equal(true);
    const file = path.join(folder.path, 'store.json');
    const store = await openStore({ file, defaults: () => expect.fail('the store must load') });
    expect(Object.keys(store.partnership('test-csp')?.aliases ?? {})).to.deep.equal(confirmed);
    await store.close();
    expect(readdirSync(folder.path).filter((f) => f.endsWith('.tmp'))).to.deep.equal([]);
  });
});
