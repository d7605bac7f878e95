/**
 * Background builds (a partnership's meeting index, its reading index) run as generators, a few
 * milliseconds at a time, pausing between slices so that members' turns go first: the pause is
 * the next turn of the event loop, or, as the app wires it, until no request is in progress.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** What a background build awaits between two slices. */
export type Pause = () => Promise<void>;

export const nextTurnPause: Pause = () => nextTurn();

/** How long one slice may hold the event loop. */
const SLICE_MS = 5;

/**
 * Runs `steps` to the end in slices, pausing between them. `doneElsewhere` is asked before each
 * step: a question may have needed the same build and finished it meanwhile.
 */
export async function buildInSlices<T>(
  steps: Generator<void, T>,
  pause: Pause,
  doneElsewhere: () => T | undefined = () => undefined,
): Promise<T> {
  let since = performance.now();
  for (;;) {
    const elsewhere = doneElsewhere();
    if (elsewhere !== undefined) return elsewhere;
    const next = steps.next();
    if (next.done) return next.value;
    if (performance.now() - since > SLICE_MS) {
      await pause();
      since = performance.now();
    }
  }
}

/** Runs a build's remaining steps at once (a question that cannot wait for the slices). */
export function finish<T>(steps: Generator<void, T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}
