import { expect } from 'chai';
import restify from 'restify';
import { setTimeout as sleep } from 'node:timers/promises';
import { RequestsInFlight } from '../../src/http/requests-in-flight.js';

describe('requests in flight', () => {
  it('holds background work back until the request in progress is answered', async () => {
    const inFlight = new RequestsInFlight();
    const server = restify.createServer();
    inFlight.track(server);
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    server.get('/slow', async (_req, res) => {
      entered();
      await released;
      res.send(200, { ok: true });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const response = fetch(`http://127.0.0.1:${port}/slow`);
      await inside;
      const events: string[] = [];
      const quiet = inFlight.quiet().then(() => events.push('background work resumed'));
      await sleep(30);
      events.push('request answered');
      release();
      expect((await response).status).to.equal(200);
      await quiet;
      expect(events).to.deep.equal(['request answered', 'background work resumed']);
      // With nothing in progress it waits only for the next turn; asked for a quiet moment, it
      // waits until that long after the last request finished.
      await inFlight.quiet();
      expect((await fetch(`http://127.0.0.1:${port}/missing`)).status).to.equal(404);
      const finished = performance.now();
      await inFlight.quiet(120);
      expect(performance.now() - finished).to.be.at.least(110);
    } finally {
      server.close();
    }
  });
});
