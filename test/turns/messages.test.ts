import { expect } from 'chai';
import {
  channelMessage,
  cardSubmit,
  conversationUpdate,
  installationUpdate,
  personalMessage,
  groupChatMessage,
} from '../helpers/teams-activities.js';
import { postRaw } from '../helpers/http.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { cardSchemaErrors } from '../helpers/card-schema.js';

describe('HTTP server: /api/messages in local mode', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot();
  });
  after(async () => bot.stop());

  it('answers a personal question with a text summary and a valid answer card, as a reply', async () => {
    const activity = personalMessage('Who leads road safety?');
    const { result, replies, text } = await bot.send(activity);
    expect(result.status).to.equal(200);
    expect(replies).to.have.length(1);
    const reply = replies[0]!;
    expect(reply.replyToId).to.equal(activity.id);
    // The sentence is said once, in the card; the activity's summary carries it for notifications.
    expect(reply.text ?? '').to.equal('');
    expect(reply.summary).to.be.a('string').and.contain('Adams');
    expect(text.split('Martin Adams').length - 1, text).to.equal(1);
    const attachments = reply.attachments as { contentType: string; content: unknown }[];
    expect(attachments[0]?.contentType).to.equal('application/vnd.microsoft.card.adaptive');
    expect(cardSchemaErrors(attachments[0]?.content)).to.deep.equal([]);
    expect(text).to.contain('Source: Agenda item page (undated), item 4').and.not.contain('004_733e496a4d42639d.txt');
    expect(text).to.not.contain('Mookherjee');
  });

  it("answers a held meeting's agenda from its minutes, and politeness is never the topic", async () => {
    for (const q of [
      'which items were on the agenda on 21 March 2023?',
      'agenda for the March 2022 meeting',
      'what was on the agenda at the last meeting?',
    ]) {
      const { text } = await bot.send(personalMessage(q));
      expect(text, q).to.match(/The meeting of \w+ \d+ March 202[23] took \d+ items/);
    }
    const { text } = await bot.send(personalMessage('Resolutions from the last meeting pls'));
    expect(text).to.contain('The meeting of Tuesday 21 March 2023 made').and.not.contain('about pls');
  });

  it('strips the @mention in a channel and answers there', async () => {
    const activity = channelMessage('who leads substance misuse?');
    const { replies, text } = await bot.send(activity);
    expect(replies).to.have.length(1);
    expect(text).to.contain('Mookherjee');
    expect(text.toLowerCase()).to.not.contain('csp assistant who leads');
    expect((replies[0]!.conversation as { id: string }).id).to.equal((activity.conversation as { id: string }).id);
  });

  it('answers in a group chat', async () => {
    const { text } = await bot.send(groupChatMessage('When was the last meeting?'));
    expect(text).to.contain('21 March 2023');
  });

  it('answers the question a card button carries', async () => {
    const { text } = await bot.send(cardSubmit({ question: 'Who leads VAWG?' }));
    expect(text.toLowerCase()).to.contain('no lead is recorded');
  });

  it('welcomes a team, a chat and a person with a clickable help card', async () => {
    for (const kind of ['channel', 'groupChat', 'personal'] as const) {
      const { replies, text } = await bot.send(conversationUpdate('bot', { kind }));
      expect(replies, kind).to.have.length(1);
      expect(text.toLowerCase()).to.contain('priorities');
      const card = (replies[0]!.attachments as { content: { body: { selectAction?: unknown }[] } }[])[0]!.content;
      expect(
        card.body.some((element) => element.selectAction !== undefined),
        kind,
      ).to.equal(true);
    }
  });

  it('welcomes a personal install once, though Teams also sends an installationUpdate', async () => {
    const { replies } = await bot.send(installationUpdate({ kind: 'personal' }));
    expect(replies).to.have.length(0);
  });

  it('does not welcome when someone else joins', async () => {
    const { replies } = await bot.send(
      conversationUpdate([{ id: '29:someone-else', name: 'Someone' }], { kind: 'channel' }),
    );
    expect(replies).to.have.length(0);
  });

  describe('bad input', () => {
    it('an empty message gets a clear reply', async () => {
      const { result, text } = await bot.send(personalMessage(''));
      expect(result.status).to.equal(200);
      expect(text.toLowerCase()).to.contain('empty');
    });

    it('10,000 characters of noise get an honest answer, not a crash', async () => {
      const noise = Array.from({ length: 10_000 }, (_, i) => String.fromCharCode(33 + ((i * 7919) % 90))).join('');
      const { result, text } = await bot.send(personalMessage(noise));
      expect(result.status).to.equal(200);
      expect(text.toLowerCase()).to.match(/don't have|not sure/);
    });

    it('an unknown activity type is accepted and ignored', async () => {
      const { result, replies } = await bot.send({ ...personalMessage('x'), type: 'somethingNew' });
      expect(result.status).to.be.within(200, 299);
      expect(replies).to.have.length(0);
    });

    it('malformed JSON gets 400', async () => {
      const result = await postRaw(bot.messagesUrl, '{"type": "message", "text": ', {
        'content-type': 'application/json',
      });
      expect(result.status).to.equal(400);
    });

    it('a body over 256 KB gets 413', async () => {
      const big = JSON.stringify({ ...personalMessage('x'.repeat(300 * 1024)) });
      const result = await postRaw(bot.messagesUrl, big, { 'content-type': 'application/json' });
      expect(result.status).to.equal(413);
    });

    it('a JSON body that is not an activity gets 400', async () => {
      for (const body of ['{}', '[]', '"text"', '{"type": 5}']) {
        const result = await postRaw(bot.messagesUrl, body, { 'content-type': 'application/json' });
        expect(result.status, body).to.equal(400);
      }
    });

    it('still answers after all that', async () => {
      const { text } = await bot.send(personalMessage('Who is the chair?'));
      expect(text).to.contain('Hill');
    });
  });

  it("answers the Agents Playground's HEAD probe", async () => {
    expect((await fetch(bot.messagesUrl, { method: 'HEAD' })).status).to.equal(200);
  });

  it('reports health, the store, the knowledge bases still building and the heap', async () => {
    await bot.app.idle();
    const response = await fetch(`${bot.app.url}/healthz`);
    const body = (await response.json()) as {
      status: string;
      mode: string;
      store: { partnerships: number };
      knowledgeBasesBuilding: number;
      heapUsedMb: number;
    };
    expect(response.status).to.equal(200);
    expect(body).to.include({ status: 'ok', mode: 'local', knowledgeBasesBuilding: 0 });
    expect(body.store.partnerships).to.equal(1);
    expect(body.heapUsedMb).to.be.greaterThan(0);
  });
});

describe('HTTP server: /api/messages with an app id', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot({
      MicrosoftAppId: '11111111-2222-4333-8444-555555555555',
      MicrosoftAppPassword: 'not-used-in-this-test',
      MicrosoftAppTenantId: '72f988bf-0000-4000-8000-0000c5a1f00d',
    });
  });
  after(async () => bot.stop());

  it('rejects an activity without a Bot Framework token with 401 and does not answer', async () => {
    const { result, replies } = await bot.send(personalMessage('Who leads road safety?'));
    expect(result.status).to.equal(401);
    expect(replies).to.have.length(0);
  });

  it('rejects a token that is not a valid Bot Framework token', async () => {
    const result = await postRaw(
      bot.messagesUrl,
      JSON.stringify({ ...personalMessage('hi'), serviceUrl: bot.connector.url }),
      {
        'content-type': 'application/json',
        authorization: 'Bearer not.a.token',
      },
    );
    expect(result.status).to.equal(401);
  });
});
