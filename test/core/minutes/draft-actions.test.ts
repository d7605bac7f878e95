import { expect } from 'chai';
import type { Meeting, Person } from '../../../src/core/model/model.js';
import { proposeDraftActions } from '../../../src/core/minutes/draft-actions.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

function meetingWith(minutes: string[], presenters: string[] = []): Meeting {
  return {
    id: 'tcsp-2024-02-01',
    body: 'Test Community Safety Partnership',
    date: '2024-02-01',
    status: 'held',
    present: [],
    apologies: [],
    sources: [{ doc: 'test.txt' }],
    items: [
      {
        id: 'B2',
        code: 'B2',
        title: 'Night-time Economy Update',
        minutes,
        presenters,
        links: [],
        sources: [{ doc: 'test.txt', ref: 'B2' }],
      },
    ],
  };
}
const okafor: Person = {
  id: 't-okafor',
  name: 'Ms T Okafor',
  names: ['Ms T Okafor'],
  surname: 'Okafor',
  roles: [],
  sources: [],
};

describe('draft actions proposed from minutes', () => {
  it('reads the two kinds of request in the Kent minutes, with owner, what, due and source item', () => {
    const drafts = proposeDraftActions(
      loadDefaultStore().partnerships['kent-csp']!.meetings,
      loadDefaultStore().partnerships['kent-csp']!.people,
    );
    const visionZero = drafts.find((d) => /Vision Zero/.test(d.what))!;
    expect(visionZero).to.include({
      owner: 'Mr McMullan',
      what: 'give a further update on Vision Zero Strategy',
      due: '2023-03',
      status: 'draft',
      meetingId: 'kcsp-2022-03-24',
    });
    const probation = drafts.find((d) => /funding arrangements/.test(d.what))!;
    expect(probation).to.include({
      owner: 'the Probation Service',
      what: 'consider the funding arrangements for 2022/23',
      status: 'draft',
    });
    expect(probation.due).to.equal(undefined);
    expect(probation.sources[0]).to.deep.equal({
      doc: '002_bc0ead16dd3987d6.txt',
      ref: 'Domestic Homicide Review Update',
    });
  });

  it('reads other phrasings: a dated request to a named body, and a report asked of the presenter', () => {
    const meeting = meetingWith(
      [
        'Members discussed the late-night levy. The Chair requested that Kent Police review the taxi marshal scheme by 30 April 2024.',
        'The Partnership asked for a report on street drinking in June 2024.',
      ],
      ['t-okafor'],
    );
    const drafts = proposeDraftActions([meeting], [okafor]);
    expect(drafts.map((d) => [d.owner, d.what, d.due])).to.deep.equal([
      ['Kent Police', 'review the taxi marshal scheme', '2024-04-30'],
      ['Ms T Okafor', 'give a report on street drinking', '2024-06'],
    ]);
  });

  it('reads a request whatever its case, and spacing the minutes were written with', () => {
    const drafts = proposeDraftActions(
      [
        meetingWith(
          [
            'THE CHAIR REQUESTED THAT KENT POLICE REVIEW THE TAXI MARSHAL SCHEME.',
            'The Partnership\u200Bwould\u00A0be updated on the levy in July 2024.',
          ],
          ['t-okafor'],
        ),
      ],
      [okafor],
    );
    expect(drafts.map((d) => [d.owner, d.what])).to.deep.equal([
      ['KENT POLICE', 'REVIEW THE TAXI MARSHAL SCHEME'],
      ['Ms T Okafor', 'update the Partnership on the levy'],
    ]);
  });

  it('says the owner is not recorded rather than guess one', () => {
    const [draft] = proposeDraftActions(
      [meetingWith(['The Vice-Chair requested a further update on CCTV in May 2024.'])],
      [],
    );
    expect(draft?.owner).to.match(/^not recorded/);
  });

  it('proposes nothing from minutes that ask nothing of anyone', () => {
    expect(
      proposeDraftActions(
        [meetingWith(['Mr Peerbux noted the update.', 'It was requested an extension to this.'])],
        [],
      ),
    ).to.deep.equal([]);
  });

  it("keeps a draft's status on re-import instead of proposing it again", () => {
    const meeting = meetingWith(['The Chair requested that Kent Police review the scheme.']);
    const [draft] = proposeDraftActions([meeting], []);
    const again = proposeDraftActions([meeting], [], [{ ...draft!, status: 'discarded' }]);
    expect(again).to.have.length(1);
    expect(again[0]?.status).to.equal('discarded');
  });
});
