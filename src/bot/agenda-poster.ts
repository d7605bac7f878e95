/**
 * Posts cards to channels proactively. An agenda goes to each channel linked to the partnership: a new post where
 * it has none, an update in place where it has one (Teams returns no id for a text-plus-card
 * message, so the card goes alone). Posts are paced well inside Teams' limits and retried with
 * back-off on 429/503; each post's id is saved before the next one, so a crash neither loses nor
 * repeats a post.
 */
import {
  CardFactory,
  MessageFactory,
  type Activity,
  type CloudAdapter,
  type ConversationReference,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { PostingResult } from '../core/agendas/circulate-agenda.js';
import type { ConversationRef } from '../core/model/model.js';
import { renderAgendaCard } from '../views/agenda-card.js';
import { organiserIds } from '../core/agendas/not-answered.js';
import type { PartnershipRecords } from '../turns/ports.js';

export interface PacingOptions {
  /** Pause between posts: Teams allows about 50 requests a second per app per tenant. */
  gapMs: number;
  retries: number;
  /** First back-off; doubled on each retry unless the service says how long to wait. */
  backoffMs: number;
}

/** The part of botbuilder's ConnectorClient used here. */
interface ChannelConnector {
  conversations: {
    sendToConversation(conversationId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
    updateActivity(conversationId: string, activityId: string, activity: Partial<Activity>): Promise<{ id?: string }>;
  };
}

const DEFAULT_PACING: PacingOptions = { gapMs: 100, retries: 5, backoffMs: 500 };

function referenceOf(ref: ConversationRef): Partial<ConversationReference> {
  return {
    channelId: ref.channelId,
    serviceUrl: ref.serviceUrl,
    conversation: {
      id: ref.conversationId,
      isGroup: ref.conversationType !== 'personal',
      conversationType: ref.conversationType ?? 'channel',
      tenantId: ref.tenantId,
      name: ref.channelName ?? '',
    },
    bot: { id: ref.botId, name: ref.botName ?? '' },
  };
}

function retryDelay(error: unknown, attempt: number, pacing: PacingOptions): number | null {
  const status = (error as { statusCode?: number }).statusCode;
  if (status !== 429 && status !== 503) return null;
  const header = (
    error as { response?: { headers?: { get?: (n: string) => string | undefined } } }
  ).response?.headers?.get?.('retry-after');
  const seconds = Number(header);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : pacing.backoffMs * 2 ** attempt;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class AgendaPoster {
  constructor(
    private readonly adapter: CloudAdapter,
    private readonly appId: string,
    private readonly records: PartnershipRecords,
    private readonly logger: Logger,
    private readonly pacing: PacingOptions = DEFAULT_PACING,
  ) {}

  /** Posts to every linked channel, or with `onlyExisting` just brings the cards already posted up to date. */
  async post(partnershipId: string, agendaId: string, onlyExisting = false): Promise<PostingResult> {
    const result: PostingResult = { posted: 0, updated: 0, failed: [] };
    const partnership = this.records.partnership(partnershipId);
    const agenda = partnership?.agendas.find((a) => a.id === agendaId);
    if (!partnership || !agenda) return result;
    const channels = partnership.channels.filter(
      (c) => !onlyExisting || agenda.posts.some((p) => p.conversationId === c.ref.conversationId),
    );
    for (const [index, channel] of channels.entries()) {
      if (index > 0) await sleep(this.pacing.gapMs);
      const existing = agenda.posts.find((p) => p.conversationId === channel.ref.conversationId);
      try {
        const activityId = await this.postCard(
          channel.ref,
          renderAgendaCard(agenda, undefined, undefined, organiserIds(partnership)),
          existing?.activityId,
        );
        await this.records.update(partnershipId, (target) => {
          const stored = target.agendas.find((a) => a.id === agendaId);
          if (!stored) return;
          const post = {
            conversationId: channel.ref.conversationId,
            activityId,
            version: stored.version,
            postedAt: new Date().toISOString(),
          };
          stored.posts = [...stored.posts.filter((p) => p.conversationId !== post.conversationId), post];
        });
        if (existing) result.updated++;
        else result.posted++;
      } catch (error) {
        this.logger.error({ err: error, conversation: channel.ref.conversationId }, 'could not post the agenda');
        result.failed.push(channel.ref.channelName ?? channel.ref.conversationId);
      }
    }
    return result;
  }

  /** Posts a card alone to a conversation, or replaces the one posted as `activityId`; retried on 429/503. */
  postCard(ref: ConversationRef, card: object, activityId?: string): Promise<string> {
    return this.withRetries(() => this.send(ref, card, activityId));
  }

  private async send(ref: ConversationRef, card: object, activityId: string | undefined): Promise<string> {
    let id = activityId ?? '';
    await this.adapter.continueConversationAsync(this.appId, referenceOf(ref), async (context: TurnContext) => {
      // The turn's own connector client: a new top-level post (sendToConversation), never a reply to the continuation event.
      const connector = context.turnState.get<ChannelConnector>(context.adapter.ConnectorClientKey);
      const activity = {
        ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
        from: { id: ref.botId, name: ref.botName ?? '' },
      };
      if (activityId) {
        await connector.conversations.updateActivity(ref.conversationId, activityId, { ...activity, id: activityId });
      } else {
        id = (await connector.conversations.sendToConversation(ref.conversationId, activity)).id ?? '';
      }
    });
    if (!id) throw new Error('the channel accepted the post but returned no activity id');
    return id;
  }

  private async withRetries<T>(attempt: () => Promise<T>): Promise<T> {
    for (let n = 0; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        const delay = retryDelay(error, n, this.pacing);
        if (delay === null || n >= this.pacing.retries) throw error;
        await sleep(delay);
      }
    }
  }
}
