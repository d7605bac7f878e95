import { expect } from 'chai';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeAnswer } from '../../src/core/answers/answer.js';
import { answerCardData, MAX_CARD_BYTES, renderAnswerCard } from '../../src/views/answer-card.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';
import { replyText } from '../helpers/reply-text.js';

const CARDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../cards');

const full = makeAnswer('resolutions', 'Resolutions, Tuesday 21 March 2023', 'The meeting made 9 resolutions:', {
  entries: [
    {
      heading: 'B3 MARAC Review Update',
      text: 'RESOLVED that the update be noted.',
      sources: [{ doc: '003.txt', ref: 'B3' }],
    },
    { text: 'A row without a heading', question: 'Who leads road safety?' },
  ],
  facts: [{ title: 'Meeting', value: 'Tuesday 21 March 2023' }],
  sources: [{ doc: '003.txt', ref: 'B3' }],
  suggestions: ['When was the last meeting?'],
  more: { label: 'Next 4 resolutions', question: 'resolutions 2023-03-21 page 2' },
});

describe('answer card', () => {
  it('every template in cards/ is valid JSON that declares Adaptive Card 1.5', () => {
    for (const name of readdirSync(CARDS)) {
      const card = JSON.parse(readFileSync(path.join(CARDS, name), 'utf8')) as { type: string; version: string };
      expect(card.type, name).to.equal('AdaptiveCard');
      expect(card.version, name).to.equal('1.5');
    }
  });

  it('expands to a valid Adaptive Card 1.5 with and without optional parts', () => {
    expect(cardSchemaErrors(renderAnswerCard(full))).to.deep.equal([]);
    expect(cardSchemaErrors(renderAnswerCard(makeAnswer('unknown', 'Title', 'Summary')))).to.deep.equal([]);
  });

  it('shows the summary, rows, facts, source and buttons', () => {
    const card = renderAnswerCard(full);
    const text = replyText([
      { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] },
    ]);
    for (const expected of [
      'The meeting made 9 resolutions',
      'B3 MARAC Review Update',
      'RESOLVED that the update be noted.',
      'Tuesday 21 March 2023',
      'Source: 003.txt#B3',
    ]) {
      expect(text).to.contain(expected);
    }
    const titles = (card.actions as { title: string }[]).map((a) => a.title);
    expect(titles).to.deep.equal(['Next 4 resolutions', 'When was the last meeting?']);
  });

  it('shows user text literally: template expressions are data, never evaluated', () => {
    const hostile = makeAnswer('unknown', '${title} @{x}', '${string(1+1)} [link](https://evil.example)', {
      suggestions: ['${summary}'],
    });
    const json = JSON.stringify(renderAnswerCard(hostile));
    expect(json).to.contain('${string(1+1)} [link](https://evil.example)');
    expect(json).to.contain('${title} @{x}');
    expect(json).to.not.contain('"2"');
  });

  it('cuts a huge answer to stay under the Teams message size', () => {
    const rows = Array.from({ length: 400 }, (_, i) => ({ heading: `Row ${i}`, text: 'x'.repeat(1_000) }));
    const card = renderAnswerCard(makeAnswer('search', 'Big', 'Many rows', { entries: rows }));
    expect(Buffer.byteLength(JSON.stringify(card))).to.be.below(MAX_CARD_BYTES);
    expect(cardSchemaErrors(card)).to.deep.equal([]);
  });

  it('computes every string in the view, not the template', () => {
    const data = answerCardData(full) as { source: string; actions: unknown[] };
    expect(data.source).to.equal('Source: 003.txt#B3');
    expect(data.actions).to.have.length(2);
  });
});
