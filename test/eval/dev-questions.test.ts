/**
 * Runs every sample question of eval/dev-questions.json through the real HTTP server, in
 * the conversation it names (a channel message carries the @mention), and checks the reply text
 * exactly as eval/README.md defines it.
 */
import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { sharedFolder } from '../../scripts/shared-folder.js';
import { normaliseForCompare } from '../helpers/reply-text.js';
import type { EvalQuestion } from '../../scripts/partnership-eval.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { channelMessage, personalMessage } from '../helpers/teams-activities.js';

/** The other partnerships' questions, without the `partnership` they name. */
type DevQuestion = Omit<EvalQuestion, 'partnership' | 'source'>;

const QUESTIONS_FILE = sharedFolder('eval', 'dev-questions.json');
const questions = JSON.parse(readFileSync(QUESTIONS_FILE, 'utf8')) as DevQuestion[];

describe('sample questions (eval/dev-questions.json) through the HTTP server', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot();
  });
  after(async () => bot.stop());

  for (const q of questions) {
    it(`${q.id} [${q.kind}] ${q.ask}`, async () => {
      const activity = q.conversation === 'channel' ? channelMessage(q.ask) : personalMessage(q.ask);
      const { result, text } = await bot.send(activity);
      expect(result.status).to.equal(200);
      const reply = normaliseForCompare(text);
      for (const phrase of q.expect_all) expect(reply, `must contain "${phrase}"`).to.contain(normaliseForCompare(phrase));
      if (q.expect_any.length > 0) {
        const found = q.expect_any.some((phrase) => reply.includes(normaliseForCompare(phrase)));
        expect(found, `must contain one of ${JSON.stringify(q.expect_any)}; got: ${reply}`).to.equal(true);
      }
      for (const phrase of q.expect_none) expect(reply, `must not contain "${phrase}"`).to.not.contain(normaliseForCompare(phrase));
    });
  }
});
