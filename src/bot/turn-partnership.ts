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

export function resolveTurn(records: PartnershipRecords, activity: Partial<Activity>, actor: Actor): ResolvedPartnership {
  const ref = conversationRefOf(activity);
  return resolvePartnership(records.directory(), {
    userIds: actor.ids,
    ...(ref?.conversationId ? { conversationId: ref.conversationId } : {}),
    ...(ref?.conversationType ? { conversationType: ref.conversationType } : {}),
    ...(ref?.teamId ? { teamId: ref.teamId } : {}),
  });
}

/** Called once a turn has done what was asked (never on a refused or invalid request, which must change nothing). */
export async function rememberMember(records: PartnershipRecords, activity: Partial<Activity>, actor: Actor, resolved?: ResolvedPartnership): Promise<void> {
  const ref = conversationRefOf(activity);
  if (ref?.userId && !records.knowsConversation(ref.conversationId)) await records.rememberConversation(ref);
  if (!resolved || !('via' in resolved) || (resolved.via !== 'channel' && resolved.via !== 'team') || actor.id === 'unknown') return;
  const pid = resolved.partnership.id;
  if (records.directory().memberships[actor.id]?.seenIn.includes(pid)) return;
  await records.updateDirectory(
    (d) => {
      const seenIn = d.memberships[actor.id]?.seenIn ?? [];
      if (!seenIn.includes(pid)) d.memberships[actor.id] = { ...d.memberships[actor.id], seenIn: [...seenIn, pid] };
    },
    () => [],
  );
}
