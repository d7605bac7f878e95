import { expect } from 'chai';
import { primeStoredItems } from '../../../src/core/minutes/prime-stored-items.js';
import { proposeDraftActions } from '../../../src/core/minutes/draft-actions.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

describe('minutes importer: priming the stored items before an import', () => {
  const meetings = loadDefaultStore().partnerships['kent-csp']!.meetings;
  const items = meetings.reduce((n, m) => n + m.items.length, 0);

  it('reads every stored item, pausing between slices so that turns go between', async () => {
    let pauses = 0;
    // A slice of no time at all: a pause after every item.
    await primeStoredItems(meetings, async () => void pauses++, -1);
    expect(pauses).to.equal(items);
    pauses = 0;
    await primeStoredItems(meetings, async () => void pauses++, 60_000);
    expect(pauses).to.equal(0);
  });

  it('leaves what an import proposes as it was', async () => {
    const fresh = structuredClone(meetings);
    const unprimed = proposeDraftActions(fresh, []);
    const primed = structuredClone(meetings);
    await primeStoredItems(primed, async () => undefined);
    expect(proposeDraftActions(primed, [])).to.deep.equal(unprimed);
    expect(unprimed.length).to.be.greaterThan(0);
  });
});
