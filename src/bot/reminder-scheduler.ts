/**
 * Posts meeting reminders when they fall due. Each channel reminded is saved before the next, so
 * a restart resumes an interrupted round and never repeats one that finished.
 */
import type { Logger } from 'pino';
import { dueReminders, reminderAnswer } from '../core/agendas/reminders.js';
import { renderAnswerCard } from '../views/answer-card.js';
import type { AgendaPoster } from './agenda-poster.js';
import type { PartnershipRecords } from '../turns/ports.js';

export interface ScheduledDeps {
  records: PartnershipRecords & { partnershipIds(): string[] };
  poster: AgendaPoster;
  clock: () => Date;
  logger: Logger;
}

export async function sendDueReminders(deps: ScheduledDeps, hours: number): Promise<void> {
  const { records, poster, clock, logger } = deps;
  for (const partnershipId of records.partnershipIds()) {
    const partnership = records.partnership(partnershipId);
    if (!partnership) continue;
    for (const agenda of dueReminders(partnership, clock(), hours)) {
      const card = renderAnswerCard(reminderAnswer(agenda));
      const done = new Set(agenda.reminder?.sentTo ?? []);
      for (const channel of partnership.channels.filter((c) => !done.has(c.ref.conversationId))) {
        try {
          await poster.postCard(channel.ref, card);
        } catch (error) {
          logger.error(
            { err: error, conversation: channel.ref.conversationId },
            'could not post a reminder; will try again',
          );
          continue;
        }
        await records.update(partnershipId, (target) => {
          const stored = target.agendas.find((a) => a.id === agenda.id);
          if (stored) stored.reminder = { sentTo: [...(stored.reminder?.sentTo ?? []), channel.ref.conversationId] };
        });
      }
      await records.update(partnershipId, (target) => {
        const stored = target.agendas.find((a) => a.id === agenda.id);
        const sentTo = stored?.reminder?.sentTo ?? [];
        if (stored && target.channels.every((c) => sentTo.includes(c.ref.conversationId)))
          stored.reminder = { sentTo, sentAt: clock().toISOString() };
      });
    }
  }
}
