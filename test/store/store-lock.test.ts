import { expect } from 'chai';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDefaultStore } from '../../src/store/default-store.js';
import { lockStoreFile } from '../../src/store/store-lock.js';
import { openStore } from '../../src/store/store.js';
import { StoreError } from '../../src/store/store-error.js';
import { makeTempFolder } from '../helpers/temp-folder.js';

const LOCK_MODULE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/store/store-lock.ts');
const CONTENDERS = 8;
const ROUNDS = 25;

/** A pid that ran and no longer does: what a crashed bot leaves in its lock. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

/**
 * A process that, on each "go" from the test, tries to take the lock and says whether it won. It
 * never releases it: before each round the test puts a dead process's pid back in the lock, as a
 * crash would leave it. All are told "go" at the same moment, so both cores run a takeover at once.
 */
class Contender {
  readonly lines: string[] = [];
  private readonly child;
  private waiting: (() => void) | null = null;

  constructor(file: string) {
    const script = `
      import { readSync } from 'node:fs';
      import { lockStoreFile } from ${JSON.stringify(LOCK_MODULE)};
      const buffer = Buffer.alloc(16);
      for (let round = 0; readSync(0, buffer) > 0; round++) {
        let outcome;
        try { lockStoreFile(${JSON.stringify(file)}); outcome = 'won'; } catch (error) { outcome = error.name === 'StoreError' && /in use/.test(error.message) ? 'refused' : 'failed: ' + error.message; }
        console.log(outcome);
      }
    `;
    this.child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    let partial = '';
    this.child.stdout.on('data', (chunk: Buffer) => {
      partial += chunk.toString();
      const complete = partial.split('\n');
      partial = complete.pop() ?? '';
      this.lines.push(...complete);
      this.waiting?.();
    });
  }

  go(): void {
    this.child.stdin.write('go\n');
  }

  async answered(count: number): Promise<void> {
    while (this.lines.length < count) await new Promise<void>((resolve) => (this.waiting = resolve));
  }

  stop(): void {
    this.child.stdin.end();
  }
}

describe('store lock', function () {
  this.timeout(180_000);
  let folder: ReturnType<typeof makeTempFolder>;
  let file: string;
  beforeEach(() => {
    folder = makeTempFolder();
    file = path.join(folder.path, 'store.json');
  });
  afterEach(() => folder.remove());

  it('refuses a second owner while the first runs, and takes over a lock left by a dead process', () => {
    writeFileSync(`${file}.lock`, String(process.ppid));
    expect(() => lockStoreFile(file)).to.throw(StoreError, /in use by another process/);
    writeFileSync(`${file}.lock`, String(deadPid()));
    const release = lockStoreFile(file);
    release();
    lockStoreFile(file)();
  });

  it('waits on a lock that names no process yet (one being written), and takes it once it has stayed so', () => {
    const lock = `${file}.lock`;
    writeFileSync(lock, '');
    expect(() => lockStoreFile(file)).to.throw(StoreError, /could not take the store lock/);
    expect(readFileSync(lock, 'utf8')).to.equal('');
    // Left empty by a crash long ago: stale.
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    const release = lockStoreFile(file);
    expect(readFileSync(lock, 'utf8')).to.equal(String(process.pid));
    release();
  });

  it('lets go of the lock when the store cannot be opened after taking it', async () => {
    // A file where the meetings folder goes: the first snapshot cannot be written.
    writeFileSync(`${file}.meetings`, 'not a folder');
    let error: unknown;
    await openStore({ file, defaults: loadDefaultStore }).catch((e: unknown) => (error = e));
    expect(error).to.be.instanceOf(Error);
    expect(existsSync(`${file}.lock`)).to.equal(false);
  });

  it(`gives a stale lock to exactly one of ${CONTENDERS} processes racing for it, in each of ${ROUNDS} rounds`, async () => {
    const dead = String(deadPid());
    const contenders = Array.from({ length: CONTENDERS }, () => new Contender(file));
    try {
      for (let round = 0; round < ROUNDS; round++) {
        writeFileSync(`${file}.lock`, dead);
        contenders.forEach((c) => c.go());
        await Promise.all(contenders.map((c) => c.answered(round + 1)));
        const outcomes = contenders.map((c) => c.lines[round]);
        expect(
          outcomes.filter((o) => o === 'won'),
          `round ${round}: ${outcomes.join(', ')}`,
        ).to.have.length(1);
        expect(
          outcomes.filter((o) => o === 'refused'),
          `round ${round}: ${outcomes.join(', ')}`,
        ).to.have.length(CONTENDERS - 1);
      }
    } finally {
      contenders.forEach((c) => c.stop());
    }
  });
});
