/**
 * Importing minutes into a partnership that already holds years of meetings: each development
 * page of another partnership's minutes (shared/eval/other-csp-dev) parsed, then previewed and
 * saved through the store as the bot does (the stored items read first, in slices; then planned
 * on the records, merged, draft actions proposed, logged, appended to the journal). Both run on the event loop, so each is a stall
 * every other partnership's turn waits out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { sharedFolder } from '../scripts/shared-folder.js';
import { minutesImportChange } from '../src/core/minutes-import/import-change.js';
import { primeStoredItems } from '../src/core/minutes/prime-stored-items.js';
import { buildInSlices } from '../src/core/answers/build-in-slices.js';
import { planMinutesImport } from '../src/core/minutes-import/import-plan.js';
import { MinutesFormatError, parseMinutesDocument, type ParsedDocument } from '../src/core/minutes/index.js';
import { openStore, replaceStoreFile } from '../src/store/store.js';
import { storeRecords } from '../src/store/store-records.js';
import { makeTempFolder } from '../test/helpers/temp-folder.js';
import { generateStore } from './generate-store.js';
import { summarise } from './stats.js';

export interface ImportAtScale {
  meetings: number;
  documents: number;
  /** Reading every stored item before the first import, as the bot does, in slices: in all, and the longest slice. */
  primeMs: number;
  primeSliceMaxMs: number;
  /** The first import after opening (and priming): nothing compiled yet. */
  firstMs: number;
  previewP50Ms: number;
  previewMaxMs: number;
  saveP50Ms: number;
  saveMaxMs: number;
}

function developmentPages(): ParsedDocument[] {
  const folder = sharedFolder('eval', 'other-csp-dev');
  return readdirSync(folder)
    .filter((name) => name.endsWith('.txt'))
    .flatMap((name) => {
      try {
        return [parseMinutesDocument(readFileSync(path.join(folder, name), 'utf8'), name)];
      } catch (error) {
        if (error instanceof MinutesFormatError) return [];
        throw error;
      }
    });
}

export async function benchImportAtScale(meetings: number): Promise<ImportAtScale> {
  const folder = makeTempFolder('csp-import-bench-');
  const file = path.join(folder.path, 'store.json');
  await replaceStoreFile(file, generateStore(1, meetings));
  const store = await openStore({ file, defaults: () => generateStore(1, 5) });
  const documents = developmentPages();
  const previews: number[] = [];
  const saves: number[] = [];
  let firstMs = 0;
  let primeMs = 0;
  let primeSliceMaxMs = 0;
  try {
    const id = store.data().defaultPartnershipId;
    await store.readMeetings(id, async () => {});
    const records = storeRecords(store);
    const primed = performance.now();
    let sliceStarted = primed;
    await buildInSlices(primeStoredItems(store.partnership(id)!.meetings), async () => {
      primeSliceMaxMs = Math.max(primeSliceMaxMs, performance.now() - sliceStarted);
      await nextTurn();
      sliceStarted = performance.now();
    });
    primeSliceMaxMs = Math.max(primeSliceMaxMs, performance.now() - sliceStarted);
    primeMs = performance.now() - primed;
    for (const [i, document] of documents.entries()) {
      const started = performance.now();
      planMinutesImport(store.partnership(id)!, [document]);
      const previewed = performance.now();
      const { change } = minutesImportChange({
        importId: `bench-${i}`,
        documents: [document],
        by: { id: 'bench', name: 'Bench' },
        now: new Date(),
      });
      await records.update(id, change);
      const saved = performance.now();
      if (i === 0) firstMs = saved - started;
      else {
        previews.push(previewed - started);
        saves.push(saved - previewed);
      }
    }
  } finally {
    await store.close();
    folder.remove();
  }
  const preview = summarise(previews);
  const save = summarise(saves);
  return {
    meetings,
    documents: documents.length,
    primeMs,
    primeSliceMaxMs,
    firstMs,
    previewP50Ms: preview.p50Ms,
    previewMaxMs: Math.max(...previews),
    saveP50Ms: save.p50Ms,
    saveMaxMs: Math.max(...saves),
  };
}
