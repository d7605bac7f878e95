import { expect } from 'chai';
import { runSoak } from '../../bench/soak.js';

// Correctness under a mixed load, not a rate: throughput figures belong to npm run bench, on a quiet machine.
describe('HTTP server: a short soak (64 conversations, mixed questions, actions and card answers)', function () {
  this.timeout(300_000);

  it('answers every turn without an error and loses no action', async () => {
    const turnsPerConversation = 20;
    const result = await runSoak({ conversations: 64, seconds: 0, turnsPerConversation, sampleSeconds: 2 });
    console.log(
      `      ${result.turns} turns, ${result.turnsPerSecond}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, heap ${result.heapMb.join(' -> ')} MB`,
    );
    expect(result.errorSamples).to.deep.equal([]);
    expect(result.errors).to.equal(0);
    expect(result.turns).to.equal(64 * turnsPerConversation);
    // Every conversation logged its three actions, and every one is in the journal.
    expect(result.actionsSent).to.equal(64 * 3);
    expect(result.actionsLogged).to.equal(result.actionsSent);
  });
});
