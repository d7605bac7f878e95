import { expect } from 'chai';
import type { MeetingItem } from '../../../src/core/model/model.js';
import { ItemMemo } from '../../../src/core/minutes/item-memo.js';

describe('minutes importer: values kept with the item text they were made from', () => {
  it('makes a value once per item while its text reads the same, and again once it does not', () => {
    let made = 0;
    const memo = new ItemMemo((item) => {
      made++;
      return `${item.minutes.join(' ')}|${item.resolution?.text ?? ''}`;
    });
    const item: Pick<MeetingItem, 'minutes' | 'resolution'> = { minutes: ['Noted.'] };
    expect(memo.of(item)).to.equal('Noted.|');
    expect(memo.of(item)).to.equal('Noted.|');
    expect(made).to.equal(1);
    // The same text in another item is that item's own.
    expect(memo.of({ minutes: ['Noted.'] })).to.equal('Noted.|');
    expect(made).to.equal(2);
    item.minutes.push('Agreed.');
    expect(memo.of(item)).to.equal('Noted. Agreed.|');
    item.minutes[0] = 'Discussed.';
    expect(memo.of(item)).to.equal('Discussed. Agreed.|');
    item.resolution = { text: 'RESOLVED', parts: [] };
    expect(memo.of(item)).to.equal('Discussed. Agreed.|RESOLVED');
    expect(made).to.equal(5);
  });
});
