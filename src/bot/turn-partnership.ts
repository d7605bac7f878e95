/**
 * Which partnership a Teams turn belongs to (see core/partnerships/resolve-partnership.ts), and
 * what the bot keeps of the member once they have used it: their personal chat, where overdue
 * reminders reach them, and the partnerships in whose channels they write, for that chat.
 */
import type { Activity } from 'botbuilder';
import { resolvePartnership, type ResolvedPartnership } from '../core/partnerships/resolve-partnership.js';
import type { Actor } from '../core/roles/permissions.js';
import { conversationRefOf } from './conversation-ref.js';
import type { PartnershipRecords } from './partnership-bot.js';

export function resolveTurn(
  records: PartnershipRecords,
  activity: Partial<Activity>,
  actor: Actor,
): ResolvedPartnership {
  const ref = conversationRefOf(activity);
  return resolvePartnership(records.directory(), {
    userIds: actor.ids,
    ...(ref?.conversationId ? { conversationId: ref.conversationId } : {}),
    ...(ref?.conversationType ? { conversationType: ref.conversationType } : {}),
    ...(ref?.teamId ? { teamId: ref.teamId } : {}),
  });
}

/** Called once a turn has done what was asked (never on a refused or invalid request, which must change nothing). */
export async function rememberMember(
  records: PartnershipRecords,
  activity: Partial<Activity>,
  actor: Actor,
  resolved?: ResolvedPartnership,
): Promise<void> {
  const ref = conversationRefOf(activity);
  if (ref?.userId && !records.knowsConversation(ref.conversationId)) await records.rememberConversation(ref);
  const aadId = activity.from?.aadObjectId;
  const teamsId = activity.from?.id;
  const channelPid =
    resolved && 'via' in resolved && (resolved.via === 'channel' || resolved.via === 'team') && actor.id !== 'unknown'
      ? resolved.partnership.id
      : undefined;
  const known = records.directory().memberships[actor.id];
  const learnsTeamsId =
    aadId !== undefined && teamsId !== undefined && aadId === actor.id && known?.teamsUserId !== teamsId;
  if (!learnsTeamsId && (channelPid === undefined || known?.seenIn.includes(channelPid))) return;
  await records.updateDirectory(
    (d) => {
      const current = d.memberships[actor.id] ?? { seenIn: [] };
      const seenIn =
        channelPid === undefined || current.seenIn.includes(channelPid)
          ? current.seenIn
          : [...current.seenIn, channelPid];
      d.memberships[actor.id] = { ...current, seenIn, ...(learnsTeamsId && teamsId ? { teamsUserId: teamsId } : {}) };
    },
    () => [],
  );
}
