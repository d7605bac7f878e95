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

  it("keeps its cache bounded by memory, not only by count: one member's long questions cannot grow it", () => {
    const own = new AnswerService({ partnership: () => partnership, revision: () => revision }, () => today);
    for (let i = 0; i < 600; i++)
      own.answer(`${i} ${'what about the road safety partnership and its meetings '.repeat(400)}`);
    const { entries, bytes } = own.cacheSize();
    expect(bytes).to.be.at.most(8 * 1024 * 1024);
    expect(entries).to.be.below(600);
    expect(own.answer('Who leads road safety?')?.summary).to.contain('Adams');
  });

  it('answers afresh when the store changes', () => {
    const before = service.answer('Who leads road safety?');
    partnership = {
      ...partnership,
      leads: partnership.leads.map((l) =>
        l.priorityId === 'road-safety' ? { ...l, name: 'A New Lead', role: undefined, organisation: undefined } : l,
      ),
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
