/**
 * The bot's activity handler: the only place that knows Bot Framework activities. A message or a
 * card press becomes a turn (see turn-from-activity.ts), the turn table answers it (see
 * turns/run-turn.ts), and the outcome becomes a message or an invoke response. Being added to a
 * team, chat or personal scope (a conversationUpdate naming the bot, which Teams sends in every
 * scope, besides an installationUpdate that would otherwise welcome twice) gets the welcome card;
 * other activity types are acknowledged and ignored.
 */
import {
  ActivityHandler,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import type { AnswerService } from '../core/answers/answer-service.js';
import { SAVE_FAILED_REPLY, SaveFailedError } from '../core/records/save-failed.js';
import { CoalescedRefresh } from '../turns/coalesced-refresh.js';
import { PendingImports } from '../turns/pending-imports.js';
import type {
  ActionRecords,
  AgendaPosting,
  AgendaReminders,
  FileDownload,
  PartnershipRecords,
} from '../turns/ports.js';
import { runTurn } from '../turns/run-turn.js';
import { resolveTurn } from '../turns/turn-partnership.js';
import type { TurnOutcome, TurnServices } from '../turns/turn.js';
import { answerActivity, cardActivity } from './card-activity.js';
import { conversationRefOf } from './conversation-ref.js';
import { turnFromActivity } from './turn-from-activity.js';
import { reportTurn } from './turn-report.js';

/** How long a minutes preview waits for Import. */
const PREVIEW_MINUTES = 30;

export interface PartnershipBotOptions {
  answers: AnswerService;
  /** Answers from what each partnership publishes, for people who are not its members (see membership.ts). */
  publishedAnswers?: AnswerService;
  actions?: ActionRecords;
  records: PartnershipRecords;
  poster?: AgendaPosting;
  /** A signed link to the whole-store backup, and how many minutes it works. */
  backupLink?: () => { url: string; minutes: number };
  /** Runs work that follows a reply (see background-tasks.ts). */
  background?: (description: string, task: () => Promise<unknown>) => void;
  /** Downloads minutes files sent in a personal chat; without it, files are not accepted. */
  download?: FileDownload;
  /** Personal reminders to those who have not answered an agenda (see turns/personal-reminders.ts). */
  personalReminders?: AgendaReminders;
  /** Azure AD object ids of the bootstrap admins. */
  admins: readonly string[];
  clock?: () => Date;
  logger: Logger;
}

/** A plain message instead of a card; the SDK's type only knows card values, the protocol allows text. */
function messageResponse(text: string): AdaptiveCardInvokeResponse {
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.activity.message',
    value: text,
  } as unknown as AdaptiveCardInvokeResponse;
}

export class PartnershipBot extends ActivityHandler {
  private readonly services: TurnServices;
  private readonly admins: ReadonlySet<string>;
  private readonly clock: () => Date;
  private readonly logger: Logger;

  constructor(options: PartnershipBotOptions) {
    super();
    const { records, poster, logger } = options;
    this.admins = new Set(options.admins);
    this.clock = options.clock ?? (() => new Date());
    this.logger = logger;
    const background =
      options.background ??
      ((description, task) =>
        void task().catch((error: unknown) => logger.warn({ err: error }, `background task failed: ${description}`)));
    const refreshes = new CoalescedRefresh(background);
    this.services = {
      records,
      answers: options.answers,
      publishedAnswers: options.publishedAnswers ?? options.answers,
      logger,
      ...(options.actions ? { actions: options.actions } : {}),
      ...(poster
        ? {
            poster,
            refreshPosts: (pid: string, aid: string) =>
              refreshes.request(`${pid}|${aid}`, () => poster.post(pid, aid, true)),
          }
        : {}),
      ...(options.backupLink ? { backupLink: options.backupLink } : {}),
      ...(options.personalReminders ? { personalReminders: options.personalReminders } : {}),
      ...(options.download
        ? { download: options.download, pendingImports: new PendingImports(PREVIEW_MINUTES * 60_000, this.clock) }
        : {}),
    };
    this.onMessage(async (context, next) => {
      const outcome = await this.answerTurn(context);
      const { reply } = outcome;
      if (reply.kind === 'answer') await context.sendActivity(answerActivity(reply.answer));
      else if (reply.kind === 'card') await context.sendActivity(cardActivity(reply.card, reply.summary));
      else await context.sendActivity(reply.text);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      if ((context.activity.membersAdded ?? []).some((m) => m.id === botId)) await this.welcome(context);
      await next();
    });
  }

  private async answerTurn(context: TurnContext): Promise<TurnOutcome> {
    const turn = turnFromActivity(context, this.admins, this.clock(), this.services.records.directory());
    const outcome = await runTurn(turn, this.services);
    reportTurn(context, outcome.report);
    return outcome;
  }

  /** A Universal Action without an action object would fail inside the SDK: it is a bad request. */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const value = context.activity.value as { action?: unknown } | undefined;
    if (
      context.activity.name === 'adaptiveCard/action' &&
      (typeof value?.action !== 'object' || value.action === null || Array.isArray(value.action))
    ) {
      reportTurn(context, { command: 'unknown-card-action', outcome: 'invalid' });
      return {
        status: 400,
        body: {
          statusCode: 400,
          type: 'application/vnd.microsoft.error',
          value: { code: 'BadRequest', message: 'This card action is not valid.' },
        },
      };
    }
    return super.onInvokeActivity(context);
  }

  /** Universal Actions (Action.Execute) from the bot's cards: the card is replaced by the reply. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    _value: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    try {
      const { reply } = await this.answerTurn(context);
      if (reply.kind === 'card')
        return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: reply.card };
      return messageResponse(reply.kind === 'answer' ? reply.answer.summary : reply.text);
    } catch (error) {
      if (!(error instanceof SaveFailedError)) throw error;
      this.logger.warn({ err: error }, 'a card action could not be saved');
      reportTurn(context, { outcome: 'save-failed' });
      return messageResponse(SAVE_FAILED_REPLY);
    }
  }

  private async welcome(context: TurnContext): Promise<void> {
    const { records, answers } = this.services;
    const ref = conversationRefOf(context.activity);
    if (ref?.conversationType === 'channel')
      await records
        .rememberConversation(ref)
        .catch((error: unknown) => this.logger.warn({ err: error }, 'could not remember the channel; welcomed anyway'));
    const resolved = resolveTurn(records, turnFromActivity(context, this.admins, this.clock(), records.directory()));
    const answer = answers.answer('hello', 'partnership' in resolved ? resolved.partnership.id : undefined);
    if (answer) await context.sendActivity(answerActivity(answer));
  }
}
