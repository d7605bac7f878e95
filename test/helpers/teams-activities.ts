/**
 * Builders for inbound activities shaped the way Microsoft Teams actually sends them: `msteams`
 * channel, `29:` user ids with an AAD object id, the bot as `28:<appId>`, tenant in both
 * `conversation` and `channelData`, and channel posts carrying the `<at>` mention text and matching
 * mention entity. Tests that feed the bot hand-rolled minimal activities miss exactly the details
 * (mention stripping, tenant lookup, thread ids with `;messageid=`) that break in production, so every
 * test and benchmark goes through these. Every field that identifies a person or place can be
 * overridden so tests can model several users, chats and tenants.
 */
import { randomUUID } from 'node:crypto';
import type { Activity, ChannelAccount, ConversationAccount, Entity } from 'botbuilder';

export type TeamsConversationKind = 'personal' | 'groupChat' | 'channel';

/** The wire form of an inbound activity: timestamps are ISO strings, as in the JSON Teams posts. */
export type InboundActivity = Omit<Partial<Activity>, 'timestamp' | 'localTimestamp'> & {
  type: string;
  id: string;
  timestamp: string;
  localTimestamp?: string;
};

export interface TeamsActivityOptions {
  serviceUrl?: string;
  userId?: string;
  userName?: string;
  aadObjectId?: string;
  botId?: string;
  botName?: string;
  tenantId?: string;
  conversationId?: string;
  /** Channel and team details, only meaningful for channel conversations and team installs. */
  teamId?: string;
  teamName?: string;
  channelId?: string;
  channelName?: string;
  activityId?: string;
  replyToId?: string;
  locale?: string;
}

export const DEFAULT_SERVICE_URL = 'https://smba.trafficmanager.net/uk/';
export const DEFAULT_TENANT_ID = '72f988bf-0000-4000-8000-0000c5a1f00d';
export const DEFAULT_BOT_ID = '00000000-0000-4000-8000-00000000b07d';
export const DEFAULT_BOT_NAME = 'CSP Assistant';
export const DEFAULT_TEAM_ID = '19:teamGeneral0000000000000000000@thread.tacv2';
export const DEFAULT_CHANNEL_ID = '19:cspChannel00000000000000000000@thread.tacv2';

let sequence = 0;

/** Teams message ids are epoch-millisecond strings; a counter keeps them unique within a fast test. */
function nextActivityId(): string {
  sequence += 1;
  return String(Date.now() * 1000 + (sequence % 1000));
}

function user(opts: TeamsActivityOptions): ChannelAccount {
  return {
    id: opts.userId ?? '29:1a2B3c4D5e6F-testuser-0001',
    name: opts.userName ?? 'Alex Officer',
    aadObjectId: opts.aadObjectId ?? '6b1d0c1e-0000-4000-8000-00000000a1e5',
    role: 'user',
  };
}

function bot(opts: TeamsActivityOptions): ChannelAccount {
  return { id: `28:${opts.botId ?? DEFAULT_BOT_ID}`, name: opts.botName ?? DEFAULT_BOT_NAME, role: 'bot' };
}

function conversationFor(
  kind: TeamsConversationKind,
  opts: TeamsActivityOptions,
  messageId: string,
): ConversationAccount {
  const tenantId = opts.tenantId ?? DEFAULT_TENANT_ID;
  switch (kind) {
    case 'personal':
      return {
        conversationType: 'personal',
        id: opts.conversationId ?? `a:1personalChat-${opts.userId ?? 'testuser-0001'}`,
        tenantId,
        isGroup: false,
        name: '',
      };
    case 'groupChat':
      return {
        conversationType: 'groupChat',
        id: opts.conversationId ?? '19:meeting-or-chat-0000000000000000@thread.v2',
        tenantId,
        isGroup: true,
        name: '',
      };
    case 'channel':
      return {
        conversationType: 'channel',
        // Replies in a channel thread are addressed to the root post, hence the `;messageid=` suffix.
        id: opts.conversationId ?? `${opts.channelId ?? DEFAULT_CHANNEL_ID};messageid=${messageId}`,
        tenantId,
        isGroup: true,
        name: '',
      };
  }
}

function channelDataFor(kind: TeamsConversationKind, opts: TeamsActivityOptions): Record<string, unknown> {
  const data: Record<string, unknown> = { tenant: { id: opts.tenantId ?? DEFAULT_TENANT_ID } };
  if (kind === 'channel') {
    data['teamsTeamId'] = opts.teamId ?? DEFAULT_TEAM_ID;
    data['teamsChannelId'] = opts.channelId ?? DEFAULT_CHANNEL_ID;
    data['team'] = { id: opts.teamId ?? DEFAULT_TEAM_ID, name: opts.teamName ?? 'Community Safety Partnership' };
    data['channel'] = { id: opts.channelId ?? DEFAULT_CHANNEL_ID, name: opts.channelName ?? 'Priorities' };
  }
  return data;
}

function baseActivity(type: string, kind: TeamsConversationKind, opts: TeamsActivityOptions): InboundActivity {
  const id = opts.activityId ?? nextActivityId();
  const now = new Date().toISOString();
  const activity: InboundActivity = {
    type,
    id,
    timestamp: now,
    localTimestamp: now,
    localTimezone: 'Europe/London',
    serviceUrl: opts.serviceUrl ?? DEFAULT_SERVICE_URL,
    channelId: 'msteams',
    from: user(opts),
    recipient: bot(opts),
    conversation: conversationFor(kind, opts, id),
    channelData: channelDataFor(kind, opts),
    locale: opts.locale ?? 'en-GB',
  };
  if (opts.replyToId !== undefined) activity.replyToId = opts.replyToId;
  return activity;
}

function textMessage(kind: TeamsConversationKind, text: string, opts: TeamsActivityOptions): InboundActivity {
  return {
    ...baseActivity('message', kind, opts),
    text,
    textFormat: 'plain',
    attachments: [],
    entities: [clientInfo(opts)],
  };
}

function clientInfo(opts: TeamsActivityOptions): Entity {
  return {
    type: 'clientInfo',
    locale: opts.locale ?? 'en-GB',
    country: 'GB',
    platform: 'Web',
    timezone: 'Europe/London',
  };
}

export function personalMessage(text: string, opts: TeamsActivityOptions = {}): InboundActivity {
  return textMessage('personal', text, opts);
}

export function groupChatMessage(text: string, opts: TeamsActivityOptions = {}): InboundActivity {
  return withMention(textMessage('groupChat', text, opts), opts);
}

/** Channel posts only reach the bot when it is @mentioned, so the mention is always present. */
export function channelMessage(text: string, opts: TeamsActivityOptions = {}): InboundActivity {
  return withMention(textMessage('channel', text, opts), opts);
}

function withMention(activity: InboundActivity, opts: TeamsActivityOptions): InboundActivity {
  const mentioned = bot(opts);
  const mentionText = `<at>${mentioned.name}</at>`;
  const mention: Entity = { type: 'mention', mentioned: { id: mentioned.id, name: mentioned.name }, text: mentionText };
  return {
    ...activity,
    text: `${mentionText} ${activity.text ?? ''}`,
    entities: [mention, ...(activity.entities ?? [])],
  };
}

/** Action.Submit posts a message whose payload is in `value`, with no text. */
export function cardSubmit(
  value: Record<string, unknown>,
  opts: TeamsActivityOptions & { kind?: TeamsConversationKind } = {},
): InboundActivity {
  const activity = baseActivity('message', opts.kind ?? 'personal', opts);
  return { ...activity, value, entities: [clientInfo(opts)] };
}

/** Action.Execute (Universal Actions) arrives as an `adaptiveCard/action` invoke and expects an invoke response. */
export function invokeAction(
  verb: string,
  data: Record<string, unknown>,
  opts: TeamsActivityOptions & { kind?: TeamsConversationKind } = {},
): InboundActivity {
  const activity = baseActivity('invoke', opts.kind ?? 'personal', opts);
  return {
    ...activity,
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    entities: [clientInfo(opts)],
  };
}

/**
 * Installation as Teams reports it. For a team install the event type and team identity live in
 * channelData, and the conversation is the team's General channel (whose id equals the team id).
 */
export function conversationUpdate(
  membersAdded: ChannelAccount[] | 'bot',
  opts: TeamsActivityOptions & { kind?: TeamsConversationKind } = {},
): InboundActivity {
  const kind = opts.kind ?? 'personal';
  const teamId = opts.teamId ?? DEFAULT_TEAM_ID;
  const teamOpts =
    kind === 'channel'
      ? { ...opts, conversationId: opts.conversationId ?? teamId, channelId: opts.channelId ?? teamId }
      : opts;
  const activity = baseActivity('conversationUpdate', kind, teamOpts);
  // Teams lists added members by id only; the bot's own entry is how a bot recognises its install.
  const added: ChannelAccount[] = membersAdded === 'bot' ? [{ id: bot(opts).id, name: '' }] : membersAdded;
  const channelData = { ...(activity.channelData as Record<string, unknown>) };
  if (kind === 'channel') {
    channelData['eventType'] = 'teamMemberAdded';
    channelData['team'] = {
      id: teamId,
      name: opts.teamName ?? 'Community Safety Partnership',
      aadGroupId: '0f0e0d0c-0000-4000-8000-00000000a6a6',
    };
    delete channelData['channel'];
  }
  return { ...activity, membersAdded: added, channelData };
}

export function installationUpdate(
  opts: TeamsActivityOptions & { kind?: TeamsConversationKind; action?: 'add' | 'remove' } = {},
): InboundActivity {
  const kind = opts.kind ?? 'personal';
  const activity = baseActivity('installationUpdate', kind, opts);
  const channelData = { ...(activity.channelData as Record<string, unknown>) };
  if (kind === 'channel') channelData['source'] = { name: 'message' };
  return { ...activity, action: opts.action ?? 'add', channelData };
}

/** A fresh conversation id per simulated user, so concurrent benchmark conversations never collide. */
export function personalConversationId(index: number): string {
  return `a:1bench-${index.toString().padStart(4, '0')}-${randomUUID()}`;
}
