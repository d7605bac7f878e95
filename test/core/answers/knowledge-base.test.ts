import { expect } from 'chai';
import { KnowledgeBase } from '../../../src/core/answers/knowledge-base.js';
import { words } from '../../../src/core/text/normalise.js';
import { loadDefaultStore } from '../../../src/store/default-store.js';

describe('knowledge base: following a change', () => {
  const kent = () => structuredClone(loadDefaultStore().partnerships['kent-csp']!);
  const found = (kb: KnowledgeBase, text: string) => kb.people.findTargets(words(text)).map((m) => m.id);

  it('keeps the matchers a change left alone, and they know the words the change brought', () => {
    const before = new KnowledgeBase(kent());
    const person = before.partnership.people.find((p) => p.surname.length >= 7)!;
    // One letter off a surname is taken for the surname, while it is no word the partnership knows.
    const typo = `${person.surname.slice(0, -1)}${person.surname.endsWith('x') ? 'y' : 'x'}`.toLowerCase();
    expect(found(before, `who is ${typo}`)).to.include(person.id);
    const after = KnowledgeBase.refreshed(before, {
      ...before.partnership,
      aliases: { ...before.partnership.aliases, [typo]: before.currentYear().priorities[0]!.id },
    });
    expect(after.people).to.equal(before.people);
    expect(after.topics).to.not.equal(before.topics);
    // Now an alias: a word of the partnership's own, not a misspelt name.
    expect(found(after, `who is ${typo}`)).to.not.include(person.id);
    expect(after.topics.findTargets(words(typo)).map((m) => m.id)).to.include(before.currentYear().priorities[0]!.id);
  });
});
