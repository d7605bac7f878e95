import { expect } from 'chai';
import { TestAdapter, type Activity } from 'botbuilder';
import { pino } from 'pino';
import { PartnershipBot } from '../../src/bot/partnership-bot.js';
import { AnswerService } from '../../src/core/answers/answer-service.js';
import { loadDefaultStore } from '../../src/store/default-store.js';
import { memoryRecords } from '../helpers/memory-records.js';

const data = loadDefaultStore();
const answers = new AnswerService(
  { partnership: (id) => data.partnerships[id ?? data.defaultPartnershipId], revision: () => 1 },
  () => new Date('2026-11-24'),
);
const records = memoryRecords(data);
const bot = new PartnershipBot({ answers, records, admins: [], logger: pino({ level: 'silent' }) });

function adapter(): TestAdapter {
  return new TestAdapter(async (context) => bot.run(context));
}

describe("PartnershipBot through botbuilder's TestAdapter", () => {
  it('answers with an Adaptive Card, its sentence as the summary', async () => {
    await adapter()
      .send('who leads substance misuse?')
      .assertReply((reply: Partial<Activity>) => {
        expect(reply.summary).to.contain('Mookherjee');
        expect(reply.attachments?.[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
      });
  });

  it("takes the question from a card button's value", async () => {
    await adapter()
      .send({ type: 'message', value: { question: 'When was the last meeting?' } } as Partial<Activity>)
      .assertReply((reply: Partial<Activity>) => expect(reply.summary).to.contain('21 March 2023'));
  });

  it('removes its own @mention before answering', async () => {
    const testAdapter = adapter();
    const botAccount = testAdapter.conversation.bot;
    await testAdapter
      .send({
        type: 'message',
        text: `<at>${botAccount.name}</at> who is the vice-chair?`,
        entities: [{ type: 'mention', mentioned: botAccount, text: `<at>${botAccount.name}</at>` }],
      } as Partial<Activity>)
      .assertReply((reply: Partial<Activity>) => expect(reply.summary).to.contain('Rivers'));
  });
});
