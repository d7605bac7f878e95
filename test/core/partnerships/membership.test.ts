import { expect } from 'chai';
import { publishedRecords } from '../../../src/core/partnerships/membership.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

describe('publishedRecords', () => {
  const kent = loadDefaultStore().partnerships['kent-csp']!;
  const [minuted, other] = kent.meetings;
  // Its minutes are published, but who came was confirmed on an agenda card in Teams.
  const confirmedInTeams = {
    ...minuted!,
    sources: [...minuted!.sources, { doc: 'agenda 2023-03-21', ref: 'attendance' }],
    present: ['person-confirmed-in-teams'],
  };
  const partnership = { ...kent, meetings: [confirmedInTeams, other!] };

  it('leaves out the attendance taken in Teams, keeping the published minutes', () => {
    const [meeting, untouched] = publishedRecords(partnership).meetings;
    expect(meeting!.present).to.deep.equal([]);
    expect(meeting!.apologies).to.deep.equal([]);
    expect(meeting!.items).to.equal(confirmedInTeams.items);
    expect(untouched).to.equal(other);
  });

  it('gives the same meetings for a later version whose meetings did not change, so that their indexes are reused', () => {
    const later = { ...partnership, aliases: { ...partnership.aliases, 'safer streets': 'road-safety' } };
    const before = publishedRecords(partnership).meetings;
    const after = publishedRecords(later).meetings;
    expect(after).to.have.length(before.length);
    after.forEach((meeting, i) => expect(meeting).to.equal(before[i]));
  });
});
