import { expect } from 'chai';
import { readDueDate } from '../../../src/core/actions/read-due-date.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

describe('reading a due date as officers type it (en-GB)', () => {
  // Tuesday 24 November 2026, 10:00 UK time.
  const now = new Date('2026-11-24T10:00:00Z');
  const kent = loadDefaultStore().partnerships['kent-csp']!;

  const cases: [string, string][] = [
    ['3rd of next month', '2026-12-03'],
    ['the 3rd of next month', '2026-12-03'],
    ['the 30th of this month', '2026-11-30'],
    ['next Tuesday', '2026-12-01'],
    ['Friday', '2026-11-27'],
    ['end of next month', '2026-12-31'],
    ['end of May', '2027-05-31'],
    ['30/04', '2027-04-30'],
    ['w/c 5 Jan', '2027-01-05'],
    ['tomorrow', '2026-11-25'],
    ['in two weeks', '2026-12-08'],
  ];
  for (const [typed, expected] of cases) {
    it(`reads "${typed}" as ${expected}, sure of it`, () => {
      expect(readDueDate(typed, now, kent)).to.deep.equal({ due: expected });
    });
  }

  it('keeps a date it had to guess, and says so to be checked', () => {
    const read = readDueDate('mid-January', now, kent);
    expect(read).to.have.property('due', '2027-01-01');
    expect(read).to.have.property('note').that.contains('I read "mid-January" as').and.contains('Edit');
  });

  it('dates "the next meeting" from the coming meeting (the day before it), and says so', () => {
    const withAgenda = {
      ...kent,
      agendas: [
        {
          id: 'a1',
          title: 'Kent CSP',
          startsAt: '2027-03-14T10:00:00.000Z',
          items: [],
          status: 'circulated' as const,
          version: 1,
          createdBy: 'x',
          updatedAt: '',
          posts: [],
          responses: [],
        },
      ],
    };
    expect(readDueDate('the next meeting', now, withAgenda)).to.deep.equal({
      due: '2027-03-13',
      note: 'Due the day before the next meeting (Sunday 14 March 2027).',
    });
    expect(readDueDate('the next meeting', now, kent))
      .to.have.property('problem')
      .that.contains('No coming meeting is recorded');
  });

  it('refuses a day the month does not have, and a date gone by', () => {
    expect(readDueDate('31st of this month', now, kent)).to.have.property('problem');
    expect(readDueDate('1 January 2020', now, kent))
      .to.have.property('problem')
      .that.contains('in the past');
  });
});
