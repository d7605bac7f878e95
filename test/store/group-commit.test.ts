import { expect } from 'chai';
import { GroupCommit, type Committed } from '../../src/store/group-commit.js';

describe('GroupCommit (the one write queue of the store and the actions journal)', () => {
  it('writes what arrives in one turn together, and what arrives during a write in the next, in order', async () => {
    const batches: number[][] = [];
    let release: () => void = () => undefined;
    const queue = new GroupCommit<number, number>(async (batch) => {
      batches.push([...batch]);
      if (batches.length === 1) await new Promise<void>((resolve) => (release = resolve));
      return batch.map((n) => ({ saved: n * 10 }));
    });
    const first = [queue.submit(1), queue.submit(2)];
    await new Promise((resolve) => setImmediate(resolve));
    const later = [queue.submit(3), queue.submit(4), queue.submit(5)];
    release();
    expect(await Promise.all([...first, ...later])).to.deep.equal([10, 20, 30, 40, 50]);
    expect(batches).to.deep.equal([
      [1, 2],
      [3, 4, 5],
    ]);
  });

  it('refuses one item alone, and confirms nothing of a batch whose write fails', async () => {
    let failNext = false;
    const queue = new GroupCommit<number, number>(async (batch) => {
      if (failNext) {
        failNext = false;
        throw new Error('disk full');
      }
      return batch.map((n): Committed<number> => (n < 0 ? { refused: new Error(`bad ${n}`) } : { saved: n }));
    });
    const results = await Promise.allSettled([queue.submit(1), queue.submit(-2), queue.submit(3)]);
    expect(results.map((r) => r.status)).to.deep.equal(['fulfilled', 'rejected', 'fulfilled']);
    failNext = true;
    const failed = await Promise.allSettled([queue.submit(4), queue.submit(5)]);
    expect(failed.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'saved'))).to.deep.equal([
      'disk full',
      'disk full',
    ]);
    expect(await queue.submit(6)).to.equal(6);
  });

  it('is idle only once everything submitted is settled', async () => {
    const settled: number[] = [];
    const queue = new GroupCommit<number, void>(async (batch) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      return batch.map(() => ({ saved: undefined }));
    });
    for (let i = 0; i < 3; i++) void queue.submit(i).then(() => settled.push(i));
    await queue.idle();
    await Promise.resolve();
    expect(settled).to.deep.equal([0, 1, 2]);
  });
});
