import { expect } from 'chai';
import { words } from '../../../src/core/text/normalise.js';
import { PhraseMatcher } from '../../../src/core/text/phrase-matcher.js';

const known = new Set(['present', 'road', 'safety', 'read', 'the', 'who', 'was']);
const matcher = new PhraseMatcher(
  [
    { id: 'road', phrase: 'road safety' },
    { id: 'road', phrase: 'KSI' },
    { id: 'prevent', phrase: 'Prevent' },
    { id: 'asb', phrase: 'anti-social behaviour' },
    { id: 'soc', phrase: 'serious and organised crime' },
    { id: 'soc', phrase: 'organised crime' },
  ],
  (w) => known.has(w),
);
const ids = (text: string): string[] => matcher.findTargets(words(text)).map((m) => m.id);

describe('PhraseMatcher', () => {
  it('finds a phrase with little words and punctuation around it', () => {
    expect(ids('Who leads the road-safety priority?')).to.deep.equal(['road']);
  });
  it('tolerates swapped letters in unknown words', () => {
    expect(ids('who leads raod saftey')).to.deep.equal(['road']);
  });
  it('never reads a real word as a typo ("present" is not "Prevent")', () => {
    expect(ids('who was present')).to.deep.equal([]);
  });
  it('matches short acronyms exactly only', () => {
    expect(ids('ksi figures')).to.deep.equal(['road']);
    expect(ids('ksa figures')).to.deep.equal([]);
  });
  it('accepts US spellings as typos of long words', () => {
    expect(ids('organized crime')).to.deep.equal(['soc']);
  });
  it('prefers the longer phrase', () => {
    const [best] = matcher.findAll(words('serious and organised crime'));
    expect(best?.phrase).to.equal('serious and organised crime');
  });
});
