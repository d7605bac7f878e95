import { expect } from 'chai';
import { readdirSync } from 'node:fs';
import { expandCard, primeCards, type CardName } from '../../src/views/expand-card.js';

describe('card templates', () => {
  it('are all primed at start, each expanding with no data into a card', () => {
    expect(() => primeCards()).to.not.throw();
    const names = readdirSync('cards')
      .filter((f) => f.endsWith('.json'))
      .map((f) => f.replace(/\.json$/, '') as CardName);
    for (const name of names) expect(expandCard(name, {}).type, name).to.equal('AdaptiveCard');
  });
});
