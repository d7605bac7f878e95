import { expect } from 'chai';
import { generateStore } from '../../../bench/generate-store.js';
import { AnswerService } from '../../../src/core/answers/answer-service.js';
import { KnowledgeWarmer } from '../../../src/core/answers/knowledge-warmer.js';
import { MeetingIndexes } from '../../../src/core/answers/meeting-indexes.js';

describe('KnowledgeWarmer', () => {
  it('prepares each partnership (its records read from disk) just before building it; one that fails is reported and the others are built', async () => {
    const data = generateStore(3, 5);
    const indexes = new MeetingIndexes();
    const service = new AnswerService(
      { partnership: (id) => data.partnerships[id ?? data.defaultPartnershipId], revision: () => 1 },
      undefined,
      indexes,
    );
    const steps: string[] = [];
    const errors: unknown[] = [];
    const pause = async () => undefined;
    const warmer = new KnowledgeWarmer(
      [service],
      (error) => errors.push(error),
      pause,
      async (id, given) => {
        expect(given).to.equal(pause);
        // Each build follows its own preparation: nothing of this partnership is built yet.
        expect(indexes.ready(id, data.partnerships[id]!.meetings), id).to.equal(false);
        steps.push(id);
        if (id === 'district-01') throw new Error('district-01: the meetings file is not valid JSON');
      },
    );
    warmer.warm(['kent-csp', 'district-01', 'district-02']);
    await warmer.idle();
    expect(steps).to.deep.equal(['kent-csp', 'district-01', 'district-02']);
    expect(errors.map((e) => (e as Error).message)).to.deep.equal(['district-01: the meetings file is not valid JSON']);
    expect(indexes.ready('kent-csp', data.partnerships['kent-csp']!.meetings)).to.equal(true);
    expect(indexes.ready('district-01', data.partnerships['district-01']!.meetings)).to.equal(false);
    expect(indexes.ready('district-02', data.partnerships['district-02']!.meetings)).to.equal(true);
  });
});
