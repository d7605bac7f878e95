import { expect } from 'chai';
import { readFileSync } from 'node:fs';
import { startBotFrameworkKeys, type BotFrameworkKeys } from '../helpers/bot-framework-keys.js';
import { postActivity } from '../helpers/http.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { DEFAULT_TENANT_ID, personalMessage } from '../helpers/teams-activities.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '0e0e0e0e-1111-4222-8333-444444444444';

describe('HTTP server: Bot Framework tokens and the tenant allow-list', () => {
  let keys: BotFrameworkKeys;
  let bot: RunningBot;
  before(async () => {
    keys = await startBotFrameworkKeys(APP_ID);
    bot = await startRunningBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'a-client-secret', MicrosoftAppTenantId: DEFAULT_TENANT_ID, BOT_OPENID_METADATA: keys.metadataUrl, ALLOWED_TENANTS: DEFAULT_TENANT_ID });
  });
  after(async () => {
    await bot.stop();
    await keys.close();
  });

  const journal = () => {
    try {
      return readFileSync(`${bot.dataFile}.actions`, 'utf8');
    } catch {
      return '';
    }
  };
  const post = (text: string, token: string | undefined, opts: Parameters<typeof personalMessage>[1] = {}) =>
    postActivity(bot.messagesUrl, { ...personalMessage(text, opts), serviceUrl: bot.connector.url }, token === undefined ? {} : { authorization: `Bearer ${token}` });

  for (const [label, token] of [
    ['no token', async () => undefined],
    ['an unsigned token', async () => keys.unsigned({ serviceUrl: bot.connector.url })],
    ['an expired token', async () => keys.sign({ serviceUrl: bot.connector.url, expiresIn: -3600 })],
    ['a token for another bot', async () => keys.sign({ serviceUrl: bot.connector.url, audience: '99999999-2222-4333-8444-555555555555' })],
    ['a token signed by a key the Bot Framework did not publish', async () => keys.sign({ serviceUrl: bot.connector.url, foreignKey: true })],
    ['a token from another issuer', async () => keys.sign({ serviceUrl: bot.connector.url, issuer: 'https://sts.example.org' })],
    ['a token for another service URL', async () => keys.sign({ serviceUrl: 'https://smba.example.org/other/' })],
  ] as const) {
    it(`refuses ${label} with 401, doing nothing`, async () => {
      const before = journal();
      const result = await post('action: Shafick Peerbux to circulate the refreshed CSA by 30 April', await token());
      expect(result.status).to.equal(401);
      expect(journal()).to.equal(before);
      expect(bot.connector.requests.filter((r) => r.operation !== 'unknown')).to.have.length(0);
    });
  }

  it('accepts a valid token and runs the turn', async () => {
    const result = await post('action: Shafick Peerbux to circulate the refreshed CSA by 30 April', await keys.sign({ serviceUrl: bot.connector.url }));
    expect(result.status).to.not.equal(401);
    expect(journal()).to.contain('circulate the refreshed CSA');
  });

  it('refuses an activity from a tenant not on the allow-list with 403, even with a valid token', async () => {
    const before = journal();
    const result = await post('action: Shafick Peerbux to report on KSI by 30 April', await keys.sign({ serviceUrl: bot.connector.url }), { tenantId: OTHER_TENANT });
    expect(result.status).to.equal(403);
    expect(journal()).to.equal(before);
  });
});
