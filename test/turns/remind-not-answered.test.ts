import { expect } from 'chai';
import type { Agenda } from '../../src/core/model/model.js';
import { grantRole } from '../helpers/memberships.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { cardSubmit, channelMessage, invokeAction, personalMessage } from '../helpers/teams-activities.js';
import { storedData } from '../helpers/stored-data.js';
import { CHAIR } from '../helpers/members.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';
const CHANNEL = '19:meetings0000000000000000000001@thread.tacv2';
const CAT = {
  userId: '29:1member-cat',
  userName: 'Cat Apologies',
  aadObjectId: 'c0c0c0c0-0000-4000-8000-00000000000c',
};
const DAN = { userId: '29:1member-dan', userName: 'Dan Deputy', aadObjectId: 'd0d0d0d0-0000-4000-8000-00000000000d' };
const EVE = {
  userId: '29:1member-eve',
  userName: 'Eve Elsewhere',
  aadObjectId: 'e0e0e0e0-0000-4000-8000-00000000000e',
};
const FAY = { userId: '29:1member-fay', userName: 'Fay Late', aadObjectId: 'f0f0f0f0-0000-4000-8000-00000000000f' };

function personalChatOf(who: { userId: string }): string {
  return (personalMessage('x', who).conversation as { id: string }).id;
}
function agenda(bot: RunningBot): Agenda {
  return (storedData(bot.dataFile) as { partnerships: Record<string, { agendas: Agenda[] }> }).partnerships['kent-csp']!
    .agendas[0]!;
}

describe('HTTP server: reminding those who have not answered', () => {
  it('sends each a personal reminder once, names who could not be reached, and on a second press reminds only the new', async () => {
    const bot = await startRunningBot({ BOT_ADMINS: ADMIN }, { pacing: { gapMs: 5, retries: 2, backoffMs: 10 } });
    try {
      await grantRole(bot, ADMIN, CHAIR, 'chair');
      for (const member of [CAT, DAN, EVE]) await grantRole(bot, ADMIN, member);
      await bot.send(channelMessage('link this channel', { ...CHAIR, channelId: CHANNEL }));
      await bot.send(personalMessage('agenda 14 March 2027 10:00 online', CHAIR));
      await bot.send(personalMessage('item B1 Community Safety Agreement refresh', CHAIR));
      await bot.send(personalMessage('circulate', CHAIR));
      const agendaId = agenda(bot).id;
      await bot.send(invokeAction('agenda.apologies', { agendaId }, { ...CAT, kind: 'channel', channelId: CHANNEL }));
      // Dan and Fay have chatted with the bot personally, so it can write to them; Eve never has.
      expect((await bot.send(personalMessage('hello', DAN))).text).to.not.equal('');

      // The chair asks who has not answered, and presses the reminder the answer offers.
      const asked = await bot.send(personalMessage("who hasn't answered?", CHAIR));
      const offered = [...JSON.stringify(asked.replies).matchAll(/"question":"([^"]{1,100})"/g)].map((m) => m[1]);
      const remind = offered.find((q) => /^remind/i.test(q ?? ''));
      expect(remind, 'offered on the answer').to.be.a('string');
      bot.connector.clear();
      const first = await bot.send(cardSubmit({ question: remind }, CHAIR));
      expect(first.text)
        .to.contain('Reminded personally about "')
        .and.contain(': Dan Deputy.')
        .and.contain('Could not be reached: Eve Elsewhere');
      expect(first.text)
        .to.not.contain('Cat Apologies')
        .and.not.match(/Reminded personally[^.]*Harry Hill/);
      const sent = bot.connector.requests.filter((r) => r.operation === 'sendToConversation');
      expect(sent.map((r) => r.conversationId)).to.deep.equal([personalChatOf(DAN)]);
      expect(JSON.stringify(sent[0]?.body))
        .to.contain('Harry Hill asks you to answer the agenda')
        .and.contain('Sunday 14 March 2027, 10:00');
      // Saved on disk by the time it is reported.
      expect(agenda(bot).remindedPersonally).to.deep.equal([DAN.userId]);

      // Fay joins and chats with the bot; the chair asks again in chat: only Fay is reminded.
      await grantRole(bot, ADMIN, FAY);
      await bot.send(personalMessage('hello', FAY));
      bot.connector.clear();
      const second = await bot.send(personalMessage("remind those who haven't answered yet", CHAIR));
      expect(second.text)
        .to.contain(': Fay Late.')
        .and.contain('Already reminded once, so not again: Dan Deputy')
        .and.contain('Could not be reached: Eve Elsewhere');
      const again = bot.connector.requests.filter((r) => r.operation === 'sendToConversation');
      expect(again.map((r) => r.conversationId)).to.deep.equal([personalChatOf(FAY)]);
      expect(agenda(bot).remindedPersonally).to.deep.equal([DAN.userId, FAY.userId]);

      // A member may not send them, and nothing is sent or saved.
      bot.connector.clear();
      const refused = await bot.send(personalMessage("remind everyone who hasn't replied", DAN));
      expect(refused.text).to.contain('only the chair or the secretariat can remind');
      expect(bot.connector.requests.filter((r) => r.operation === 'sendToConversation')).to.have.length(0);
      expect(agenda(bot).remindedPersonally).to.have.length(2);
    } finally {
      await bot.stop();
    }
  });

  it('reminds each person once when two organisers ask at the same moment', async () => {
    const bot = await startRunningBot({ BOT_ADMINS: ADMIN }, { pacing: { gapMs: 5, retries: 2, backoffMs: 10 } });
    try {
      const SECRETARY = {
        userId: '29:1sec-anna',
        userName: 'Anna Taylor',
        aadObjectId: '2b2b2b2b-3c3c-4d4d-8e5e-6f6f6f6f6f6f',
      };
      await grantRole(bot, ADMIN, CHAIR, 'chair');
      await grantRole(bot, ADMIN, SECRETARY, 'secretariat');
      for (const member of [DAN, FAY]) {
        await grantRole(bot, ADMIN, member);
        await bot.send(personalMessage('hello', member));
      }
      await bot.send(channelMessage('link this channel', { ...CHAIR, channelId: CHANNEL }));
      await bot.send(personalMessage('agenda 14 March 2027 10:00 online', CHAIR));
      await bot.send(personalMessage('item B1 Community Safety Agreement refresh', CHAIR));
      await bot.send(personalMessage('circulate', CHAIR));
      bot.connector.clear();
      const replies = await Promise.all([
        bot.send(personalMessage("remind those who haven't answered", CHAIR)),
        bot.send(personalMessage("remind those who haven't answered", SECRETARY)),
      ]);
      const sent = bot.connector.requests.filter((r) => r.operation === 'sendToConversation');
      const toMembers = sent.filter((r) => [personalChatOf(DAN), personalChatOf(FAY)].includes(r.conversationId ?? ''));
      expect(toMembers.map((r) => r.conversationId).sort()).to.deep.equal(
        [personalChatOf(DAN), personalChatOf(FAY)].sort(),
      );
      const reported = replies.map((r) => r.text).join(' ');
      expect(reported).to.contain('Already reminded once, so not again');
      expect(new Set(agenda(bot).remindedPersonally)).to.have.property('size', agenda(bot).remindedPersonally?.length);
    } finally {
      await bot.stop();
    }
  });
});
