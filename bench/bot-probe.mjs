// Preloaded (`node --import`) into the bot run as its own process by the store benchmark: measures
// the bot's own event-loop stalls and heap, which the benchmark, a separate process, cannot see.
// Asked over the IPC channel: "reset" starts a new measure, "read" reports it (after a full GC).
import { monitorEventLoopDelay } from 'node:perf_hooks';

const delay = monitorEventLoopDelay({ resolution: 5 });
delay.enable();
process.on('message', (message) => {
  if (message === 'reset') {
    delay.reset();
    process.send?.({ reset: true });
  } else if (message === 'read') {
    globalThis.gc?.();
    process.send?.({ stallMaxMs: delay.max / 1e6, heapMb: process.memoryUsage().heapUsed / 1024 / 1024 });
  }
});
// The channel must not keep a stopped bot alive.
process.channel?.unref();
