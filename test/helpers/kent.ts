/** A fresh copy of the default Kent partnership, with the given members holding roles. */
import type { Partnership, Role } from '../../src/core/model/model.js';
import { loadDefaultStore } from '../../src/store/default-store.js';

const DEFAULT_STORE = loadDefaultStore();

export function kentWith(roles: { userId: string; name: string; role: Role }[] = []): Partnership {
  const partnership = structuredClone(DEFAULT_STORE.partnerships['kent-csp']!);
  partnership.roles = roles.map((r) => ({ ...r, grantedBy: 'test', grantedAt: '2026-11-24T09:00:00.000Z' }));
  return partnership;
}
