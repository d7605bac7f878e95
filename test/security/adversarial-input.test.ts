/**
 * Every reader of chat text, and the minutes importer, on inputs built to make a backtracking
 * pattern take polynomial time: each command's own words followed by long runs of what its
 * patterns repeat (spaces, separators, brackets, digits), with a rejecting end. Before the fix a
 * 349-character "create partnership ..." took 30 s; here inputs of 1k, 10k and 28k characters
 * (the most Teams delivers) must each be handled well inside the test's time-out. No timing is
 * asserted: a quadratic reader on 28k characters exceeds the time-out by minutes. The figures
 * are in `npm run bench`.
 */
import { expect } from 'chai';
import { runActionCommand, type ActionsView } from '../../src/core/actions/action-commands.js';
import { answerQuestion } from '../../src/core/answers/answer-question.js';
import { KnowledgeBase } from '../../src/core/answers/knowledge-base.js';
import type { CommandInput } from '../../src/core/commands/command.js';
import { runCommand } from '../../src/turns/record-commands.js';
import { parseMinutesDocument } from '../../src/core/minutes/parse-minutes-document.js';
import { partnershipCommand } from '../../src/core/partnerships/partnership-commands.js';
import type { Actor } from '../../src/core/model/permissions.js';
import { loadDefaultStore } from '../../src/store/default-store.js';
import { adversarialInputs, RUNS, SIZES } from '../helpers/adversarial-inputs.js';
import { kentWith } from '../helpers/kent.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { personalMessage } from '../helpers/teams-activities.js';

const now = new Date('2026-11-24T10:00:00Z');
const admin: Actor = { id: 'aad-admin', ids: ['aad-admin'], name: 'Ada Admin', isAdmin: true };
const noActions: ActionsView = { all: () => [], get: () => undefined, loggedBy: () => undefined };

describe('adversarial input: every reader of chat text is linear', function () {
  // A generous bound for a loaded machine; a super-linear reader takes many minutes at 28k.
  this.timeout(120_000);
  const store = loadDefaultStore();
  const kent = kentWith([{ userId: 'aad-admin', name: 'Ada Admin', role: 'chair' }]);
  const kb = new KnowledgeBase(kent);
  const input = (text: string): CommandInput => ({
    text,
    mentions: [{ id: '29:sam', name: 'Sam Member' }],
    actor: admin,
    now,
    directory: store,
  });

  for (const size of SIZES) {
    it(`reads partnership, role, channel, lead, priority, agenda, history and resolution commands of ${size} characters`, () => {
      for (const text of adversarialInputs(size)) {
        const outcome = partnershipCommand(store, input(text)) ?? runCommand(kent, input(text));
        // Whatever it is read as, a reply that changes something must not come from nonsense this long.
        if (outcome?.change) expect(outcome.answer.kind, text.slice(0, 60)).to.not.equal('invalid');
      }
    });

    it(`reads action lines and action commands of ${size} characters`, () => {
      expect(
        runActionCommand(kent, noActions, input(`action: Sam Member to ${'x'.repeat(size)}`))?.answer?.summary,
      ).to.match(/keep it under 500/);
      for (const text of adversarialInputs(size)) {
        const outcome = runActionCommand(kent, noActions, input(text));
        if (outcome?.add) expect(text.replace(/\s+/g, ' ').length, text.slice(0, 60)).to.be.below(1_000);
      }
      const tail = runActionCommand(
        kent,
        noActions,
        input(`action: Sam Member to circulate the plan from${' '.repeat(size)}`),
      );
      expect(tail, 'read as an action line').to.not.equal(null);
    });

    it(`answers questions of ${size} characters`, () => {
      for (const text of adversarialInputs(size).filter((_, i) => i % 3 === 0)) {
        expect(answerQuestion(kb, text, now).title, text.slice(0, 60)).to.be.a('string');
      }
    });

    it(`imports minutes whose lines run to ${size} characters`, () => {
      for (const run of RUNS) {
        const line = run.repeat(Math.ceil(size / run.length)).slice(0, size);
        const document = [
          'Kent Community Safety Partnership - 21 March 2023',
          `Present: Mr A Smith${line}`,
          `Apologies for absence:${line}`,
          `A1 Item title${line}`,
          `RESOLVED:${line}`,
          `# Heading${line}#`,
          `(a)${line}`,
          `Venue:${line}`,
          `The Partnership requested that Mr A Smith${line}`,
        ].join('\n');
        expect(parseMinutesDocument(document, 'adversarial.md').layout, run).to.be.a('string');
      }
    });
  }
});

describe('adversarial input over HTTP: the two reported messages', function () {
  this.timeout(120_000);
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: '0f1e2d3c-4b5a-4697-8877-665544332299' });
  });
  after(async () => bot.stop());

  it('replies to both, and /healthz answers while they are handled', async () => {
    const who = { userId: '29:1ada', userName: 'Ada Admin', aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332299' };
    const create = `create partnership ${'Medway Community Safety Partnership '.repeat(9)}${' '.repeat(349 - 20 - 36 * 9)}x\n(`;
    const action = `action: Sam Member to circulate the plan from${' '.repeat(4_000)}`;
    const [first, second, health] = await Promise.all([
      bot.send(personalMessage(create, who)),
      bot.send(personalMessage(action, who)),
      fetch(`${bot.app.url}/healthz`),
    ]);
    expect(first.text).to.not.equal('');
    expect(second.text).to.not.equal('');
    expect(health.status).to.equal(200);
  });
});
