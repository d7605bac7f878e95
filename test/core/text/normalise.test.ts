import { expect } from 'chai';
import { foldForMatching, words } from '../../../src/core/text/normalise.js';

/** Every step, always: what the folding is defined as, against which its shortcut for plain ASCII is checked. */
function foldedStepByStep(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\s\u00A0\u2000-\u200B\u202F\u205F\u3000]+/g, ' ')
    .trim()
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/(\d)\/(\d)/g, '$1\u0000$2')
    .replace(/'s\b/g, '')
    .replace(/[^a-z0-9\u0000£%]+/g, ' ')
    .replace(/\u0000/g, '/')
    .replace(/ +/g, ' ')
    .trim();
}

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

  it('folds plain ASCII and any other text as every step would', () => {
    const alphabet = [
      'a',
      'Z',
      '1',
      '/',
      "'",
      's',
      ' ',
      '\t',
      '\n',
      '&',
      '£',
      '%',
      '.',
      '-',
      '\u2019',
      '\u00a0',
      '\u2013',
      'é',
      'ﬁ',
      'S',
      '9',
    ];
    let seed = 17;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let i = 0; i < 20_000; i++) {
      let text = '';
      for (let j = next(16); j > 0; j--) text += alphabet[next(alphabet.length)];
      expect(foldForMatching(text), JSON.stringify(text)).to.equal(foldedStepByStep(text));
    }
  });
});
