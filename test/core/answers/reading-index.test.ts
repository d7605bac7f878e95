import { expect } from 'chai';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { generateStore } from '../../../bench/generate-store.js';
import { KnowledgeBase } from '../../../src/core/answers/knowledge-base.js';
import { readingIndex, warmReadingIndex } from '../../../src/core/answers/reading-index.js';

describe('reading index', () => {
  it('built in slices, is finished by a question that needs it meanwhile, not built a second time', async () => {
    const data = generateStore(1, 100);
    const kb = new KnowledgeBase(data.partnerships[data.defaultPartnershipId]!);
    let pauses = 0;
    let pausesAfterQuestion = 0;
    let asked = false;
    const pause = async (): Promise<void> => {
      pauses++;
      if (asked) pausesAfterQuestion++;
      await nextTurn();
    };
    const warming = warmReadingIndex(kb, pause);
    while (pauses < 2) await nextTurn();
    asked = true;
    const index = readingIndex(kb);
    expect(index.sentences.length).to.be.greaterThan(1000);
    await warming;
    // The slices stop at the next pause: the question's build was the same one.
    expect(pausesAfterQuestion).to.be.at.most(1);
    expect(readingIndex(kb)).to.equal(index);
    // Warming it again finds it built.
    await warmReadingIndex(kb, pause);
    expect(pausesAfterQuestion).to.be.at.most(1);
  });

  it('gives up a build between slices once it is no longer wanted (its meetings or people replaced)', async () => {
    const data = generateStore(1, 100);
    const kb = new KnowledgeBase(data.partnerships[data.defaultPartnershipId]!);
    let pauses = 0;
    let wanted = true;
    await warmReadingIndex(
      kb,
      async () => {
        pauses++;
        wanted = false;
        await nextTurn();
      },
      () => wanted,
    );
    expect(pauses).to.equal(1);
    // Not kept: a question about these records (were it still asked) builds it whole.
    let fullBuildPauses = 0;
    await warmReadingIndex(kb, async () => void fullBuildPauses++);
    expect(fullBuildPauses).to.be.greaterThan(1);
  });

  it("keeps the published answers' index while only the members' people change", () => {
    const partnership = generateStore(1, 30).partnerships['kent-csp']!;
    const published = new KnowledgeBase({ ...partnership, people: partnership.people.slice(1) });
    const publishedIndex = readingIndex(published);
    let members = new KnowledgeBase(partnership, published.meetingIndex);
    for (let i = 0; i < 3; i++) {
      const person = { ...partnership.people[0]!, id: `person-from-teams-${i}` };
      members = KnowledgeBase.refreshed(members, {
        ...members.partnership,
        people: [...members.partnership.people, person],
      });
      expect(readingIndex(members)).to.not.equal(publishedIndex);
    }
    expect(readingIndex(published)).to.equal(publishedIndex);
  });
});
