import { expect } from 'chai';
import { foldForMatching, words } from '../../../src/core/text/normalise.js';

describe('foldForMatching', () => {
  it('folds case, quotes, dashes, spacing and punctuation, keeping years like 2023/24', () => {
    expect(foldForMatching('  The Partnership\u2019s 2023/24 plan \u2013 A&E,\u00a0ASB\tand ﬁre  ')).to.equal(
      'the partnership 2023/24 plan a and e asb and fire',
    );
    expect(foldForMatching("The Partnership's 2023/24 plan - A&E, ASB and fire")).to.equal(
      'the partnership 2023/24 plan a and e asb and fire',
    );
    expect(words('£5,000 (10%) on 1 / 2 days')).to.deep.equal(['£5', '000', '10%', 'on', '1', '2', 'days']);
    expect(words(' ,. ')).to.deep.equal([]);
  });

  it('folds plain ASCII, whose Unicode steps it skips, as it folds text that takes every step', () => {
    // A no-break space at the end sends a text through every step, and folds to nothing itself.
    const alphabet = ['a', 'Z', '1', '/', "'", 's', ' ', '\t', '\n', '&', '%', '.', '-', '"', '(', 'S', '9'];
    let seed = 17;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let j = next(16); j > 0; j--) text += alphabet[next(alphabet.length)];
      expect(foldForMatching(text), JSON.stringify(text)).to.equal(foldForMatching(`${text}\u00a0`));
    }
  });
});
