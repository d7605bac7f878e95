import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { buildDefaultStore, serialiseStore } from '../../scripts/build-default-store.js';
import { DEFAULT_STORE_FILE, loadDefaultStore } from '../../src/store/default-store.js';

describe('the embedded default store', () => {
  it('is exactly what the importer makes of data/seeds plus the curated priorities and leads', () => {
    const rebuilt = serialiseStore(buildDefaultStore());
    expect(
      rebuilt === readFileSync(DEFAULT_STORE_FILE, 'utf8'),
      'data/default-store.json is stale: run npm run build:default-store',
    ).to.equal(true);
  });

  it('cites a source for every priority, lead, meeting, item and person', () => {
    const kent = loadDefaultStore().partnerships['kent-csp']!;
    const all = [
      ...kent.priorityYears.flatMap((y) => y.priorities),
      ...kent.leads,
      ...kent.meetings,
      ...kent.meetings.flatMap((m) => m.items),
      ...kent.people,
      ...kent.priorityChanges,
    ];
    for (const fact of all) expect(fact.sources.length, JSON.stringify(fact).slice(0, 80)).to.be.greaterThan(0);
  });

  it('holds the meetings, attendance and leads that DATA.md describes', () => {
    const kent = loadDefaultStore().partnerships['kent-csp']!;
    const held = kent.meetings.filter((m) => m.status === 'held').map((m) => m.date);
    expect(held).to.deep.equal(['2022-03-24', '2023-03-21']);
    // "March 2023 (TBC)" is the meeting later held on 21 March 2023, so only the two 2022 dates stay planned.
    expect(kent.meetings.filter((m) => m.status === 'planned').map((m) => m.date ?? m.month)).to.deep.equal([
      '2022-07-14',
      '2022-11-17',
    ]);
    expect(kent.meetings.filter((m) => m.status === 'undated')).to.have.length(1);
    const leadIds = kent.leads.filter((l) => l.personId).map((l) => l.personId);
    for (const id of leadIds)
      expect(
        kent.people.some((p) => p.id === id),
        `lead ${id}`,
      ).to.equal(true);
    expect(
      kent.leads
        .filter((l) => l.personId === null)
        .map((l) => l.priorityId)
        .sort(),
    ).to.deep.equal(['safeguarding', 'vawg']);
  });
});
