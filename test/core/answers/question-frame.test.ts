import { expect } from 'chai';
import { readFrame } from '../../../src/core/answers/question-frame.js';

describe('answer engine: reading a question into what is asked and which meeting', () => {
  it('reads the kind of thing asked, whatever the phrasing', () => {
    const kinds = (qs: string[]) => qs.map((q) => readFrame(q).kind);
    expect(kinds(['chair 17 nov 2015?', 'who was in the chair in March?', 'who chaired it'])).to.deep.equal([
      'chair',
      'chair',
      'chair',
    ]);
    expect(
      kinds([
        'vice chair elected june 2019?',
        'apols for the last one pls',
        'who took the minuets?',
        'any declarations of intrest?',
      ]),
    ).to.deep.equal(['vice-chair', 'apologies', 'minute-taker', 'declarations']);
    expect(
      kinds([
        'what date was the meeting chaired by Ann Lee?',
        'were the 2016/17 priorities approved?',
        'what are our priorities?',
        'what actions has Jo got',
      ]),
    ).to.deep.equal(['meeting-date', 'decision', 'priority', 'action']);
  });

  it('reads the meeting: a date in British forms, a month, a year, the minutes another meeting approved, a clause', () => {
    expect(readFrame('apols 9/8/12').meeting.dates).to.deep.equal(['2012-08-09']);
    expect(readFrame('who chaired the oct 22 csp?').meeting.dates).to.deep.equal(['2022-10']);
    expect(readFrame('who chaired in 2017?').meeting.dates).to.deep.equal(['2017']);
    expect(readFrame('the priorities for 2016/17').meeting.dates).to.deep.equal([]);
    expect(readFrame('who chaired the meeting that agreed the 23 June 2014 minutes?').meeting).to.include({
      approvedMinutes: true,
    });
    expect(
      readFrame('who attended the meeting where Cassie Newman gave the CRC update?').meeting.clause,
    ).to.include.members(['cassi', 'newman']);
  });

  it('never takes filler for the topic', () => {
    const terms = readFrame('Resolutions from the last meeting pls, could you remind me? thanks').terms;
    expect(terms).to.not.include.members(['pls', 'remind', 'thank']);
  });
});
