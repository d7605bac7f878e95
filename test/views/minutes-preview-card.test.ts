import { expect } from 'chai';
import type { FilePreview } from '../../src/core/minutes-import/import-preview.js';
import { MAX_CARD_BYTES } from '../../src/views/answer-card.js';
import { renderMinutesPreviewCard } from '../../src/views/minutes-preview-card.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';
import { cardVisibleText } from '../helpers/reply-text.js';

function file(name: string, items: number): FilePreview {
  return {
    file: name,
    format: 'PDF, 3 pages',
    meeting: 'Medway CSP, Tuesday 21 March 2023',
    facts: [{ title: 'Date', value: 'Tuesday 21 March 2023' }],
    items: Array.from({ length: items }, (_, i) => ({
      heading: `B${i} \${title} item`,
      text: `RESOLVED ${'that the report be noted '.repeat(20)}`,
    })),
    people: 'Mr H Hill, Ms S Brinson',
    present: 'Mr H Hill',
    apologies: 'Ms S Brinson',
    drafts: [{ heading: 'Mr S Peerbux', text: 'provide an update (by 2023-07)' }],
    warnings: ['item "B4" stops mid-sentence: the page may be cut off'],
    outcome: 'Importing would add 12 and merge 0 records.',
  };
}

describe('minutes preview card', () => {
  it('is valid Adaptive Card 1.5 with one partnership or a choice of several, user text shown literally', () => {
    const one = renderMinutesPreviewCard({
      importId: 'abc',
      files: [file('notes.pdf', 3)],
      notRead: [],
      choices: [{ id: 'medway', name: 'Medway CSP' }],
      expiresInMinutes: 30,
    });
    expect(cardSchemaErrors(one)).to.deep.equal([]);
    expect(JSON.stringify(one)).to.not.contain('"id":"partnershipId"');
    expect(cardVisibleText(one).join('\n'))
      .to.contain('B0 ${title} item')
      .and.contain('stops mid-sentence')
      .and.contain('Mr S Peerbux');
    const several = renderMinutesPreviewCard({
      importId: 'abc',
      files: [file('notes.pdf', 3)],
      notRead: [{ file: 'scan.pdf', reason: 'no text layer' }],
      choices: [
        { id: 'a', name: 'A' },
        { id: 'b', name: 'B' },
      ],
      expiresInMinutes: 30,
    });
    expect(cardSchemaErrors(several)).to.deep.equal([]);
    expect(JSON.stringify(several)).to.contain('"id":"partnershipId"').and.contain('no text layer');
  });

  it('stays under the Teams message size with many long files', () => {
    const card = renderMinutesPreviewCard({
      importId: 'abc',
      files: Array.from({ length: 10 }, (_, i) => file(`f${i}.pdf`, 25)),
      notRead: [],
      choices: [{ id: 'a', name: 'A' }],
      expiresInMinutes: 30,
    });
    expect(Buffer.byteLength(JSON.stringify(card))).to.be.at.most(MAX_CARD_BYTES);
    expect(cardSchemaErrors(card)).to.deep.equal([]);
  });
});
