import { expect } from 'chai';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import {
  channelMessage,
  conversationUpdate,
  DEFAULT_CHANNEL_ID,
  DEFAULT_TEAM_ID,
} from '../helpers/teams-activities.js';
import { storedData } from '../helpers/stored-data.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';

describe('HTTP server: channels', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN });
  });
  after(async () => bot.stop());

  it("remembers the team's General channel (its id is the team id) when installed in a team", async () => {
    await bot.send(conversationUpdate('bot', { kind: 'channel' }));
    const stored = storedData(bot.dataFile) as { conversations: { conversationId: string; serviceUrl: string }[] };
    expect(stored.conversations.map((c) => c.conversationId)).to.deep.equal([DEFAULT_TEAM_ID]);
    expect(stored.conversations[0]?.serviceUrl).to.equal(bot.connector.url);
  });

  it('links the channel (not the reply thread) for the partnership, refuses a member, and keeps it across a restart', async () => {
    const refused = await bot.send(
      channelMessage('link this channel to Kent CSP', { aadObjectId: '99999999-0000-4000-8000-000000000001' }),
    );
    expect(refused.text).to.contain('only the chair or the secretariat');
    const linked = await bot.send(
      channelMessage('link this channel to Kent CSP', { aadObjectId: ADMIN, userName: 'Ada Admin' }),
    );
    expect(linked.text).to.contain('now linked to the Kent Community Safety Partnership');
    await bot.restart();
    const list = await bot.send(channelMessage('which channels are linked?'));
    expect(list.text).to.contain('1 channels are linked');
    const stored = storedData(bot.dataFile) as {
      partnerships: Record<string, { channels: { ref: { conversationId: string } }[] }>;
    };
    expect(stored.partnerships['kent-csp']?.channels.map((c) => c.ref.conversationId)).to.deep.equal([
      DEFAULT_CHANNEL_ID,
    ]);
  });
});
