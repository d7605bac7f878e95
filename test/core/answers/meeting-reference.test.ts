import { expect } from 'chai';
import {
  primeDateReading,
  readFinancialYears,
  readMeetingReference,
} from '../../../src/core/answers/meeting-reference.js';

const today = new Date('2026-11-24T12:00:00Z');

describe('readMeetingReference', () => {
  it('reads the same after the date parsers are primed at start and between turns', () => {
    const asked = ['resolutions on 21 March 2023', 'minutes of 3 June', 'in December', 'the meeting in May 2022'];
    const before = asked.map((q) => readMeetingReference(q, today));
    const later = primeDateReading();
    expect(asked.map((q) => readMeetingReference(q, today))).to.deep.equal(before);
    expect(later.length).to.be.greaterThan(0);
    for (const prime of later) prime();
    expect(asked.map((q) => readMeetingReference(q, today))).to.deep.equal(before);
    expect(before[0]).to.deep.equal({ kind: 'date', date: '2023-03-21' });
  });
  it('takes no relative date or time of day for a meeting', () => {
    // "Mar" in a name lets the text reach the date parser; "now" and "next week" name no meeting.
    expect(readMeetingReference('is Martin now the lead for road safety?', today)).to.equal(null);
    expect(readMeetingReference('what is Marta reporting next week at 10am?', today)).to.equal(null);
    expect(readMeetingReference('Friday 3 March 2023 at 10am', today)).to.deep.equal({
      kind: 'date',
      date: '2023-03-03',
    });
  });

  it('reads en-GB dates in words and numbers', () => {
    expect(readMeetingReference('resolutions on 21 March 2023', today)).to.deep.equal({
      kind: 'date',
      date: '2023-03-21',
    });
    expect(readMeetingReference('who attended on 21/03/2023', today)).to.deep.equal({
      kind: 'date',
      date: '2023-03-21',
    });
    expect(readMeetingReference('resolutions 2023-03-21 page 2', today)).to.deep.equal({
      kind: 'date',
      date: '2023-03-21',
    });
  });
  it('reads a month with or without a year', () => {
    expect(readMeetingReference('the meeting in March 2022', today)).to.deep.equal({
      kind: 'month',
      month: 3,
      year: 2022,
    });
    expect(readMeetingReference('what did we decide at the March meeting', today)).to.deep.equal({
      kind: 'month',
      month: 3,
    });
  });
  it('reads last, next and a bare year', () => {
    expect(readMeetingReference('when was the last meeting', today)).to.deep.equal({ kind: 'last' });
    expect(readMeetingReference('when is the next meeting?', today)).to.deep.equal({ kind: 'next' });
    expect(readMeetingReference('meetings planned for 2022', today)).to.deep.equal({ kind: 'year', year: 2022 });
  });
  it('does not take the verb "may" or a financial year for a meeting', () => {
    expect(readMeetingReference('who may attend', today)).to.equal(null);
    expect(readMeetingReference('priorities for 2023/24', today)).to.equal(null);
  });
  it('reads financial years', () => {
    expect(readFinancialYears('did the priorities change for 2023/24 or 2022-23?')).to.deep.equal([
      '2023/24',
      '2022/23',
    ]);
    expect(readFinancialYears('a score of 2023/99')).to.deep.equal([]);
  });
});
