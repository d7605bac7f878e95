import { expect } from 'chai';
import {
  ClaimsIdentity,
  AuthenticationConstants,
  type ConnectorClient,
  type ConnectorFactory,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';
import { ReusingBotFrameworkAuthentication, ReusingConnectorFactory } from '../../src/bot/reused-clients.js';

const identity = (appId: string) =>
  new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);
const SERVICE = 'https://smba.trafficmanager.net/uk/';
/** Where a client sends (the SDK keeps it protected). */
const baseOf = (client: ConnectorClient): string => (client as unknown as { baseUri: string }).baseUri;

describe('bot: outbound clients made once and reused', () => {
  it('gives every turn of a bot the same connector client for a service URL, and another for another URL', async () => {
    // Local mode (no app id): the SDK's own credentials, no token service needed.
    const auth = new ReusingBotFrameworkAuthentication({});
    const activity = { type: 'message', serviceUrl: SERVICE, channelId: 'msteams' } as Activity;
    const first = await auth.authenticateRequest(activity, '');
    const second = await auth.authenticateRequest(activity, '');
    expect(second.connectorFactory).to.equal(first.connectorFactory);
    const client = await first.connectorFactory!.create(SERVICE, first.audience);
    expect(await second.connectorFactory!.create(SERVICE, second.audience)).to.equal(client);
    expect(baseOf(client)).to.equal(SERVICE);
    const other = await first.connectorFactory!.create('https://smba.trafficmanager.net/emea/', first.audience);
    expect(other).to.not.equal(client);
    expect(baseOf(other)).to.equal('https://smba.trafficmanager.net/emea/');
  });

  it('keeps one factory and one token client per app id, for proactive turns too', async () => {
    const auth = new ReusingBotFrameworkAuthentication({});
    expect(auth.createConnectorFactory(identity('a'))).to.equal(auth.createConnectorFactory(identity('a')));
    expect(auth.createConnectorFactory(identity('a'))).to.not.equal(auth.createConnectorFactory(identity('b')));
    expect(await auth.createUserTokenClient(identity('a'))).to.equal(await auth.createUserTokenClient(identity('a')));
  });

  it('makes a client afresh after one failed to be made, and forgets the oldest past its bound', async () => {
    let made = 0;
    let failNext = true;
    const inner: ConnectorFactory = {
      create: async (serviceUrl: string) => {
        made++;
        if (failNext) {
          failNext = false;
          throw new Error('no token');
        }
        return { baseUri: serviceUrl } as unknown as ConnectorClient;
      },
    };
    const factory = new ReusingConnectorFactory(inner);
    await factory.create(SERVICE).then(
      () => expect.fail('the failure reaches the turn'),
      (error: Error) => expect(error.message).to.equal('no token'),
    );
    const client = await factory.create(SERVICE);
    expect(baseOf(client)).to.equal(SERVICE);
    expect(await factory.create(SERVICE)).to.equal(client);
    expect(made).to.equal(2);
    for (let i = 0; i < 40; i++) await factory.create(`https://example.org/${i}/`);
    expect(made).to.equal(42);
    // Past the bound the first URL's client was forgotten, so it is made again.
    await factory.create(SERVICE);
    expect(made).to.equal(43);
  });
});
