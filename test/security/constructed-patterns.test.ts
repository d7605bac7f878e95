/**
 * The lint proves each regex literal in src/ free of super-linear backtracking, but it cannot
 * evaluate patterns assembled from other modules' strings (`new RegExp(`...${WRITTEN_DATE.source}`)`).
 * This test collects every pattern src/core builds at run time and puts it through the same rules.
 */
import { expect } from 'chai';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

describe('patterns built at run time', function () {
  this.timeout(120_000);

  it('are all free of super-linear backtracking and moves, by the lint rules', async () => {
    const output = execFileSync(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'test', 'helpers', 'constructed-patterns.ts')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    const patterns = JSON.parse(output) as { source: string; flags: string }[];
    // HEADER_LINE, APPOSITION, the agenda and priority commands... at least these are built at run time.
    expect(patterns.length).to.be.at.least(10);
    const code = patterns
      .map((p, i) => `export const p${i} = new RegExp(${JSON.stringify(p.source)}, ${JSON.stringify(p.flags)});`)
      .join('\n');
    const [result] = await new ESLint({ cwd: ROOT }).lintText(code, {
      filePath: path.join(ROOT, 'src', 'core', 'constructed-patterns.ts'),
    });
    const problems = (result?.messages ?? []).map((m) => `${patterns[m.line - 1]?.source.slice(0, 80)}: ${m.message}`);
    expect(problems).to.deep.equal([]);
  });
});
