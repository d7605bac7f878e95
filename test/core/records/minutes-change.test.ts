import { expect } from 'chai';
import { parseMinutesDocument } from '../../../src/core/minutes/index.js';
import { planMinutesImport } from '../../../src/core/minutes-import/import-plan.js';
import { applyMinutesValue } from '../../../src/core/records/minutes-change.js';
import type { Partnership } from '../../../src/core/model/model.js';
import { seedText } from '../../helpers/minutes-files.js';

describe('minutes import as a logged change', () => {
  it('applies only what it touched, plans nothing the second time, and its before value undoes it exactly', () => {
    const partnership = { meetings: [], people: [], draftActions: [] } as unknown as Partnership;
    const notes = parseMinutesDocument(seedText('003_0941d698233bc959.txt'), 'notes.md');
    const first = planMinutesImport(partnership, [notes]);
    expect(first.changed).to.equal(true);
    applyMinutesValue(partnership, first.after);
    const afterFirst = JSON.stringify(partnership);
    expect(planMinutesImport(partnership, [notes]).changed).to.equal(false);

    const page = parseMinutesDocument(seedText('002_bc0ead16dd3987d6.txt'), 'page.txt');
    const second = planMinutesImport(partnership, [page]);
    expect(Object.keys(second.after.meetings)).to.include('kcsp-2022-03-24').and.not.include('kcsp-2023-03-21');
    applyMinutesValue(partnership, second.after);
    expect(partnership.meetings.map((m) => m.date)).to.deep.equal([...partnership.meetings.map((m) => m.date)].sort());
    applyMinutesValue(partnership, second.before);
    expect(JSON.stringify(partnership)).to.equal(afterFirst);
  });
});
