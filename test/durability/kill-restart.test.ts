import { expect } from 'chai';
import { runKillTest } from '../../bench/kill-restart.js';

describe('durability: the bot killed (SIGKILL) at random moments during 1,000 writes', function () {
  this.timeout(300_000);

  it('keeps every write it confirmed, and its store loads after each restart', async () => {
    const result = await runKillTest({ writes: 1_000, conversations: 16, kills: 5 });
    console.log(
      `      ${result.attempted} writes, ${result.confirmed} confirmed, ${result.kills} kills, ${result.seconds} s`,
    );
    expect(result.storeLoaded).to.equal(true);
    expect(result.lost).to.deep.equal([]);
    expect(result.kills).to.equal(6);
    // Most writes land between the kills: the stream really ran, and confirmations were counted.
    expect(result.confirmed).to.be.greaterThan(result.attempted * 0.8);
  });
});
