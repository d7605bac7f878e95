import { expect } from 'chai';
import { buildInSlices } from '../../../src/core/answers/build-in-slices.js';

/** Steps that each hold the event loop for `ms`, then the result. */
function* busySteps(count: number, ms: number): Generator<void, string> {
  for (let i = 0; i < count; i++) {
    const until = performance.now() + ms;
    while (performance.now() < until);
    yield;
  }
  return 'built';
}

describe('building in slices', () => {
  it('pauses between slices, so that other work runs before the build ends', async () => {
    let pauses = 0;
    const result = await buildInSlices(busySteps(20, 2), async () => void pauses++);
    expect(result).to.equal('built');
    // 40 ms of work in slices of a few milliseconds: several pauses, never one per step.
    expect(pauses).to.be.greaterThan(2).and.lessThan(20);
  });

  it('stops when the same build was finished elsewhere, and returns that', async () => {
    let steps = 0;
    const counted = (function* () {
      for (;;) {
        steps++;
        yield;
      }
    })() as Generator<void, string>;
    const result = await buildInSlices(
      counted,
      async () => undefined,
      () => (steps >= 3 ? 'finished by a question' : undefined),
    );
    expect(result).to.equal('finished by a question');
    expect(steps).to.equal(3);
  });
});
