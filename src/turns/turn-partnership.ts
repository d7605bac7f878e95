/**
 * Which partnership a turn belongs to (see core/partnerships/resolve-partnership.ts), and what the
 * bot keeps of the member once they have used it: their personal chat, where overdue reminders
 * reach them, and the partnerships in whose channels they write, for that chat.
 */
import { resolvePartnership, type ResolvedPartnership } from '../core/partnerships/resolve-partnership.js';
import type { PartnershipRecords } from './ports.js';
import type { Turn } from './turn.js';

export function resolveTurn(records: PartnershipRecords, turn: Turn): ResolvedPartnership {
  const ref = turn.input.conversation;
  return resolvePartnership(records.directory(), {
    userIds: turn.input.actor.ids,
    ...(ref?.conversationId ? { conversationId: ref.conversationId } : {}),
    ...(ref?.conversationType ? { conversationType: ref.conversationType } : {}),
    ...(ref?.teamId ? { teamId: ref.teamId } : {}),
  });
}

/**
 * Called once a turn has done what was asked (never on a refused or invalid request, which must
 * change nothing). `resolved` is given for members only: writing in a partnership's channel makes
 * them known there.
 */
export async function rememberMember(
  records: PartnershipRecords,
  turn: Turn,
  resolved?: ResolvedPartnership,
): Promise<void> {
  const { actor, conversation: ref } = turn.input;
  if (ref?.userId && !records.knowsConversation(ref.conversationId)) await records.rememberConversation(ref);
  const { aadObjectId: aadId, teamsId } = turn.from;
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
