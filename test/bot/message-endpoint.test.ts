import { expect } from 'chai';
import { storeBytes } from '../helpers/stored-data.js';
import { postActivity, postRaw } from '../helpers/http.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { personalMessage } from '../helpers/teams-activities.js';

const ADMIN = '0f1e2d3c-4b5a-4697-8877-665544332211';

describe('HTTP server: what reaches /api/messages at all', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot({ BOT_ADMINS: ADMIN });
  });
  after(async () => bot.stop());

  const store = () => storeBytes(bot.dataFile);

  it('refuses form-encoded and multipart bodies (what a cross-site form posts) with 415, doing nothing', async () => {
    const before = store();
    bot.connector.clear();
    const form = await postRaw(bot.messagesUrl, 'type=message&text=agenda%2014%20March%202027&channelId=msteams', {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(form.status).to.equal(415);
    const boundary = 'x-boundary';
    const multipart = `--${boundary}\r\ncontent-disposition: form-data; name="type"\r\n\r\nmessage\r\n--${boundary}--\r\n`;
    expect(
      (await postRaw(bot.messagesUrl, multipart, { 'content-type': `multipart/form-data; boundary=${boundary}` }))
        .status,
    ).to.equal(415);
    expect(
      (await postRaw(bot.messagesUrl, JSON.stringify(personalMessage('hello')), { 'content-type': 'text/plain' }))
        .status,
    ).to.equal(415);
    expect(store().equals(before)).to.equal(true);
    expect(bot.connector.requests).to.have.length(0);
  });

  it('refuses activities from channels other than Teams: an admin id claimed over Web Chat changes nothing', async () => {
    const before = store();
    for (const channelId of ['webchat', 'directline', 'emulator', undefined]) {
      const activity = {
        ...personalMessage('agenda 14 March 2027 10:00 online', { aadObjectId: ADMIN }),
        channelId,
        serviceUrl: bot.connector.url,
      };
      const result = await postActivity(bot.messagesUrl, activity);
      expect(result.status, String(channelId)).to.equal(400);
    }
    expect(store().equals(before)).to.equal(true);
  });

  it('refuses at once, with 400, an activity without a service URL or a conversation', async () => {
    const { serviceUrl: _s, ...noServiceUrl } = personalMessage('hello');
    const { conversation: _c, ...noConversation } = { ...personalMessage('hello'), serviceUrl: bot.connector.url };
    expect((await postActivity(bot.messagesUrl, noServiceUrl)).status).to.equal(400);
    expect((await postActivity(bot.messagesUrl, noConversation)).status).to.equal(400);
    expect(
      (await postActivity(bot.messagesUrl, { ...personalMessage('hello'), serviceUrl: 'not a url' })).status,
    ).to.equal(400);
  });

  it('does not show where the store lives on /healthz', async () => {
    const body = await (await fetch(`${bot.app.url}/healthz`)).text();
    expect(body).to.contain('"status":"ok"');
    expect(body).to.not.contain(bot.dataFile).and.not.contain('store.json');
  });
});
