import { expect } from 'chai';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
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
    const body = (await response.json()) as { name: string; localMode: boolean; priorities: { name: string; leads: string[] }[]; exportUrl: string };
    expect(response.status).to.equal(200);
    expect(body.name).to.equal('Kent Community Safety Partnership');
    expect(body.localMode).to.equal(true);
    expect(body.priorities).to.have.length(8);
    expect(body.priorities.find((p) => p.name === 'Road Safety')?.leads[0]).to.contain('Martin Adams');
    expect(body.exportUrl).to.contain('/exports/actions.csv?');
  });
});

describe('Partnership tab: API with Teams SSO in production', () => {
  let bot: RunningBot;
  let privateKey: CryptoKey;
  let otherKey: CryptoKey;
  const token = (claims: Record<string, unknown>, key: CryptoKey = privateKey, expires = '10m') =>
    new SignJWT({ tid: TENANT, ...claims }).setProtectedHeader({ alg: 'RS256', kid: 'test-key' }).setIssuedAt().setExpirationTime(expires).sign(key);
  const get = async (authorization?: string) => (await fetch(`${bot.app.url}/api/tab/partnership`, { headers: authorization ? { authorization } : {} })).status;

  before(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    otherKey = (await generateKeyPair('RS256')).privateKey as CryptoKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
    bot = await startRunningBot(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused', MicrosoftAppTenantId: TENANT, PUBLIC_BASE_URL: 'https://csp-bot.example.org', ALLOWED_TENANTS: TENANT },
      { tabKeys: createLocalJWKSet({ keys: [jwk] }) },
    );
  });
  after(async () => bot.stop());

  it('accepts a valid token for this app from an allowed tenant', async () => {
    expect(await get(`Bearer ${await token({ aud: `api://csp-bot.example.org/${APP_ID}`, iss: `https://login.microsoftonline.com/${TENANT}/v2.0` })}`)).to.equal(200);
    expect(await get(`Bearer ${await token({ aud: APP_ID, iss: `https://sts.windows.net/${TENANT}/` })}`)).to.equal(200);
  });

  it('rejects a missing, expired, wrongly signed, wrong-audience, wrong-issuer or other-tenant token with 401', async () => {
    const iss = `https://login.microsoftonline.com/${TENANT}/v2.0`;
    expect(await get()).to.equal(401);
    expect(await get(`Bearer ${await token({ aud: APP_ID, iss }, privateKey, '-5m')}`)).to.equal(401);
    expect(await get(`Bearer ${await token({ aud: APP_ID, iss }, otherKey)}`)).to.equal(401);
    expect(await get(`Bearer ${await token({ aud: 'api://someone-else', iss })}`)).to.equal(401);
    expect(await get(`Bearer ${await token({ aud: APP_ID, iss: 'https://evil.example/' })}`)).to.equal(401);
    expect(await get(`Bearer ${await token({ aud: APP_ID, iss: 'https://login.microsoftonline.com/00000000-0000-4000-8000-000000000000/v2.0', tid: '00000000-0000-4000-8000-000000000000' })}`)).to.equal(401);
  });
});

describe('Partnership tab: each channel\'s own partnership', () => {
  let bot: RunningBot;
  let privateKey: CryptoKey;
  const MEDWAY_CHANNEL = '19:medwayBoard00000000000000001@thread.tacv2';
  const MEMBER = '5a5a5a5a-0000-4000-8000-00000000aaaa';
  const OUTSIDER = '5b5b5b5b-0000-4000-8000-00000000bbbb';
  const get = async (oid: string, query = '') => {
    const jwt = await new SignJWT({ tid: TENANT, oid, aud: APP_ID, iss: `https://login.microsoftonline.com/${TENANT}/v2.0` }).setProtectedHeader({ alg: 'RS256', kid: 'k' }).setIssuedAt().setExpirationTime('10m').sign(privateKey);
    const response = await fetch(`${bot.app.url}/api/tab/partnership${query}`, { headers: { authorization: `Bearer ${jwt}` } });
    return { status: response.status, body: (await response.json()) as { name?: string; priorities?: unknown[] } };
  };

  before(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'RS256', use: 'sig' };
    bot = await startRunningBot({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'unused', MicrosoftAppTenantId: TENANT, ALLOWED_TENANTS: TENANT }, { tabKeys: createLocalJWKSet({ keys: [jwk] }) });
    await bot.app.store.update((d) => {
      const kent = d.partnerships['kent-csp']!;
      d.partnerships['medway-csp'] = { ...structuredClone(kent), id: 'medway-csp', name: 'Medway Community Safety Partnership', shortName: 'Medway CSP', priorityYears: [], priorityChanges: [], agendas: [], roles: [], changes: [] };
      d.partnerships['medway-csp'].channels = [{ ref: { conversationId: MEDWAY_CHANNEL, serviceUrl: 'https://smba.trafficmanager.net/uk/', channelId: 'msteams', conversationType: 'channel', botId: '28:bot' }, linkedBy: 'Ada Admin', linkedAt: '2026-11-24T09:00:00.000Z' }];
      d.memberships[MEMBER] = { seenIn: ['medway-csp'] };
    });
  });
  after(async () => bot.stop());

  it('shows the partnership of the channel the tab is in, to its members only', async () => {
    const medway = await get(MEMBER, `?channel=${encodeURIComponent(MEDWAY_CHANNEL)}`);
    expect(medway.status).to.equal(200);
    expect(medway.body.name).to.equal('Medway Community Safety Partnership');
    expect(medway.body.priorities).to.deep.equal([]);
    expect((await get(OUTSIDER, `?channel=${encodeURIComponent(MEDWAY_CHANNEL)}`)).status).to.equal(403);
    expect((await get(OUTSIDER)).body.name).to.equal('Kent Community Safety Partnership');
  });
});
