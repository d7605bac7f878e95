/**
 * The partnership runner over shared/eval/other-csp-dev: ten other councils' partnerships, each
 * created and given its own pages through `npm run import`'s code, each asked its own questions
 * through the real HTTP server in a channel linked to it and in a personal chat. A floor well below
 * the measured score (see README) guards against regressions without being a flakiness risk.
 */
import { expect } from 'chai';
import { sharedFolder } from '../../scripts/shared-folder.js';
import { runPartnershipEval, scoreLines, type PartnershipResult } from '../../scripts/partnership-eval.js';

const FLOOR = 0.4;

describe('other partnerships (shared/eval/other-csp-dev) through import and the HTTP server', function () {
  this.timeout(180_000);
  let results: PartnershipResult[];
  before(async () => {
    const folder = sharedFolder('eval', 'other-csp-dev');
    results = await runPartnershipEval(`${folder}/questions.json`, folder);
  });

  it('sets up every partnership with its own pages and asks every question', () => {
    expect(results.map((r) => r.shortName)).to.include.members(['Barnet SCPB', 'SAP', 'Safer Lewisham']);
    expect(results.reduce((n, r) => n + r.files.length, 0)).to.equal(25);
    expect(results.reduce((n, r) => n + r.results.length, 0)).to.equal(65);
  });

  it(`answers at least ${FLOOR * 100}% of the questions correctly`, () => {
    const passed = results.flatMap((r) => r.results).filter((x) => x.passed).length;
    const total = results.flatMap((r) => r.results).length;
    expect(passed / total, scoreLines(results).join('\n')).to.be.at.least(FLOOR);
  });
});
