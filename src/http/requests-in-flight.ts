/**
 * Counts the requests the server is answering, so that background work (building a partnership's
 * knowledge base after a start or a change) can wait for a quiet moment: a member's turn then
 * never queues behind a slice of someone else's build. A build waits a bounded time, so that a
 * steady stream of requests slows it but cannot stop it.
 */
import type restify from 'restify';
import { setImmediate as nextTurn, setTimeout as sleep } from 'node:timers/promises';

/** The longest a build waits for the requests in progress before taking its next slice anyway. */
const MAX_WAIT_MS = 250;

export class RequestsInFlight {
  private count = 0;
  /** When a request last finished (or the port opened): "quiet for a moment" is measured from it. */
  private lastFinished = performance.now();

  /** Counts each request of `server` from its arrival until its response is finished or abandoned. */
  track(server: restify.Server): void {
    // The first requests follow the opening of the port: a quiet moment is counted from there.
    server.server.once('listening', () => (this.lastFinished = performance.now()));
    server.pre((req, res, next) => {
      this.count++;
      res.once('close', () => {
        this.count--;
        this.lastFinished = performance.now();
      });
      return next();
    });
  }

  /**
   * Resolves on a later turn once no request is in progress and none finished in the last
   * `settleMs` (before a longer piece of work, which the next message of a conversation should not
   * meet), or after `maxWaitMs` whatever the traffic.
   */
  async quiet(settleMs = 0, maxWaitMs = MAX_WAIT_MS): Promise<void> {
    await nextTurn();
    const until = performance.now() + maxWaitMs;
    const busy = (): boolean => this.count > 0 || performance.now() - this.lastFinished < settleMs;
    while (busy() && performance.now() < until) await sleep(this.count > 0 ? 1 : Math.max(1, settleMs / 4));
  }
}
