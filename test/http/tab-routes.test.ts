import { expect } from 'chai';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { personalMessage } from '../helpers/teams-activities.js';
import { startBotFrameworkKeys, type BotFrameworkKeys } from '../helpers/bot-framework-keys.js';
import { postActivity } from '../helpers/http.js';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';

const APP_ID = '11111111-2222-4333-8444-555555555555';
const TENANT = '72f988bf-0000-4000-8000-0000c5a1f00d';

describe('Partnership tab: page and API in local mode', () => {
  let bot: RunningBot;
  before(async () => {
    bot = await startRunningBot();
  });
  after(async () => bot.stop());

  it('serves the page, its bundled script with teams-js, and the configuration page', async () => {
    const page = await fetch(`${bot.app.url}/tab`);
    expect(page.status).to.equal(200);
    expect(await page.text()).to.contain('<script type="module" src="/tab/tab.js">');
    const script = await (await fetch(`${bot.app.url}/tab/tab.js`)).text();
    expect(script).to.contain('/tab/teams.js');
    const teams = await (await fetch(`${bot.app.url}/tab/teams.js`)).text();
    expect(teams.length).to.be.greaterThan(10_000);
    expect(teams).to.contain('getAuthToken');
    expect((await fetch(`${bot.app.url}/tab/config`)).status).to.equal(200);
  });

  it('serves the partnership as JSON, saying it is open in local mode', async () => {
    const response = await fetch(`${bot.app.url}/api/tab/partnership`);
    const body = (await response.json()) as {
      name: string;
      localMode: boolean;
      priorities: { name: string; leads: string[] }[];
      exportUrl: string;
    };
    expect(response.status).to.equal(200);
    expect(body.name).to.equal('Kent Community Safety Partnership');
    expect(body.localMode).to.equal(true);
    expect(body.priorities).to.have.length(8);
    expect(body.priorities.find((p) => p.name === 'Road Safety')?.leads[0]).to.contain('Martin Adams');
    expect(body.exportUrl).to.contain('/exports/actions.csv?');
  });

  it('shows exactly the leads chat names, including one set from chat, and marks a corrected resolution', async () => {
    const admin = { aadObjectId: '0f1e2d3c-4b5a-4697-8877-665544332211', userName: 'Ada Admin' };
    const other = await startRunningBot({ BOT_ADMINS: admin.aadObjectId });
    try {
      await other.send(personalMessage('set lead for VAWG: Jane Smith, Head of VAWG, Kent Police', admin));
      await other.send(
        personalMessage(
          'correct resolution for B5 on 21 March 2023: that the update be noted and a further report come in September',
          admin,
        ),
      );
      expect((await other.send(personalMessage('who leads VAWG?'))).text).to.contain('Jane Smith');
      const body = (await (await fetch(`${other.app.url}/api/tab/partnership`)).json()) as {
        priorities: { name: string; leads: string[] }[];
        lastMeeting: { resolutions: { item: string; text: string }[] };
      };
      expect(body.priorities.find((p) => p.name.startsWith('Violence Against Women'))?.leads).to.deep.equal([
        'Jane Smith, Kent Police',
      ]);
      const b5 = body.lastMeeting.resolutions.find((r) => r.item.startsWith('B5'));
      expect(b5?.text).to.contain('a further report come in September').and.contain('(corrected by Ada Admin on');
    } finally {
      await other.stop();
    }
  });
});

describe('Partnership tab: API with Teams SSO in production', () => {
  let bot: RunningBot;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;
  const token = (claims: Record<string, unknown>, key: CryptoKey = privateKey, expires = '10m') =>
    new SignJWT({ tid: TENANT, ...claims })
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
      .setIssuedAt()
      .setExpirationTime(expires)
      .sign(key);
  const get = async (authorization?: string) =>
    (await fetch(`${bot.app.url}/api/tab/partnership`, { headers: authorization ? { authorization } : {} })).status;

  before(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    otherKey = (await generateKeyPair('RS256')).privateKey as CryptoKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    bot = await startRunningBot(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'unused',
        MicrosoftAppTenantId: TENANT,
        PUBLIC_BASE_URL: 'https://csp-bot.example.org',
        ALLOWED_TENANTS: TENANT,
      },
      { tabKeys: createLocalJWKSet({ keys: [jwk] }) },
    );
  });
  after(async () => bot.stop());

  it('accepts a valid token for this app from an allowed tenant', async () => {
    const oid = '5c5c5c5c-0000-4000-8000-00000000cccc';
    expect(
      await get(
        `Bearer ${await token({ oid, aud: `api://csp-bot.example.org/${APP_ID}`, iss: `https://login.microsoftonline.com/${TENANT}/v2.0` })}`,
      ),
    ).to.equal(200);
    expect(
      await get(`Bearer ${await token({ oid, aud: APP_ID, iss: `https://sts.windows.net/${TENANT}/` })}`),
    ).to.equal(200);
  });

  it('rejects a missing, expired, wrongly signed, wrong-audience, wrong-issuer or other-tenant token with 401', async () => {
    const iss = `https://login.microsoftonline.com/${TENANT}/v2.0`;
    expect(await get()).to.equal(401);
    // A valid token that does not name the member (no oid) cannot be checked against the partnership's members.
    expect(await get(`Bearer ${await token({ aud: APP_ID, iss })}`)).to.equal(401);
    expect(await get(`Bearer ${await token({ aud: APP_ID, iss }, privateKey, '-5m')}`)).to.equal(401);
    expect(await get(`Bearer ${await token({ aud: APP_ID, iss }, otherKey)}`)).to.equal(401);
    expect(await get(`Bearer ${await token({ aud: 'api://someone-else', iss })}`)).to.equal(401);
    expect(await get(`Bearer ${await token({ aud: APP_ID, iss: 'https://evil.example/' })}`)).to.equal(401);
    expect(
      await get(
        `Bearer ${await token({ aud: APP_ID, iss: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0', tid: '00000000-0000-4000-8000-000000000000' })}`,
      ),
    ).to.equal(401);
  });
});

describe("Partnership tab: each channel's own partnership", () => {
  let bot: RunningBot;
  let botKeys: BotFrameworkKeys;
  let privateKey: CryptoKey;
  const MEDWAY_CHANNEL = '19:medwayBoard00000000000000001@thread.tacv2';
  const MEMBER = '5a5a5a5a-0000-4000-8000-00000000aaaa';
  const OUTSIDER = '5b5b5b5b-0000-4000-8000-00000000bbbb';
  const get = async (oid: string, query = '') => {
    const jwt = await new SignJWT({
      tid: TENANT,
      oid,
      aud: APP_ID,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    const response = await fetch(`${bot.app.url}/api/tab/partnership${query}`, {
      headers: { authorization: `Bearer ${jwt}` },
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        name?: string;
        priorities?: unknown[];
        actions?: unknown[];
        exportUrl?: string;
        membersOnly?: string;
      },
    };
  };

  before(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'RS256', use: 'sig' };
    botKeys = await startBotFrameworkKeys(APP_ID);
    bot = await startRunningBot(
      {
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'unused',
        MicrosoftAppTenantId: TENANT,
        ALLOWED_TENANTS: TENANT,
        BOT_OPENID_METADATA: botKeys.metadataUrl,
      },
      { tabKeys: createLocalJWKSet({ keys: [jwk] }) },
    );
    await bot.app.store.update((d) => {
      const kent = d.partnerships['kent-csp']!;
      d.partnerships['medway-csp'] = {
        ...kent,
        id: 'medway-csp',
        name: 'Medway Community Safety Partnership',
        shortName: 'Medway CSP',
        priorityYears: [],
        priorityChanges: [],
        agendas: [],
        roles: [],
        changes: [],
      };
      d.partnerships['medway-csp'].channels = [
        {
          ref: {
            conversationId: MEDWAY_CHANNEL,
            serviceUrl: 'https://smba.trafficmanager.net/uk/',
            channelId: 'msteams',
            conversationType: 'channel',
            botId: '28:bot',
          },
          linkedBy: 'Ada Admin',
          linkedAt: '2026-11-24T09:00:00.000Z',
        },
      ];
      d.memberships[MEMBER] = { seenIn: ['medway-csp'] };
    });
  });
  after(async () => {
    await bot.stop();
    await botKeys.close();
  });

  it('shows the partnership of the channel the tab is in, its tracker to its members only', async () => {
    const medway = await get(MEMBER, `?channel=${encodeURIComponent(MEDWAY_CHANNEL)}`);
    expect(medway.status).to.equal(200);
    expect(medway.body.name).to.equal('Medway Community Safety Partnership');
    expect(medway.body.priorities).to.deep.equal([]);
    expect(medway.body.membersOnly).to.equal(undefined);
    const outsider = await get(OUTSIDER, `?channel=${encodeURIComponent(MEDWAY_CHANNEL)}`);
    expect(outsider.status).to.equal(200);
    expect(outsider.body.actions).to.deep.equal([]);
    expect(outsider.body.exportUrl).to.equal('');
    expect(outsider.body.membersOnly).to.contain('for its members only');
    // The default partnership is no more open than any other.
    const kent = await get(OUTSIDER);
    expect(kent.body.name).to.equal('Kent Community Safety Partnership');
    expect(kent.body.priorities).to.have.length(8);
    expect(kent.body.membersOnly).to.contain('for its members only');
  });

  it("knows a chair granted by @mention (a Teams id) by the Azure AD id in the tab's token, once they have written to the bot", async () => {
    const chair = { userId: '29:1medway-chair', aadObjectId: '5d5d5d5d-0000-4000-8000-00000000dddd' };
    await bot.app.store.update((d) => {
      d.partnerships['medway-csp']!.roles.push({
        userId: chair.userId,
        name: 'Mo Chair',
        role: 'chair',
        grantedBy: 'Ada Admin',
        grantedAt: '2026-11-24T09:00:00.000Z',
      });
    });
    expect(
      (await get(chair.aadObjectId, `?channel=${encodeURIComponent(MEDWAY_CHANNEL)}`)).body.membersOnly,
    ).to.contain('for its members only');
    const hello = {
      ...personalMessage('hello', { ...chair, userName: 'Mo Chair', tenantId: TENANT }),
      serviceUrl: bot.connector.url,
    };
    await postActivity(bot.messagesUrl, hello, {
      authorization: `Bearer ${await botKeys.sign({ serviceUrl: bot.connector.url })}`,
    });
    const page = await get(chair.aadObjectId, `?channel=${encodeURIComponent(MEDWAY_CHANNEL)}`);
    expect(page.status).to.equal(200);
    expect(page.body.membersOnly).to.equal(undefined);
  });
});
