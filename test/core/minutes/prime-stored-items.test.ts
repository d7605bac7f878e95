import { expect } from 'chai';
import { buildInSlices } from '../../../src/core/answers/build-in-slices.js';
import { primeStoredItems } from '../../../src/core/minutes/prime-stored-items.js';
import { proposeDraftActions } from '../../../src/core/minutes/draft-actions.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

describe('minutes importer: priming the stored items before an import', () => {
  const meetings = loadDefaultStore().partnerships['kent-csp']!.meetings;

  it('reads the stored items one a step, so that a build can pause between them', () => {
    const steps = [...primeStoredItems(meetings)];
    expect(steps).to.have.length(meetings.reduce((n, m) => n + m.items.length, 0));
  });

  it('leaves what an import proposes as it was', async () => {
    const unprimed = proposeDraftActions(structuredClone(meetings), []);
    const primed = structuredClone(meetings);
    await buildInSlices(primeStoredItems(primed), async () => undefined);
    expect(proposeDraftActions(primed, [])).to.deep.equal(unprimed);
    expect(unprimed.length).to.be.greaterThan(0);
  });
});
