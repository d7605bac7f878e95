/**
 * The other councils' pages (shared/eval/other-csp-dev): how long importing all 25 takes (parse and
 * merge, as `npm run import` does, per partnership), and the answer engine's time per question over
 * those partnerships' 65 questions, beside its time on the Kent sample questions.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pagesByPartnership, readQuestions } from '../scripts/partnership-eval.js';
import { sharedFolder } from '../scripts/shared-folder.js';
import { answerQuestion } from '../src/core/answers/answer-question.js';
import { KnowledgeBase } from '../src/core/answers/knowledge-base.js';
import { mergeParsedDocument, parseMinutesDocument, type MinutesRecords } from '../src/core/minutes/index.js';
import { newPartnership, partnershipIdFor, readPartnershipName } from '../src/core/partnerships/new-partnership.js';
import { summarise } from './stats.js';

interface Imported {
  name: string;
  records: MinutesRecords;
}

function importAll(folder: string, pages: Map<string, string[]>): Imported[] {
  return [...pages].map(([name, files]) => {
    let records: MinutesRecords = { meetings: [], people: [] };
    for (const file of files)
      records = mergeParsedDocument(
        records,
        parseMinutesDocument(readFileSync(path.join(folder, file), 'utf8'), file),
      ).records;
    return { name, records };
  });
}

export function benchOtherPartnerships(): {
  pages: number;
  importMs: number[];
  p50Ms: number;
  p99Ms: number;
  answers: number;
} {
  const folder = sharedFolder('eval', 'other-csp-dev');
  const questions = readQuestions(path.join(folder, 'questions.json'));
  const pages = pagesByPartnership(questions, folder);
  const importMs: number[] = [];
  let imported: Imported[] = [];
  for (let round = 0; round < 5; round++) {
    const start = performance.now();
    imported = importAll(folder, pages);
    importMs.push(performance.now() - start);
  }
  const today = new Date();
  const kbs = new Map(
    imported.map(({ name, records }) => {
      const named = readPartnershipName(name);
      const full = typeof named === 'string' ? { name, shortName: name } : named;
      return [
        name,
        new KnowledgeBase({
          ...newPartnership(partnershipIdFor(full), full, today.toISOString(), { id: 'bench', name: 'bench' }),
          ...records,
        }),
      ];
    }),
  );
  for (const q of questions) answerQuestion(kbs.get(q.partnership) as KnowledgeBase, q.ask, today);
  const samples: number[] = [];
  for (let round = 0; round < 100; round++) {
    for (const q of questions) {
      const start = performance.now();
      answerQuestion(kbs.get(q.partnership) as KnowledgeBase, q.ask, today);
      samples.push(performance.now() - start);
    }
  }
  const summary = summarise(samples);
  return {
    pages: [...pages.values()].reduce((n, f) => n + f.length, 0),
    importMs,
    p50Ms: summary.p50Ms,
    p99Ms: summary.p99Ms,
    answers: samples.length,
  };
}
