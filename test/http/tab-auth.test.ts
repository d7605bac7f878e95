import { expect } from 'chai';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { startRunningBot, type RunningBot } from '../helpers/running-bot.js';
import { personalMessage } from '../helpers/teams-activities.js';

const MSI_CLIENT_ID = '3c3c3c3c-1111-4222-8333-444444444444';
const TAB_APP_ID = '7d7d7d7d-1111-4222-8333-444444444444';
const TENANT = '72f988bf-0000-4000-8000-0000c5a1f00d';

/** A bot signed in as a user-assigned managed identity still serves the tab, through the tab's own app registration. */
describe('Partnership tab: SSO with its own app registration beside a managed-identity bot', () => {
  let bot: RunningBot;
  let privateKey: CryptoKey;
  const status = async (audience: string) => {
    const jwt = await new SignJWT({
      tid: TENANT,
      oid: '5e5e5e5e-0000-4000-8000-00000000eeee',
      aud: audience,
      iss: `https://login.microsoftonline.com/${TENANT}/v2.0`,
    })
      .setProtectedHeader({ alg: 'RS256', kid: 'k' })
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(privateKey);
    return (await fetch(`${bot.app.url}/api/tab/partnership`, { headers: { authorization: `Bearer ${jwt}` } })).status;
  };

  before(async () => {
    const pair = await generateKeyPair('RS256');
    privateKey = pair.privateKey as CryptoKey;
    const jwk: JWK = { ...(await exportJWK(pair.publicKey)), kid: 'k', alg: 'RS256', use: 'sig' };
    bot = await startRunningBot(
      {
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppId: MSI_CLIENT_ID,
        MicrosoftAppTenantId: TENANT,
        TAB_SSO_APP_ID: TAB_APP_ID,
        PUBLIC_BASE_URL: 'https://csp-bot.example.org',
      },
      { tabKeys: createLocalJWKSet({ keys: [jwk] }) },
    );
  });
  after(async () => bot.stop());

  it('accepts tokens for the tab app registration, by client id or by its api:// resource', async () => {
    expect(await status(TAB_APP_ID)).to.equal(200);
    expect(await status(`api://csp-bot.example.org/${TAB_APP_ID}`)).to.equal(200);
  });

  it('refuses tokens issued for the managed identity or anything else', async () => {
    expect(await status(MSI_CLIENT_ID)).to.equal(401);
    expect(await status(`api://csp-bot.example.org/${MSI_CLIENT_ID}`)).to.equal(401);
  });

  it('refuses unauthenticated Bot Framework requests', async () => {
    const response = await fetch(`${bot.app.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...personalMessage('hello'), serviceUrl: bot.connector.url }),
    });
    expect(response.status).to.equal(401);
  });
});
