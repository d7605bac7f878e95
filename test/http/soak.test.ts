import { expect } from 'chai';
import { runSoak } from '../../bench/soak.js';

describe('HTTP server: a short soak (64 conversations, mixed questions, actions and card answers)', function () {
  this.timeout(120_000);

  it('answers every turn without an error', async () => {
    const result = await runSoak({ conversations: 64, seconds: Number(process.env.SOAK_SECONDS ?? 6), sampleSeconds: 2 });
    console.log(`      ${result.turns} turns, ${result.turnsPerSecond}/s, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, heap ${result.heapMb.join(' -> ')} MB`);
    expect(result.errorSamples).to.deep.equal([]);
    expect(result.errors).to.equal(0);
    // Every conversation took turns of every kind.
    expect(result.turns).to.be.greaterThan(64 * 20);
  });
});
