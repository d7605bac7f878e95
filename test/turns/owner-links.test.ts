import { expect } from 'chai';
import { grantRole } from '../helpers/memberships.js';
import { startRunningBot } from '../helpers/running-bot.js';
import { channelMessage, DEFAULT_CHANNEL_ID, personalMessage } from '../helpers/teams-activities.js';
import { SECRETARIAT } from '../helpers/members.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';
const SHAFICK = { userId: '29:1shafick', userName: 'Shafick P', aadObjectId: '5a5a5a5a-0000-4000-8000-00000000005a' };

describe('HTTP server: owners named only from the minutes', () => {
  it('says nudges cannot reach them, and once the secretariat links the name to a member, the nudge goes to that member', async () => {
    // Tuesday 24 November 2026, 10:00; the digest and nudges go out on Tuesdays at 09:00.
    const bot = await startRunningBot({ BOT_ADMINS: ADMIN, DIGEST_DAY: 'tuesday', DIGEST_TIME: '09:00' });
    const say = async (text: string, who: typeof SECRETARIAT = SECRETARIAT) =>
      (await bot.send(personalMessage(text, who))).text;
    try {
      await grantRole(bot, ADMIN, SECRETARIAT, 'secretariat');
      await grantRole(bot, ADMIN, SHAFICK);
      await bot.send(channelMessage('link this channel', SECRETARIAT));
      // Shafick has chatted with the bot, so it can write to him.
      const hello = personalMessage('hello', SHAFICK);
      await bot.send(hello);
      const shafickChat = (hello.conversation as { id: string }).id;

      const logged = await say('action: Shafick Peerbux to circulate the refreshed CSA by 25 November');
      expect(logged)
        .to.contain('Action 1 logged')
        .and.contain('Shafick Peerbux is named from the records, not a Teams user, so overdue nudges cannot reach them')
        .and.contain('link owner Shafick Peerbux to @name');
      expect(await say('action: Nick Wilkinson to brief members on PREVENT by 25 November')).to.contain(
        'Nick Wilkinson is named from the records',
      );
      expect(await say('open actions')).to.contain('Shafick Peerbux, Nick Wilkinson are named from the records');

      expect(await say('link owner Shafick Peerbux to Shafick P', SHAFICK)).to.contain(
        'only the chair or the secretariat can link an owner',
      );
      expect(await say('link owner Shafick Peerbux to Nobody Known')).to.contain('Which member?');
      expect(await say('link owner Shafick Peerbux to Shafick P')).to.contain(
        'Shafick Peerbux is now linked to Shafick P: overdue nudges',
      );
      const listed = await say('open actions');
      expect(listed).to.contain('Nick Wilkinson is named from the records').and.not.contain('Shafick Peerbux is named');
      expect(await say('my actions', SHAFICK)).to.contain('circulate the refreshed CSA');
      expect(await say('recent changes')).to.contain('owner Shafick Peerbux linked to Shafick P');

      // A week on, both actions are overdue: the nudge reaches Shafick, and nobody is nudged for Nick.
      bot.setNow(new Date('2026-12-01T10:00:00Z'));
      bot.connector.clear();
      await bot.app.idle();
      const posts = bot.connector.requests.filter((r) => r.operation === 'sendToConversation');
      expect(posts.map((p) => p.conversationId).sort()).to.deep.equal([DEFAULT_CHANNEL_ID, shafickChat].sort());
      const nudge = JSON.stringify(posts.find((p) => p.conversationId === shafickChat)?.body);
      expect(nudge).to.contain('Your overdue actions').and.contain('circulate the refreshed CSA');
      expect(nudge).to.not.contain('PREVENT');
      // The link is undone like any other change.
      expect(await say('undo')).to.contain('Undone: owner Shafick Peerbux linked to Shafick P');
      expect(await say('open actions')).to.contain('Shafick Peerbux, Nick Wilkinson are named from the records');
    } finally {
      await bot.stop();
    }
  });
});
