/**
 * Posts meeting reminders when they fall due. It checks on start and then every interval; each
 * channel reminded is saved before the next, so a restart resumes an interrupted round and never
 * repeats one that finished.
 */
import type { Logger } from 'pino';
import { dueReminders, reminderAnswer } from '../core/agendas/reminders.js';
import { renderAnswerCard } from '../views/answer-card.js';
import type { AgendaPoster } from './agenda-poster.js';
import type { PartnershipRecords } from './partnership-bot.js';

export interface ReminderOptions {
  hours: number;
  intervalMs: number;
}

export class ReminderScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly records: PartnershipRecords & { partnershipIds(): string[] },
    private readonly poster: AgendaPoster,
    private readonly clock: () => Date,
    private readonly options: ReminderOptions,
    private readonly logger: Logger,
  ) {}

  start(): void {
    this.tick();
    this.timer = setInterval(() => this.tick(), this.options.intervalMs);
    this.timer.unref();
  }

  /** Stops checking and waits for a round in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One round, after any round still in progress (rounds never overlap). */
  tick(): Promise<void> {
    this.running = this.running.then(() => this.sendDue()).catch((error: unknown) => this.logger.error({ err: error }, 'reminder round failed'));
    return this.running;
  }

  private async sendDue(): Promise<void> {
    for (const partnershipId of this.records.partnershipIds()) {
      const partnership = this.records.partnership(partnershipId);
      if (!partnership) continue;
      for (const agenda of dueReminders(partnership, this.clock(), this.options.hours)) {
        const card = renderAnswerCard(reminderAnswer(agenda));
        const done = new Set(agenda.reminder?.sentTo ?? []);
        for (const channel of partnership.channels.filter((c) => !done.has(c.ref.conversationId))) {
          try {
            await this.poster.postCard(channel.ref, card);
          } catch (error) {
            this.logger.error({ err: error, conversation: channel.ref.conversationId }, 'could not post a reminder; will try again');
            continue;
          }
          await this.records.update(partnershipId, (target) => {
            const stored = target.agendas.find((a) => a.id === agenda.id);
            if (stored) stored.reminder = { sentTo: [...(stored.reminder?.sentTo ?? []), channel.ref.conversationId] };
          });
        }
        await this.records.update(partnershipId, (target) => {
          const stored = target.agendas.find((a) => a.id === agenda.id);
          const sentTo = stored?.reminder?.sentTo ?? [];
          if (stored && target.channels.every((c) => sentTo.includes(c.ref.conversationId))) stored.reminder = { sentTo, sentAt: this.clock().toISOString() };
        });
      }
    }
  }
}
