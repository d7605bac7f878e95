import { expect } from 'chai';
import { ConfigError, loadConfig } from '../src/config.js';

describe('config', () => {
  it('defaults to local mode on port 3978 with the default data file', () => {
    const config = loadConfig({});
    expect(config.port).to.equal(3978);
    expect(config.dataFile).to.equal('data/runtime/store.json');
    expect(config.localMode).to.equal(true);
    expect(config.host).to.equal('127.0.0.1');
  });

  it('runs authenticated when an app id and secret are set', () => {
    const config = loadConfig({ MicrosoftAppId: '00000000-0000-0000-0000-000000000001', MicrosoftAppPassword: 'secret', PORT: '4000' });
    expect(config.localMode).to.equal(false);
    expect(config.port).to.equal(4000);
    expect(config.host).to.equal('0.0.0.0');
  });

  it('lists every problem at once', () => {
    try {
      loadConfig({ MicrosoftAppId: 'not-a-guid', MicrosoftAppType: 'SingleTenant' });
      expect.fail('should have thrown');
    } catch (error) {
      expect(error).to.be.instanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).to.contain('MicrosoftAppId');
      expect(problems).to.contain('MicrosoftAppPassword');
      expect(problems).to.contain('MicrosoftAppTenantId');
    }
  });

  it('refuses a port that is not a number', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).to.throw(ConfigError, /PORT/);
  });
});
