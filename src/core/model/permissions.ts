/**
 * Who may do what in a partnership. Roles are held per partnership in the store; bootstrap
 * admins come from the configuration and may do everything. Refusals say who can, politely.
 */
import type { Partnership, Role } from './model.js';

/** The member behind a turn, as the channel identifies them. */
export interface Actor {
  /** Azure AD object id where the channel gives one, else the channel's user id. */
  id: string;
  /** Every id the channel gives for them (AAD object id, Teams user id): a role granted by @mention uses the latter. */
  ids: readonly string[];
  name: string;
  isAdmin: boolean;
}

export type Permission =
  | 'record-resolutions'
  | 'grant-roles'
  | 'link-channels'
  | 'manage-agendas'
  | 'manage-actions'
  | 'update-actions'
  | 'manage-priorities'
  | 'manage-partnerships';

const ALLOWED: Record<Permission, readonly Role[]> = {
  'record-resolutions': ['chair', 'secretariat'],
  'link-channels': ['chair', 'secretariat'],
  'manage-agendas': ['chair', 'secretariat'],
  // Confirming the importer's draft actions; everyone may log actions and update their own.
  'manage-actions': ['chair', 'secretariat'],
  // Updating or dropping an action someone else owns: officers follow actions up for the partnership.
  'update-actions': ['chair', 'secretariat', 'officer'],
  'manage-priorities': ['chair', 'secretariat'],
  // Only bootstrap admins grant roles and create partnerships.
  'grant-roles': [],
  'manage-partnerships': [],
};

const ROLE_NAMES: Record<Role, string> = {
  chair: 'the chair',
  secretariat: 'the secretariat',
  officer: 'officers',
  member: 'members',
};

export function roleOf(partnership: Partnership, actor: Actor): Role | null {
  return partnership.roles.find((r) => actor.ids.includes(r.userId))?.role ?? null;
}

export function may(partnership: Partnership, actor: Actor, permission: Permission): boolean {
  if (actor.isAdmin) return true;
  const role = roleOf(partnership, actor);
  return role !== null && ALLOWED[permission].includes(role);
}

/** "the chair or the secretariat" */
export function whoMay(permission: Permission): string {
  const names = ALLOWED[permission].map((r) => ROLE_NAMES[r]);
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} or ${names.at(-1)}` : (names[0] ?? 'an admin');
}
