import { expect } from 'chai';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, describeConfigSource, loadConfig, readEnvFile } from '../src/config.js';
import { makeTempFolder } from './helpers/temp-folder.js';

const APP_ID = '00000000-0000-0000-0000-000000000001';
const TENANT_ID = '72f988bf-0000-4000-8000-0000c5a1f00d';
const MSI_CLIENT_ID = '3c3c3c3c-1111-4222-8333-444444444444';
const TAB_APP_ID = '7d7d7d7d-1111-4222-8333-444444444444';

function problemsOf(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).to.be.instanceOf(ConfigError);
    return (error as ConfigError).problems.join('\n');
  }
  return expect.fail('should have thrown');
}

describe('config', () => {
  it('defaults to local mode on port 3978 with the default data file', () => {
    const config = loadConfig({});
    expect(config.port).to.equal(3978);
    expect(config.dataFile).to.equal('data/runtime/store.json');
    expect(config.localMode).to.equal(true);
    expect(config.host).to.equal('127.0.0.1');
  });

  it('runs authenticated, single-tenant by default, when an app id, secret and tenant are set', () => {
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppTenantId: TENANT_ID,
      PORT: '4000',
    });
    expect(config.localMode).to.equal(false);
    expect(config.port).to.equal(4000);
    expect(config.host).to.equal('0.0.0.0');
    expect(config.botAuth.MicrosoftAppType).to.equal('SingleTenant');
    expect(config.tabSsoAppId).to.equal(APP_ID);
  });

  it('asks for the tenant when the default single-tenant registration has none', () => {
    expect(problemsOf({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret' })).to.contain(
      'MicrosoftAppTenantId: required',
    );
  });

  it('still accepts an older multi-tenant registration without a tenant', () => {
    const config = loadConfig({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'secret',
      MicrosoftAppType: 'MultiTenant',
    });
    expect(config.botAuth.MicrosoftAppType).to.equal('MultiTenant');
  });

  it('lists every problem at once', () => {
    const problems = problemsOf({ MicrosoftAppId: 'not-a-guid', MicrosoftAppType: 'SingleTenant' });
    expect(problems).to.contain('MicrosoftAppId');
    expect(problems).to.contain('MicrosoftAppPassword');
    expect(problems).to.contain('MicrosoftAppTenantId');
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).to.throw(ConfigError, /PORT/);
  });

  describe('a user-assigned managed identity for the bot', () => {
    const msi = { MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppId: MSI_CLIENT_ID, MicrosoftAppTenantId: TENANT_ID };

    it('needs no secret, and the tab signs members in with its own app registration', () => {
      const config = loadConfig({ ...msi, TAB_SSO_APP_ID: TAB_APP_ID });
      expect(config.localMode).to.equal(false);
      expect(config.botAuth).to.include({
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppId: MSI_CLIENT_ID,
        MicrosoftAppPassword: '',
        MicrosoftAppTenantId: TENANT_ID,
      });
      expect(config.tabSsoAppId).to.equal(TAB_APP_ID);
    });

    it('refuses a secret, a missing tenant and a missing tab app registration, all at once', () => {
      const problems = problemsOf({
        MicrosoftAppType: 'UserAssignedMSI',
        MicrosoftAppId: MSI_CLIENT_ID,
        MicrosoftAppPassword: 'a secret',
      });
      expect(problems).to.contain('MicrosoftAppPassword: must be empty');
      expect(problems).to.contain('MicrosoftAppTenantId: required');
      expect(problems).to.contain('TAB_SSO_APP_ID: required');
    });

    it('refuses a tab app id that is not a GUID', () => {
      expect(problemsOf({ ...msi, TAB_SSO_APP_ID: 'api://csp-bot.example.org' })).to.contain(
        'TAB_SSO_APP_ID: must be the client id',
      );
    });
  });

  describe('.env', () => {
    const folder = makeTempFolder('csp-dotenv-');
    after(() => folder.remove());

    it('fills what the environment does not set, keeps what it does, and says which names came from the file', () => {
      const file = path.join(folder.path, '.env');
      writeFileSync(file, `# comment\nMicrosoftAppId=${APP_ID}\nBOT_NAME="Kent CSP bot"\nPORT=5000\n`);
      const env: NodeJS.ProcessEnv = { PORT: '4000' };
      const source = readEnvFile(file, env);
      expect(env).to.deep.equal({ PORT: '4000', MicrosoftAppId: APP_ID, BOT_NAME: 'Kent CSP bot' });
      expect(source.envFile).to.equal(file);
      expect(source.fromFile).to.have.members(['MicrosoftAppId', 'BOT_NAME']);
      expect(source.overridden).to.deep.equal(['PORT']);
      expect(describeConfigSource(source))
        .to.contain(file)
        .and.contain('MicrosoftAppId')
        .and.contain('kept for PORT')
        .and.not.contain('Kent CSP bot');
    });

    it('leaves the environment alone when there is no file', () => {
      const env: NodeJS.ProcessEnv = { PORT: '4000' };
      const source = readEnvFile(path.join(folder.path, 'missing.env'), env);
      expect(env).to.deep.equal({ PORT: '4000' });
      expect(describeConfigSource(source)).to.equal('configuration from the environment only (no .env file)');
    });
  });
});
