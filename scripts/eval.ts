/**
 * `npm run eval -- [QUESTIONS.json] [PAGES_FOLDER] [--verbose]`: sets up each partnership named in
 * the questions, imports its pages, asks its questions through the running bot and prints the score
 * per partnership and overall. Defaults to shared/eval/other-csp-dev. With only a folder, its
 * questions.json is used.
 */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { sharedFolder } from './shared-folder.js';
import { runPartnershipEval, scoreLines } from './partnership-eval.js';

async function main(args: string[]): Promise<number> {
  const verbose = args.includes('--verbose');
  const rest = args.filter((a) => a !== '--verbose');
  const first = rest[0];
  const folder =
    first && existsSync(first) && statSync(first).isDirectory()
      ? first
      : (rest[1] ?? (first ? path.dirname(first) : sharedFolder('eval', 'other-csp-dev')));
  const questions = first && !statSync(first).isDirectory() ? first : path.join(folder, 'questions.json');
  if (!existsSync(questions)) {
    console.error(
      `no questions file at ${questions}\nusage: npm run eval -- [QUESTIONS.json] [PAGES_FOLDER] [--verbose]`,
    );
    return 2;
  }
  const started = Date.now();
  const results = await runPartnershipEval(questions, folder, verbose ? (l) => console.log(l) : undefined);
  scoreLines(results, verbose).forEach((l) => console.log(l));
  console.log(
    `(${results.reduce((n, r) => n + r.files.length, 0)} pages, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  return 0;
}

main(process.argv.slice(2))
  .then((code) => process.exit(code))
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
