import { expect } from 'chai';
import { AnswerService } from '../../../src/core/answers/answer-service.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

describe('AnswerService', () => {
  const data = loadDefaultStore();
  let revision = 1;
  let today = new Date('2026-11-24T09:00:00Z');
  let partnership = data.partnerships['kent-csp']!;
  const service = new AnswerService({ partnership: () => partnership, revision: () => revision }, () => today);

  it('answers a repeated question from its cache, whatever the spacing or case', () => {
    const first = service.answer('Who leads road safety?');
    expect(first?.summary).to.contain('Adams');
    expect(service.answer('  who LEADS   road safety? ')).to.equal(first);
  });

  it('answers afresh when the store changes', () => {
    const before = service.answer('Who leads road safety?');
    partnership = {
      ...partnership,
      leads: partnership.leads.map((l) => (l.priorityId === 'road-safety' ? { ...l, name: 'A New Lead', role: undefined, organisation: undefined } : l)),
    };
    revision++;
    const after = service.answer('Who leads road safety?');
    expect(after).to.not.equal(before);
    expect(after?.summary).to.contain('A New Lead');
  });

  it('answers afresh on another day ("next meeting" depends on the date)', () => {
    const before = service.answer('When is the next meeting?');
    expect(before?.summary).to.contain('No meeting after today');
    today = new Date('2022-06-01T09:00:00Z');
    const after = service.answer('When is the next meeting?');
    expect(after?.summary).to.contain('14 July 2022');
  });
});
