import { expect } from 'chai';
import { boundedMemo } from '../../../src/core/text/bounded-memo.js';

describe('bounded memo', () => {
  it('computes each key once while it is remembered, and forgets all once full', () => {
    const computed: string[] = [];
    const upper = boundedMemo((word: string) => {
      computed.push(word);
      return word.toUpperCase();
    }, 2);
    expect([upper('a'), upper('b'), upper('a')]).to.deep.equal(['A', 'B', 'A']);
    expect(computed).to.deep.equal(['a', 'b']);
    // A third key does not fit: everything is forgotten, and "a" is computed again.
    expect([upper('c'), upper('a')]).to.deep.equal(['C', 'A']);
    expect(computed).to.deep.equal(['a', 'b', 'c', 'a']);
  });
});
