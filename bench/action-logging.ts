/**
 * Time to log one action, durably (fsync'd before it resolves), with many actions already held:
 * the journal is filled to the given size, reopened (replayed), and then actions are added one
 * after another as the bot would.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Action } from '../src/core/model/model.js';
import { ActionJournal } from '../src/store/action-journal.js';
import { makeTempFolder } from '../test/helpers/temp-folder.js';
import { summarise, type LatencySummary } from './stats.js';

function sampleAction(number: number): Action {
  return {
    id: `kent-csp#${number}`,
    partnershipId: 'kent-csp',
    number,
    owner: { name: 'Shafick Peerbux', personId: 's-peerbux' },
    description: `circulate the refreshed Community Safety Agreement to all district CSPs (${number})`,
    due: '2027-04-30',
    priorityId: 'domestic-abuse',
    status: 'open',
    createdBy: { id: '29:1bench', name: 'Bench' },
    createdAt: '2026-11-24T10:00:00.000Z',
    sourceActivityId: `activity-${number}`,
    history: [{ at: '2026-11-24T10:00:00.000Z', by: { id: '29:1bench', name: 'Bench' }, change: 'created' }],
  };
}

export async function benchActionLogging(
  existing: number,
  samples = 300,
): Promise<LatencySummary & { replayMs: number }> {
  const folder = makeTempFolder('csp-actions-');
  try {
    const file = path.join(folder.path, 'store.json.actions');
    writeFileSync(
      file,
      Array.from({ length: existing }, (_, i) => `${JSON.stringify(sampleAction(i + 1))}\n`).join(''),
    );
    const replayStart = performance.now();
    const journal = await ActionJournal.open(file);
    const replayMs = performance.now() - replayStart;
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      await journal.add('kent-csp', (n) => ({ ...sampleAction(n), sourceActivityId: `new-${i}` }));
      times.push(performance.now() - start);
    }
    await journal.close();
    return { ...summarise(times), replayMs };
  } finally {
    folder.remove();
  }
}
