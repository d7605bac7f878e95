/** Who a Teams activity is from, and whom it @mentions, as the domain names them. */
import type { Activity } from 'botbuilder';
import type { Mention } from '../core/commands/command.js';
import type { Actor } from '../core/model/permissions.js';

export function actorOf(activity: Partial<Activity>, admins: ReadonlySet<string>): Actor {
  const from = activity.from ?? { id: 'unknown', name: '' };
  const ids = [from.aadObjectId, from.id].filter((id): id is string => Boolean(id));
  return {
    id: ids[0] ?? 'unknown',
    ids,
    name: from.name || 'there',
    isAdmin: from.aadObjectId !== undefined && admins.has(from.aadObjectId),
  };
}

/** People @mentioned in the message, other than the bot. */
export function mentionsOf(activity: Partial<Activity>): Mention[] {
  const botId = activity.recipient?.id;
  return (activity.entities ?? [])
    .filter((e) => e.type === 'mention')
    .map((e) => (e as { mentioned?: { id?: string; name?: string } }).mentioned)
    .filter((m): m is { id: string; name: string } => typeof m?.id === 'string' && m.id !== botId)
    .map((m) => ({ id: m.id, name: m.name ?? m.id }));
}
