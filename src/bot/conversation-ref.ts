/**
 * The plain conversation reference the domain stores, from a Teams activity: the channel itself
 * (not the reply thread a message sits in), with team and channel names for people to read.
 */
import type { Activity } from 'botbuilder';
import type { ConversationRef } from '../core/model/model.js';

interface TeamsChannelData {
  tenant?: { id?: string };
  team?: { id?: string; name?: string };
  channel?: { id?: string; name?: string };
}

export function conversationRefOf(activity: Partial<Activity>): ConversationRef | undefined {
  const conversation = activity.conversation;
  if (!conversation?.id || !activity.serviceUrl || !activity.channelId) return undefined;
  const data = (activity.channelData ?? {}) as TeamsChannelData;
  const isChannel = conversation.conversationType === 'channel' || data.channel?.id !== undefined;
  const conversationId = isChannel
    ? (data.channel?.id ?? conversation.id.split(';')[0] ?? conversation.id)
    : conversation.id;
  const tenantId = data.tenant?.id ?? conversation.tenantId;
  return {
    conversationId,
    serviceUrl: activity.serviceUrl,
    channelId: activity.channelId,
    conversationType: isChannel ? 'channel' : (conversation.conversationType ?? 'personal'),
    botId: activity.recipient?.id ?? '',
    ...(activity.recipient?.name ? { botName: activity.recipient.name } : {}),
    ...(tenantId ? { tenantId } : {}),
    ...(data.team?.id ? { teamId: data.team.id } : {}),
    ...(data.team?.name ? { teamName: data.team.name } : {}),
    ...(data.channel?.name ? { channelName: data.channel.name } : {}),
    ...(!isChannel && conversation.conversationType === 'personal' && activity.from?.id
      ? { userId: activity.from.id }
      : {}),
  };
}
