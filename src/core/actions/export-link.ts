/**
 * Links to the actions export: signed with an HMAC over the partnership and the expiry, so that
 * nobody can guess or extend one, and checked in constant time. The key comes from the
 * configuration (or is made at start-up, so links then die with a restart).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const EXPORT_PATH = '/exports/actions.csv';

function signature(key: string, partnershipId: string, expires: number): string {
  return createHmac('sha256', key).update(`actions-export\n${partnershipId}\n${expires}`).digest('base64url');
}

/** The path and query of a link valid until `expiresAt`. */
export function signExportLink(key: string, partnershipId: string, expiresAt: Date): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({ p: partnershipId, exp: String(expires), sig: signature(key, partnershipId, expires) });
  return `${EXPORT_PATH}?${query.toString()}`;
}

export type LinkCheck = { ok: true; partnershipId: string } | { ok: false; status: 403 | 410; reason: string };

export function checkExportLink(key: string, query: { p?: unknown; exp?: unknown; sig?: unknown }, now: Date): LinkCheck {
  const partnershipId = typeof query.p === 'string' ? query.p : '';
  const expires = Number(query.exp);
  const given = Buffer.from(typeof query.sig === 'string' ? query.sig : '');
  const expected = Buffer.from(signature(key, partnershipId, expires));
  if (!partnershipId || !Number.isInteger(expires) || given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, status: 403, reason: 'This export link is not valid. Ask the bot to "export actions" again.' };
  }
  if (expires * 1000 < now.getTime()) return { ok: false, status: 410, reason: 'This export link has expired. Ask the bot to "export actions" again.' };
  return { ok: true, partnershipId };
}
