/**
 * Links to exports: the actions CSV of a partnership, and the whole-store backup for an admin.
 * Each is signed with an HMAC over its kind, the partnership and the expiry, so that nobody can
 * guess one, extend it or turn one kind into the other, and checked in constant time. The key comes
 * from the configuration (or is made at start-up, so links then die with a restart).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const EXPORT_PATHS = { actions: '/exports/actions.csv', backup: '/exports/backup.json' } as const;
export type ExportKind = keyof typeof EXPORT_PATHS;

/** What a backup link signs for instead of one partnership: every one. */
export const WHOLE_STORE = '*';

const ASK_AGAIN: Record<ExportKind, string> = { actions: 'export actions', backup: 'export the store' };

function signature(key: string, kind: ExportKind, partnershipId: string, expires: number): string {
  // "actions-export" is what actions links signed before backups existed, so those stay valid.
  return createHmac('sha256', key).update(`${kind}-export\n${partnershipId}\n${expires}`).digest('base64url');
}

/** The path and query of a link valid until `expiresAt`. */
export function signExportLink(
  key: string,
  partnershipId: string,
  expiresAt: Date,
  kind: ExportKind = 'actions',
): string {
  const expires = Math.floor(expiresAt.getTime() / 1000);
  const query = new URLSearchParams({
    p: partnershipId,
    exp: String(expires),
    sig: signature(key, kind, partnershipId, expires),
  });
  return `${EXPORT_PATHS[kind]}?${query.toString()}`;
}

export type LinkCheck = { ok: true; partnershipId: string } | { ok: false; status: 403 | 410; reason: string };

export function checkExportLink(
  key: string,
  query: { p?: unknown; exp?: unknown; sig?: unknown },
  now: Date,
  kind: ExportKind = 'actions',
): LinkCheck {
  const partnershipId = typeof query.p === 'string' ? query.p : '';
  const expires = Number(query.exp);
  const given = Buffer.from(typeof query.sig === 'string' ? query.sig : '');
  const expected = Buffer.from(signature(key, kind, partnershipId, expires));
  if (
    !partnershipId ||
    !Number.isInteger(expires) ||
    given.length !== expected.length ||
    !timingSafeEqual(given, expected)
  ) {
    return {
      ok: false,
      status: 403,
      reason: `This export link is not valid. Ask the bot to "${ASK_AGAIN[kind]}" again.`,
    };
  }
  if (expires * 1000 < now.getTime())
    return {
      ok: false,
      status: 410,
      reason: `This export link has expired. Ask the bot to "${ASK_AGAIN[kind]}" again.`,
    };
  return { ok: true, partnershipId };
}
