import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import type { Agenda } from '../../src/core/model.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { channelMessage, personalMessage, type InboundActivity } from '../helpers/teams-activities.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';
const CHAIR = { userId: '29:1chair-harry', userName: 'Harry Hill', aadObjectId: '1a1a1a1a-2b2b-4c3c-8d4d-5e5e5e5e5e5e' };
const CHANNELS = ['19:meetings0000000000000000000001@thread.tacv2', '19:general0000000000000000000002@thread.tacv2'];

function withMention(activity: InboundActivity, who: { id: string; name: string }): InboundActivity {
  return { ...activity, entities: [...(activity.entities ?? []), { type: 'mention', mentioned: who, text: `<at>${who.name}</at>` }] };
}
function storedAgendas(bot: RunningBot): Agenda[] {
  return (JSON.parse(readFileSync(bot.dataFile, 'utf8')) as { partnerships: Record<string, { agendas: Agenda[] }> }).partnerships['kent-csp']!.agendas;
}

describe('HTTP server: building and circulating an agenda', () => {
  let bot: RunningBot;
  const chairSays = (text: string, channelId?: string) =>
    bot.send(channelId ? channelMessage(text, { ...CHAIR, channelId, channelName: channelId === CHANNELS[0] ? 'Meetings' : 'General' }) : personalMessage(text, CHAIR));

  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN }, { pacing: { gapMs: 5, retries: 4, backoffMs: 20 } });
    const grant = withMention(channelMessage('make <at>Harry Hill</at> chair', { aadObjectId: ADMIN, userName: 'Ada Admin' }), { id: CHAIR.userId, name: 'Harry Hill' });
    expect((await bot.send(grant)).text).to.contain('Harry Hill is now chair');
    for (const channel of CHANNELS) expect((await chairSays('link this channel to Kent CSP', channel)).text).to.contain('now linked');
  });
  after(async () => bot.stop());

  it('refuses a member who is not chair or secretariat', async () => {
    const { text } = await bot.send(personalMessage('agenda 14 March 2027 10:00 online', { aadObjectId: '99999999-0000-4000-8000-000000000001' }));
    expect(text).to.contain('only the chair or the secretariat');
    expect(storedAgendas(bot)).to.deep.equal([]);
  });

  it('builds the agenda from text and circulates it to both linked channels, a card alone in each post', async () => {
    await chairSays('agenda 14 March 2027 10:00 online');
    await chairSays('item B1 Community Safety Agreement refresh - Ms S Brinson');
    await chairSays('item B2 Working Group update - Mr S Peerbux');
    await chairSays('item B3 MARAC review - Ms A Agyepong');
    bot.connector.clear();
    const { text } = await chairSays('circulate');
    expect(text).to.contain('posted to 2 channels');
    const posts = bot.connector.requests.filter((r) => r.operation === 'sendToConversation');
    expect(posts.map((p) => p.conversationId).sort()).to.deep.equal([...CHANNELS].sort());
    for (const post of posts) {
      const activity = post.body as { text?: string; attachments: { content: unknown }[] };
      expect(activity.text ?? '').to.equal('');
      expect(activity.attachments).to.have.length(1);
      expect(cardSchemaErrors(activity.attachments[0]?.content)).to.deep.equal([]);
    }
    const [agenda] = storedAgendas(bot);
    expect(agenda?.status).to.equal('circulated');
    expect(agenda?.posts.map((p) => p.conversationId).sort()).to.deep.equal([...CHANNELS].sort());
  });

  it('updates both posted cards in place after an edit, marked updated, and posts nothing twice', async () => {
    await chairSays('item B2 Working Group update and funding - Mr S Peerbux');
    const ids = storedAgendas(bot)[0]!.posts.map((p) => p.activityId).sort();
    bot.connector.clear();
    const { text } = await chairSays('circulate');
    expect(text).to.contain('updated in place in 2');
    expect(bot.connector.requests.filter((r) => r.operation === 'sendToConversation')).to.have.length(0);
    const updates = bot.connector.requests.filter((r) => r.operation === 'updateActivity');
    expect(updates.map((u) => u.activityId).sort()).to.deep.equal(ids);
    expect(JSON.stringify(updates[0]?.body)).to.contain('UPDATED').and.contain('Working Group update and funding');
  });

  it('keeps the agenda and its posts across a restart', async () => {
    await bot.restart();
    const { text } = await chairSays('show agenda');
    expect(text).to.contain('B3 MARAC review');
    expect(storedAgendas(bot)[0]?.posts).to.have.length(2);
  });
});

describe('HTTP server: circulating under Teams rate limits', () => {
  it('retries posts answered 429 and loses or doubles none', async () => {
    const bot = await startRunningBot({ BOT_ADMINS: CHAIR.aadObjectId }, { pacing: { gapMs: 5, retries: 5, backoffMs: 20 } });
    try {
      for (const channel of CHANNELS) await bot.send(channelMessage('link this channel', { ...CHAIR, channelId: channel }));
      await bot.send(personalMessage('agenda 14 March 2027 10:00 online', CHAIR));
      await bot.send(personalMessage('item B1 Community Safety Agreement refresh', CHAIR));
      bot.connector.clear();
      bot.connector.respond429(3);
      const { text } = await bot.send(personalMessage('circulate', CHAIR));
      expect(text).to.contain('posted to 2 channels');
      const accepted = bot.connector.requests.filter((r) => r.operation === 'sendToConversation' && r.status < 300);
      const refused = bot.connector.requests.filter((r) => r.operation === 'sendToConversation' && r.status === 429);
      expect(refused).to.have.length(3);
      expect(accepted.map((r) => r.conversationId).sort()).to.deep.equal([...CHANNELS].sort());
      expect(storedAgendas(bot)[0]?.posts).to.have.length(2);
    } finally {
      await bot.stop();
    }
  });
});
