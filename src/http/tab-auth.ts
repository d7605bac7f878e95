/**
 * Who may read the tab's API. In local mode anyone (the page says so). Otherwise each call needs
 * a Teams SSO token (`authentication.getAuthToken`): signed by Azure AD's keys, for this app
 * (audience), from Azure AD (issuer), not expired, and from an allowed tenant when a list is set.
 */
import { createRemoteJWKSet, jwtVerify, type JWTVerifyGetKey } from 'jose';

export type TabAuthResult = { ok: true; tenantId?: string; userId?: string } | { ok: false; reason: string };
export type TabAuth = (authorization: string | undefined) => Promise<TabAuthResult>;

export const AZURE_AD_KEYS = 'https://login.microsoftonline.com/common/discovery/v2.0/keys';
const AZURE_AD_ISSUER =
  /^https:\/\/(?:login\.microsoftonline\.com\/([0-9a-f-]{36})\/v2\.0|sts\.windows\.net\/([0-9a-f-]{36})\/)$/i;

export interface TabAuthOptions {
  localMode: boolean;
  /** The tab's app id and its SSO resource (api://host/app-id). */
  audiences: string[];
  /** Allowed tenant ids; empty allows any. */
  tenants: string[];
  /** Azure AD's signing keys; tests pass a local key set. */
  keys?: JWTVerifyGetKey;
}

export function createTabAuth(options: TabAuthOptions): TabAuth {
  if (options.localMode) return async () => ({ ok: true });
  const keys = options.keys ?? createRemoteJWKSet(new URL(AZURE_AD_KEYS));
  return async (authorization) => {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return { ok: false, reason: 'Sign-in needed: open the tab in Teams.' };
    try {
      const { payload } = await jwtVerify(token, keys, { audience: options.audiences, clockTolerance: 60 });
      const issuer = AZURE_AD_ISSUER.exec(String(payload.iss ?? ''));
      if (!issuer) return { ok: false, reason: 'The token does not come from Azure AD.' };
      const tenantId = String(payload.tid ?? issuer[1] ?? issuer[2] ?? '');
      if (options.tenants.length > 0 && !options.tenants.includes(tenantId))
        return { ok: false, reason: 'Your organisation is not allowed to use this partnership tab.' };
      // Membership goes by the member's object id: a token that does not name one cannot be checked.
      if (typeof payload.oid !== 'string' || payload.oid === '')
        return { ok: false, reason: 'The sign-in token does not say who you are.' };
      return { ok: true, tenantId, userId: payload.oid };
    } catch {
      return { ok: false, reason: 'The sign-in token is not valid or has expired.' };
    }
  };
}
