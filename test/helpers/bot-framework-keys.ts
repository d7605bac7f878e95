/**
 * A stand-in for the Bot Framework's token signing: an OpenID metadata document and a key set
 * served over HTTP in the shape login.botframework.com publishes them (with each key's channel
 * endorsements), and tokens signed the way the Bot Connector signs the activities it posts to a
 * bot: issuer https://api.botframework.com, the bot's app id as audience, a serviceurl claim.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';

export interface TokenClaims {
  audience?: string;
  issuer?: string;
  serviceUrl?: string;
  /** Seconds from now; negative for a token that has expired. */
  expiresIn?: number;
  /** Sign with a key that is not in the published set. */
  foreignKey?: boolean;
}

export interface BotFrameworkKeys {
  metadataUrl: string;
  sign(claims: TokenClaims): Promise<string>;
  /** A token with no signature at all (alg "none"). */
  unsigned(claims: TokenClaims): string;
  close(): Promise<void>;
}

const KEY_ID = 'local-bot-framework-key';

export async function startBotFrameworkKeys(appId: string): Promise<BotFrameworkKeys> {
  const published = await generateKeyPair('RS256', { extractable: true });
  const foreign = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(published.publicKey)), kid: KEY_ID, use: 'sig', endorsements: ['msteams'] };
  let base = '';
  const server: Server = createServer((req, res) => {
    const body =
      req.url === '/v1/.well-known/openidconfiguration'
        ? {
            issuer: 'https://api.botframework.com',
            jwks_uri: `${base}/v1/.well-known/keys`,
            id_token_signing_alg_values_supported: ['RS256'],
            token_endpoint_auth_methods_supported: ['private_key_jwt'],
          }
        : req.url === '/v1/.well-known/keys'
          ? { keys: [jwk] }
          : null;
    res.writeHead(body ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body ?? { error: 'not found' }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const payload = (claims: TokenClaims) => ({ serviceurl: claims.serviceUrl ?? '', ver: '1.0' });
  const times = (claims: TokenClaims) => {
    const now = Math.floor(Date.now() / 1000);
    return { iat: now - 60, exp: now + (claims.expiresIn ?? 3600) };
  };
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    async sign(claims) {
      const { iat, exp } = times(claims);
      const key: CryptoKey = claims.foreignKey ? foreign.privateKey : published.privateKey;
      return new SignJWT(payload(claims))
        .setProtectedHeader({ alg: 'RS256', kid: KEY_ID, typ: 'JWT' })
        .setIssuer(claims.issuer ?? 'https://api.botframework.com')
        .setAudience(claims.audience ?? appId)
        .setIssuedAt(iat)
        .setNotBefore(iat)
        .setExpirationTime(exp)
        .sign(key);
    },
    unsigned(claims) {
      const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const { iat, exp } = times(claims);
      return `${encode({ alg: 'none', typ: 'JWT', kid: KEY_ID })}.${encode({ ...payload(claims), iss: 'https://api.botframework.com', aud: claims.audience ?? appId, iat, nbf: iat, exp })}.`;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
