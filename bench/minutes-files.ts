/**
 * Import time per page for each format a minutes file may come in: every development page
 * (shared/eval/other-csp-dev) made into a PDF (pdf-lib), a Word document (docx), a saved web
 * page and text, then read to text, parsed by the importer and planned into an empty partnership,
 * as the bot does between receiving a file and showing its preview (the download aside). Pages
 * the importer does not recognise are refused as in Teams, and timed too.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { sharedFolder } from '../scripts/shared-folder.js';
import { planMinutesImport } from '../src/core/minutes-import/import-plan.js';
import { MinutesFormatError, parseMinutesDocument } from '../src/core/minutes/index.js';
import { extractMinutesText } from '../src/minutes-files/extract-text.js';
import { textDocx, textHtml, textPdf } from '../test/helpers/minutes-files.js';
import { summarise } from './stats.js';

export interface FormatTiming {
  format: string;
  pages: number;
  imported: number;
  refused: number;
  p50Ms: number;
  meanMs: number;
  maxMs: number;
}

const FORMATS: { format: string; extension: string; make: (text: string) => Promise<Uint8Array> | Uint8Array }[] = [
  { format: 'text', extension: 'txt', make: (text) => new TextEncoder().encode(text) },
  { format: 'web page', extension: 'html', make: textHtml },
  { format: 'Word', extension: 'docx', make: textDocx },
  { format: 'PDF', extension: 'pdf', make: (text) => textPdf(text) },
];

async function importOnce(bytes: Uint8Array, name: string): Promise<boolean> {
  try {
    const { text } = await extractMinutesText(bytes, name);
    planMinutesImport({ meetings: [], people: [], draftActions: [] }, [parseMinutesDocument(text, name)]);
    return true;
  } catch (error) {
    if (error instanceof MinutesFormatError) return false;
    throw error;
  }
}

export async function benchMinutesFiles(rounds = 5): Promise<FormatTiming[]> {
  const folder = sharedFolder('eval', 'other-csp-dev');
  const pages = readdirSync(folder)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => ({ name: f.replace(/\.txt$/, ''), text: readFileSync(`${folder}/${f}`, 'utf8') }));
  const results: FormatTiming[] = [];
  for (const { format, extension, make } of FORMATS) {
    const files = await Promise.all(
      pages.map(async (p) => ({ name: `${p.name}.${extension}`, bytes: await make(p.text) })),
    );
    // A discarded warm-up round: module loading and JIT are not import time.
    for (const file of files) await importOnce(file.bytes, file.name);
    const samples: number[] = [];
    let imported = 0;
    for (let round = 0; round < rounds; round++) {
      for (const file of files) {
        const start = performance.now();
        const ok = await importOnce(file.bytes, file.name);
        samples.push(performance.now() - start);
        if (round === 0 && ok) imported++;
      }
    }
    const summary = summarise(samples);
    results.push({
      format,
      pages: files.length,
      imported,
      refused: files.length - imported,
      p50Ms: summary.p50Ms,
      meanMs: samples.reduce((a, b) => a + b, 0) / samples.length,
      maxMs: Math.max(...samples),
    });
  }
  return results;
}
