/**
 * The SDK's authentication, with its outbound clients made once and reused. As shipped, every
 * turn builds a new ConnectorClient and UserTokenClient, each with its own HTTP pipeline of a
 * dozen policies: a third of what a turn allocates, for clients that differ only by the bot's app
 * id, the channel's service URL and the audience. Reusing them keeps turns' garbage, and so the
 * collector's pauses, small. A client holds no per-turn state; its credentials renew their own
 * token.
 */
import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import {
  AuthenticationConstants,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Activity } from 'botbuilder';

/**
 * Enough for every service URL and app id a deployment meets (Teams uses one URL per region);
 * an unauthenticated local bot can be sent any URL, so the cache forgets its oldest past this.
 */
const MOST_CLIENTS = 32;

/** Values made once per key; past `limit` keys the oldest is forgotten. */
class BoundedCache<T> {
  private readonly entries = new Map<string, T>();
  constructor(private readonly limit: number) {}

  get(key: string, make: () => T): T {
    const known = this.entries.get(key);
    if (known !== undefined) return known;
    const made = make();
    this.entries.set(key, made);
    if (this.entries.size > this.limit) this.entries.delete(this.entries.keys().next().value as string);
    return made;
  }

  /** A promise made once per key, made afresh next time if it failed (its credentials, say). */
  settled<V>(this: BoundedCache<Promise<V>>, key: string, make: () => Promise<V>): Promise<V> {
    return this.get(key, () => {
      const made = make();
      made.catch(() => {
        if (this.entries.get(key) === made) this.entries.delete(key);
      });
      return made;
    });
  }
}

/** The bot's app id as the SDK reads it from a turn's claims: the audience, or the emulator's app id. */
function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ''
  );
}

/** A connector factory whose clients are made once per service URL and audience. */
export class ReusingConnectorFactory implements ConnectorFactory {
  private readonly clients = new BoundedCache<Promise<ConnectorClient>>(MOST_CLIENTS);
  constructor(private readonly factory: ConnectorFactory) {}

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.settled(`${serviceUrl}\n${audience ?? ''}`, () => this.factory.create(serviceUrl, audience));
  }
}

export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly factories = new BoundedCache<ConnectorFactory>(MOST_CLIENTS);
  private readonly tokenClients = new BoundedCache<Promise<UserTokenClient>>(MOST_CLIENTS);

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    const result = await super.authenticateRequest(activity, authHeader);
    const made = result.connectorFactory;
    if (!made) return result;
    return {
      ...result,
      connectorFactory: this.factories.get(appIdOf(result.claimsIdentity), () => new ReusingConnectorFactory(made)),
    };
  }

  override createConnectorFactory(identity: ClaimsIdentity): ConnectorFactory {
    return this.factories.get(
      appIdOf(identity),
      () => new ReusingConnectorFactory(super.createConnectorFactory(identity)),
    );
  }

  override createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.tokenClients.settled(appIdOf(identity), () => super.createUserTokenClient(identity));
  }
}
