import { expect } from 'chai';
import { storeBytes } from '../helpers/stored-data.js';
import { readFileSync } from 'node:fs';
import { startBotFrameworkKeys, type BotFrameworkKeys } from '../helpers/bot-framework-keys.js';
import { postActivity } from '../helpers/http.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { DEFAULT_TENANT_ID, personalMessage } from '../helpers/teams-activities.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const OTHER_TENANT = '0e0e0e0e-1111-4222-8333-444444444444';
const ADMIN = { aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211', userName: 'Ada Admin' };

describe('HTTP server: Bot Framework tokens and the tenant allow-list', () => {
  let keys: BotFrameworkKeys;
  let bot: RunningBot;
  before(async () => {
    keys = await startBotFrameworkKeys(APP_ID);
    bot = await startRunningBot({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'a-client-secret',
      MicrosoftAppTenantId: DEFAULT_TENANT_ID,
      BOT_OPENID_METADATA: keys.metadataUrl,
      ALLOWED_TENANTS: DEFAULT_TENANT_ID,
      BOT_ADMINS: ADMIN.aadObjectId,
    });
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
    postActivity(
      bot.messagesUrl,
      { ...personalMessage(text, opts), serviceUrl: bot.connector.url },
      token === undefined ? {} : { authorization: `Bearer ${token}` },
    );

  for (const [label, token] of [
    ['no token', async () => undefined],
    ['an unsigned token', async () => keys.unsigned({ serviceUrl: bot.connector.url })],
    ['an expired token', async () => keys.sign({ serviceUrl: bot.connector.url, expiresIn: -3600 })],
    [
      'a token for another bot',
      async () => keys.sign({ serviceUrl: bot.connector.url, audience: '99999999-2222-4333-8444-555555555555' }),
    ],
    [
      'a token signed by a key the Bot Framework did not publish',
      async () => keys.sign({ serviceUrl: bot.connector.url, foreignKey: true }),
    ],
    [
      'a token from another issuer',
      async () => keys.sign({ serviceUrl: bot.connector.url, issuer: 'https://sts.example.org' }),
    ],
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
    const result = await post(
      'action: Shafick Peerbux to circulate the refreshed CSA by 30 April',
      await keys.sign({ serviceUrl: bot.connector.url }),
      ADMIN,
    );
    expect(result.status).to.not.equal(401);
    expect(journal()).to.contain('circulate the refreshed CSA');
  });

  it('runs nothing for a genuine user of a tenant not on the allow-list', async () => {
    const before = journal();
    const result = await post(
      'action: Shafick Peerbux to report on KSI by 30 April',
      await keys.sign({ serviceUrl: bot.connector.url }),
      { ...ADMIN, tenantId: OTHER_TENANT },
    );
    expect(result.status).to.equal(200);
    expect(journal()).to.equal(before);
  });

  it('refuses an unsigned activity from another tenant with 401 before anything else, sending nothing', async () => {
    bot.connector.clear();
    const result = await post('hello', undefined, { tenantId: OTHER_TENANT });
    expect(result.status).to.equal(401);
    expect(bot.connector.requests.filter((r) => r.operation !== 'unknown')).to.have.length(0);
  });
});

describe('HTTP server: the tenant allow-list (local mode, where replies can be read)', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot({ ALLOWED_TENANTS: DEFAULT_TENANT_ID });
  });
  after(async () => bot.stop());

  it('tells a user of another tenant, in one message, that it does not serve them, and does nothing else', async () => {
    const before = storeBytes(bot.dataFile);
    const { result, replies, text } = await bot.send(
      personalMessage('action: Shafick Peerbux to report on KSI by 30 April', { tenantId: OTHER_TENANT }),
    );
    expect(result.status).to.equal(200);
    expect(replies).to.have.length(1);
    expect(text).to.contain('yours is not one of them');
    expect(storeBytes(bot.dataFile).equals(before)).to.equal(true);
    expect((await bot.send(personalMessage('who leads road safety?'))).text).to.contain('Martin Adams');
  });

  it('answers a member of an allowed tenant who is not in the partnership from what it publishes only', async () => {
    expect((await bot.send(personalMessage('who leads road safety?'))).text).to.contain('Martin Adams');
    const { text } = await bot.send(
      personalMessage('action: Shafick Peerbux to circulate the refreshed CSA by 30 April'),
    );
    expect(text).to.contain('for its members only');
    expect((await bot.send(personalMessage('open actions'))).text).to.contain('for its members only');
    expect((await bot.send(personalMessage('export actions'))).text)
      .to.contain('for its members only')
      .and.not.contain('/exports/');
  });
});
