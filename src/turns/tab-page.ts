/**
 * The tab's page for whoever opened it, by the same rule as chat: members see the tracker and
 * everything chat tells them; anyone else signed in from an allowed tenant sees what the
 * partnership publishes (see core/partnerships/membership.ts).
 */
import type { Actor } from '../core/model/permissions.js';
import type { PartnershipDirectory } from '../core/model/model.js';
import { isPartnershipMember, membersOnly, publishedRecords } from '../core/partnerships/membership.js';
import { linkedPartnership } from '../core/partnerships/resolve-partnership.js';
import { partnershipPage } from '../core/tab/partnership-page.js';
import type { ActionRecords, PartnershipRecords } from './ports.js';

export interface TabPageOptions {
  records: PartnershipRecords;
  actions: ActionRecords;
  /** Local development: no sign-in, everything shown. */
  localMode: boolean;
  admins: readonly string[];
  clock: () => Date;
}

/** Where the tab was opened, and who opened it (their Azure AD object id, from the SSO token). */
export interface TabViewer {
  channel?: string;
  team?: string;
  userId?: string;
}

// A tab's token names the member by Azure AD object id; roles granted by @mention hold their Teams id, learnt beside it from their messages.
function tabActor(directory: PartnershipDirectory, oid: string, admins: readonly string[]): Actor {
  const teamsId = directory.memberships[oid]?.teamsUserId;
  return { id: oid, ids: teamsId ? [oid, teamsId] : [oid], name: '', isAdmin: admins.includes(oid) };
}

export function tabPage(options: TabPageOptions, where: TabViewer): Record<string, unknown> {
  const { records, actions, localMode, admins, clock } = options;
  const directory = records.directory();
  const linked = linkedPartnership(directory, {
    userIds: [],
    ...(where.channel ? { conversationId: where.channel } : {}),
    ...(where.team ? { teamId: where.team } : {}),
  });
  const partnership = linked?.partnership ?? records.partnership();
  if (!partnership) return {};
  if (
    localMode ||
    (where.userId !== undefined &&
      isPartnershipMember(directory, partnership, tabActor(directory, where.userId, admins)))
  )
    return {
      ...partnershipPage(partnership, actions.view(partnership.id).all(), clock()),
      exportUrl: actions.exportLink(partnership.id).url,
      localMode,
    };
  return {
    ...partnershipPage(publishedRecords(partnership), [], clock()),
    exportUrl: '',
    localMode: false,
    membersOnly: membersOnly(partnership).summary,
  };
}
