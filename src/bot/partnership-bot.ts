/**
 * The bot's activity handler: turns Teams activities into core calls and core results into
 * cards. A message is a command (when one recognises it: its change is saved before the reply)
 * or a question (an answer card with a plain-text summary). Agenda card buttons arrive as
 * Universal Action invokes or Action.Submit messages. Being added to a team, chat or personal
 * scope (a conversationUpdate naming the bot, which Teams sends in every scope, besides an
 * installationUpdate that would otherwise welcome twice) gets the welcome card; other activity
 * types are acknowledged and ignored.
 */
import {
  ActivityHandler,
  CardFactory,
  MessageFactory,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Logger } from 'pino';
import { postingReport, type PostingResult } from '../core/agendas/circulate-agenda.js';
import { makeAnswer, type Answer } from '../core/answers/answer.js';
import type { AnswerService } from '../core/answers/answer-service.js';
import { isFormRequest, isFormVerb } from '../core/agendas/agenda-form.js';
import { runCommand } from '../core/commands/run-command.js';
import type { ActionsView } from '../core/actions/action-commands.js';
import type { CommandInput, CommandOutcome } from '../core/commands/command.js';
import type { Action, ConversationRef, Partnership, PartnershipDirectory } from '../core/model.js';
import { partnershipCommand } from '../core/partnerships/partnership-commands.js';
import type { ResolvedPartnership } from '../core/partnerships/resolve-partnership.js';
import { memberOfResolved, membersOnly } from '../core/partnerships/membership.js';
import { isInternalAnswer, readsInternalRecords } from './members-only.js';
import { isChannelLinkCommand } from '../core/channels/link-channel.js';
import { refuseUnlessOrganiser } from '../core/agendas/agenda-edits.js';
import type { Actor } from '../core/roles/permissions.js';
import { SAVE_FAILED_REPLY, SaveFailedError } from '../core/records/save-failed.js';
import { questionText } from './activity-text.js';
import { answerActionInvoke, isActionVerb } from './action-card-actions.js';
import {
  answerCardInvoke,
  answerCardSubmit,
  isAgendaSubmit,
  messageResponse,
  type AgendaActionDeps,
} from './agenda-actions.js';
import { openAgendaForm, runAgendaForm } from './agenda-form-actions.js';
import { openLeadForm, saveLeadForm } from './lead-form-actions.js';
import { LEAD_FORM_VERB, OPEN_LEAD_FORM } from '../core/priorities/lead-form.js';
import { conversationRefOf } from './conversation-ref.js';
import { answerActivity, cardActivity } from './card-activity.js';
import { CoalescedRefresh } from './coalesced-refresh.js';
import { saveCommand, type CommandReader } from './save-command.js';
import { isMinutesImportVerb, type MinutesFileImports } from './minutes-file-actions.js';
import { reportTurn } from './turn-report.js';
import { actorOf, mentionsOf } from './turn-people.js';
import { rememberMember, resolveTurn } from './turn-partnership.js';
import { runActionTurn } from './action-turn.js';
import type { PersonalReminders } from './personal-reminders.js';

/** Where the bot reads and durably changes the partnership's records. */
export interface PartnershipRecords {
  partnership(id?: string): Partnership | undefined;
  /** Every partnership and what is known of members: read to choose a turn's partnership. */
  directory(): PartnershipDirectory;
  /** Resolves once the change is saved: only then may the bot confirm it. */
  update(partnershipId: string, change: (partnership: Partnership) => void): Promise<void>;
  /** A change to the directory (a partnership created or removed, a member's choice), saved durably. */
  updateDirectory(change: (directory: PartnershipDirectory) => void, touches?: () => readonly string[]): Promise<void>;
  /** Keeps a channel the bot was told about, or a member's personal chat, so it can post there after a restart. */
  rememberConversation(ref: ConversationRef): Promise<void>;
  knowsConversation(conversationId: string): boolean;
}

/** Posts a partnership's agenda to its linked channels (see agenda-poster.ts). */
export interface AgendaPosting {
  post(partnershipId: string, agendaId: string, onlyExisting?: boolean): Promise<PostingResult>;
}

/** The partnership's actions, saved durably (see store/action-journal.ts). */
export interface ActionRecords {
  view(partnershipId: string): ActionsView;
  /** A signed link to the CSV export, and how many minutes it works. */
  exportLink(partnershipId: string): { url: string; minutes: number };
  /** Logs a new action; with `once`, an action already logged (or being logged) under that key is returned instead. */
  add(partnershipId: string, make: (number: number) => Action, once?: string): Promise<Action>;
  save(partnershipId: string, number: number, next: (current: Action) => Action | null): Promise<Action | null>;
}

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
  /** Minutes files sent in a personal chat (see minutes-file-actions.ts). */
  minutesFiles?: MinutesFileImports;
  /** Personal reminders to those who have not answered an agenda (see personal-reminders.ts). */
  personalReminders?: Pick<PersonalReminders, 'send'>;
  /** Azure AD object ids of the bootstrap admins. */
  admins: readonly string[];
  clock?: () => Date;
  logger: Logger;
}

export class PartnershipBot extends ActivityHandler {
  private readonly answers: AnswerService;
  private readonly publishedAnswers: AnswerService;
  private readonly records: PartnershipRecords;
  private readonly poster: AgendaPosting | undefined;
  private readonly backupLink: PartnershipBotOptions['backupLink'];
  private readonly actions: ActionRecords | undefined;
  private readonly background: (description: string, task: () => Promise<unknown>) => void;
  private readonly refreshes: CoalescedRefresh;
  private readonly admins: ReadonlySet<string>;
  private readonly clock: () => Date;
  private readonly logger: Logger;
  private readonly minutesFiles: MinutesFileImports | undefined;
  private readonly personalReminders: PartnershipBotOptions['personalReminders'];

  constructor(options: PartnershipBotOptions) {
    super();
    this.answers = options.answers;
    this.publishedAnswers = options.publishedAnswers ?? options.answers;
    this.records = options.records;
    this.poster = options.poster;
    this.backupLink = options.backupLink;
    this.actions = options.actions;
    this.admins = new Set(options.admins);
    this.clock = options.clock ?? (() => new Date());
    this.logger = options.logger;
    this.minutesFiles = options.minutesFiles;
    this.personalReminders = options.personalReminders;
    this.background =
      options.background ??
      ((description, task) =>
        void task().catch((error: unknown) =>
          this.logger.warn({ err: error }, `background task failed: ${description}`),
        ));
    this.refreshes = new CoalescedRefresh(this.background);
    this.onMessage(async (context, next) => {
      await this.answerMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botWasAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (botWasAdded) {
        const ref = conversationRefOf(context.activity);
        if (ref?.conversationType === 'channel')
          await this.records.rememberConversation(ref).catch((error: unknown) => this.couldNotRemember(error));
        await this.welcome(context);
      }
      await next();
    });
  }

  private actor(context: TurnContext): Actor {
    return actorOf(context.activity, this.admins);
  }

  private resolve(context: TurnContext): ResolvedPartnership {
    return resolveTurn(this.records, context.activity, this.actor(context));
  }

  /** Remembering where a member is only helps later posts: a failed save must not keep them from an answer. */
  private rememberPersonalChat(context: TurnContext, resolved?: ResolvedPartnership): Promise<void> {
    return rememberMember(this.records, context.activity, this.actor(context), resolved).catch((error: unknown) =>
      this.couldNotRemember(error),
    );
  }

  private couldNotRemember(error: unknown): void {
    this.logger.warn({ err: error }, 'could not remember the conversation; answered anyway');
  }

  /** Saves a command's change (see save-command.ts); resolves with the outcome as saved. */
  private save(
    input: CommandInput,
    read: CommandReader,
    first: CommandOutcome,
  ): Promise<{ outcome: CommandOutcome; answer: Answer }> {
    return saveCommand(this.records, input, read, first, (id) => this.actions?.view(id).all().length ?? 0);
  }

  /** Logs, lists or updates actions; false when the message is not about actions (see action-turn.ts). */
  private runActionCommand(
    context: TurnContext,
    partnership: Partnership,
    text: string,
    resolved: ResolvedPartnership,
  ): Promise<boolean> {
    if (!this.actions) return Promise.resolve(false);
    const input = {
      ...this.commandInput(context, text),
      ...(context.activity.id ? { activityId: context.activity.id } : {}),
    };
    return runActionTurn(context, partnership, input, {
      actions: this.actions,
      records: this.records,
      remember: () => this.rememberPersonalChat(context, resolved),
    });
  }

  private commandInput(context: TurnContext, text: string): CommandInput {
    const conversation = conversationRefOf(context.activity);
    return {
      text,
      mentions: mentionsOf(context.activity),
      actor: this.actor(context),
      now: this.clock(),
      directory: this.records.directory(),
      ...(conversation ? { conversation } : {}),
    };
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

  /** Universal Actions (Action.Execute) from the agenda card. */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    try {
      return await this.answerCardAction(context, invokeValue);
    } catch (error) {
      if (!(error instanceof SaveFailedError)) throw error;
      this.logger.warn({ err: error }, 'a card action could not be saved');
      reportTurn(context, { outcome: 'save-failed' });
      return messageResponse(SAVE_FAILED_REPLY);
    }
  }

  private async answerCardAction(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    if (this.minutesFiles && isMinutesImportVerb(invokeValue?.action?.verb))
      return this.minutesFiles.answerInvoke(
        context,
        invokeValue.action.verb,
        invokeValue.action.data,
        this.actor(context),
      );
    const resolved = this.resolve(context);
    if ('ask' in resolved) return messageResponse(resolved.ask.summary);
    const { partnership } = resolved;
    if (!memberOfResolved(this.records.directory(), resolved, this.actor(context))) {
      reportTurn(context, { command: 'card-action', outcome: 'members-only' });
      return messageResponse(membersOnly(partnership).summary);
    }
    const action = invokeValue?.action ?? { verb: undefined, data: undefined };
    const verb: unknown = action.verb;
    // A verb is logged only in the shape the bot's own take: a forged one could be any text.
    reportTurn(context, {
      command: typeof verb === 'string' && /^[a-z]{1,20}\.[a-z]{1,20}$/i.test(verb) ? verb : 'unknown-card-action',
    });
    if (isActionVerb(action.verb) && this.actions) {
      const input = {
        ...this.commandInput(context, ''),
        ...(context.activity.id ? { activityId: context.activity.id } : {}),
      };
      return answerActionInvoke(partnership, action.verb, action.data, input, this.actions);
    }
    if (action.verb === LEAD_FORM_VERB)
      return saveLeadForm(partnership, action.data, this.commandInput(context, ''), this.records);
    if (isFormVerb(action.verb))
      return runAgendaForm(
        partnership,
        action.verb,
        action.data,
        this.commandInput(context, ''),
        this.records,
        this.poster,
      );
    return answerCardInvoke(
      partnership,
      { verb: action.verb, data: action.data },
      this.actor(context),
      this.clock(),
      this.agendaDeps(),
    );
  }

  private agendaDeps(): AgendaActionDeps {
    const poster = this.poster;
    const refreshPosts = (pid: string, aid: string): void =>
      this.refreshes.request(`${pid}|${aid}`, () => poster?.post(pid, aid, true) ?? Promise.resolve());
    return { records: this.records, ...(poster ? { refreshPosts } : {}) };
  }

  private async answerMessage(context: TurnContext): Promise<void> {
    if (await this.minutesFiles?.answerFiles(context, this.actor(context))) return;
    const text = questionText(context.activity);
    const input = this.commandInput(context, text);
    const directoryOutcome = text.trim() === '' ? null : partnershipCommand(this.records.directory(), input);
    if (directoryOutcome) {
      const saved = await this.save(input, partnershipCommand, directoryOutcome);
      let { answer } = saved;
      const effect = saved.outcome.effect;
      if (effect?.kind === 'backup-link') {
        const link = this.backupLink?.();
        answer = link
          ? effect.answer(link.url, link.minutes)
          : makeAnswer('invalid', 'Not available', 'This server does not offer store exports.');
      }
      reportTurn(context, { command: saved.outcome.command ?? 'partnerships', outcome: answer.kind });
      await context.sendActivity(answerActivity(answer));
      return;
    }
    const resolved = this.resolve(context);
    if ('ask' in resolved) {
      reportTurn(context, { command: 'which-partnership', outcome: resolved.ask.kind });
      await context.sendActivity(answerActivity(resolved.ask));
      return;
    }
    const { partnership } = resolved;
    if (!memberOfResolved(this.records.directory(), resolved, this.actor(context)) && !isChannelLinkCommand(text)) {
      await this.answerNonMember(context, partnership, input);
      return;
    }
    if (isAgendaSubmit(context.activity.value)) {
      reportTurn(context, { command: 'agenda-answer' });
      await answerCardSubmit(
        context,
        partnership,
        context.activity.value,
        this.actor(context),
        this.clock(),
        this.agendaDeps(),
      );
      return;
    }
    const submitted = context.activity.value as { verb?: unknown } | undefined;
    if (isFormVerb(submitted?.verb)) {
      reportTurn(context, { command: 'agenda-form' });
      const response = await runAgendaForm(
        partnership,
        submitted.verb,
        submitted,
        this.commandInput(context, ''),
        this.records,
        this.poster,
      );
      await context.sendActivity(MessageFactory.attachment(CardFactory.adaptiveCard(response.value)));
      return;
    }
    if (OPEN_LEAD_FORM.test(text)) {
      reportTurn(context, { command: 'lead-form' });
      const form = openLeadForm(partnership, input);
      await context.sendActivity('card' in form ? cardActivity(form.card, '') : answerActivity(form.answer));
      return;
    }
    if (isFormRequest(text)) {
      reportTurn(context, { command: 'agenda-form' });
      // Every button on the builder would be refused: say who can, instead of opening it.
      const refused = refuseUnlessOrganiser(partnership, input);
      if (refused) {
        await context.sendActivity(answerActivity(refused.answer));
        return;
      }
      await context.sendActivity(
        MessageFactory.attachment(CardFactory.adaptiveCard(openAgendaForm(partnership, this.clock()))),
      );
      return;
    }
    if (this.actions && (await this.runActionCommand(context, partnership, text, resolved))) return;
    const first = runCommand(partnership, input);
    if (first) {
      const inPartnership: CommandReader = (directory, again) => {
        const current = directory.partnerships[partnership.id];
        const outcome = current ? runCommand(current, again) : null;
        return outcome ? { partnershipId: partnership.id, ...outcome } : null;
      };
      const saved = await this.save(input, inPartnership, { partnershipId: partnership.id, ...first });
      let { answer } = saved;
      const effect = saved.outcome.effect;
      if (effect?.kind === 'post-agenda' && this.poster) {
        const result = await this.poster.post(partnership.id, effect.agendaId);
        const agenda = this.records.partnership(partnership.id)?.agendas.find((a) => a.id === effect.agendaId);
        // Circulating or cancelling is reported by what happened to the cards; any other change (a
        // meeting moved, an undo) says what it did, and the report of the cards follows it.
        if (agenda)
          answer =
            saved.outcome.command === 'circulate'
              ? postingReport(agenda, result)
              : { ...answer, summary: `${answer.summary} ${postingReport(agenda, result).summary}` };
      }
      if (effect?.kind === 'remind-personally')
        answer = (await this.personalReminders?.send(partnership.id, effect.agendaId, effect.by)) ?? answer;
      reportTurn(context, { command: saved.outcome.command ?? 'command', outcome: answer.kind });
      await context.sendActivity(answerActivity(answer));
      return;
    }
    const answer = this.answers.answer(text, partnership.id);
    await this.rememberPersonalChat(context, resolved);
    if (!answer) {
      await context.sendActivity(
        'This conversation is not linked to a partnership yet, so I have nothing to answer from.',
      );
      return;
    }
    reportTurn(context, { command: 'question', outcome: answer.kind });
    await context.sendActivity(answerActivity(answer));
  }

  /** Someone outside the partnership gets what it publishes, and one line on how to join for the rest (see members-only.ts). */
  private async answerNonMember(context: TurnContext, partnership: Partnership, input: CommandInput): Promise<void> {
    const published = readsInternalRecords(
      partnership,
      input,
      context.activity.value,
      this.actions?.view(partnership.id),
    )
      ? undefined
      : this.publishedAnswers.answer(input.text, partnership.id);
    const asksForRecords = !published || isInternalAnswer(published);
    const answer = asksForRecords ? membersOnly(partnership) : published;
    // Their personal chat is kept all the same: an owner named in an action is reminded there.
    if (!asksForRecords) await this.rememberPersonalChat(context);
    reportTurn(context, { command: asksForRecords ? 'members-only' : 'question', outcome: answer.kind });
    await context.sendActivity(answerActivity(answer));
  }

  private async welcome(context: TurnContext): Promise<void> {
    const resolved = this.resolve(context);
    const answer = this.answers.answer('hello', 'partnership' in resolved ? resolved.partnership.id : undefined);
    if (answer) await context.sendActivity(answerActivity(answer));
  }
}
