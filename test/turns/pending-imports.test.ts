import { expect } from 'chai';
import { PendingImports } from '../../src/turns/pending-imports.js';

describe('previews waiting for Import', () => {
  it('are found by id until they expire, and the oldest go first when too many are kept', () => {
    let now = new Date('2026-11-24T10:00:00Z');
    const pending = new PendingImports(30 * 60_000, () => now, 3);
    const first = pending.add('user-1', [], ['kent-csp']);
    expect(pending.get(first.id)?.userId).to.equal('user-1');
    now = new Date('2026-11-24T10:31:00Z');
    expect(pending.get(first.id)).to.equal(undefined);
    const kept = [1, 2, 3, 4].map((n) => pending.add(`user-${n}`, [], ['kent-csp']));
    expect(pending.get(kept[0]!.id)).to.equal(undefined);
    expect(kept.slice(1).every((k) => pending.get(k.id) !== undefined)).to.equal(true);
  });
});
