/**
 * Sends the personal reminders the chair or the secretariat asked for ("remind those who haven't
 * answered"): to each member due one, in the personal chat the bot has with them, each saved as
 * reminded before the next, so that however often it is asked (even twice at once) nobody is
 * reminded twice about one meeting, and the report says only what is on disk.
 */
import type { Logger } from 'pino';
import type { Answer } from '../core/answers/answer.js';
import { markReminded, personalReminder, reminderReport, reminderRound } from '../core/agendas/remind-not-answered.js';
import type { ConversationRef } from '../core/model/model.js';
import { renderAnswerCard } from '../views/answer-card.js';
import type { PartnershipRecords } from './ports.js';

/** The chair or secretary who asked: named in the reminder, and not reminded themself. */
export interface Asker {
  name: string;
  ids: readonly string[];
}

export interface PersonalReminderDeps {
  records: PartnershipRecords;
  poster: { postCard(ref: ConversationRef, card: object): Promise<unknown> };
  /** Personal chats the bot has had with members. */
  personalChats: () => readonly ConversationRef[];
  logger: Logger;
}

export class PersonalReminders {
  /** One round at a time per agenda: a second press waits and then finds those already reminded. */
  private readonly rounds = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: PersonalReminderDeps) {}

  send(partnershipId: string, agendaId: string, by: Asker): Promise<Answer | undefined> {
    const key = `${partnershipId}|${agendaId}`;
    const round = (this.rounds.get(key) ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.round(partnershipId, agendaId, by));
    this.rounds.set(key, round);
    return round.finally(() => {
      if (this.rounds.get(key) === round) this.rounds.delete(key);
    });
  }

  private async round(partnershipId: string, agendaId: string, by: Asker): Promise<Answer | undefined> {
    const { records, poster, logger } = this.deps;
    const partnership = records.partnership(partnershipId);
    const agenda = partnership?.agendas.find((a) => a.id === agendaId);
    if (!partnership || !agenda) return undefined;
    const { due, already } = reminderRound(partnership, agenda, by.ids);
    const chats = this.deps.personalChats();
    const memberships = records.directory().memberships;
    const card = renderAnswerCard(personalReminder(agenda, by.name));
    const reminded: string[] = [];
    const unreachable: string[] = [];
    for (const person of due) {
      // A role granted by @mention holds the Teams id a personal chat is kept under; one keyed by Azure AD id, the Teams id learnt beside it.
      const ids = [person.userId, memberships[person.userId]?.teamsUserId].filter((id) => id !== undefined);
      const chat = chats.find((c) => c.userId !== undefined && ids.includes(c.userId));
      if (!chat) {
        unreachable.push(person.name);
        continue;
      }
      try {
        await poster.postCard(chat, card);
      } catch (error) {
        logger.warn({ err: error, conversation: chat.conversationId }, 'could not send a personal reminder');
        unreachable.push(person.name);
        continue;
      }
      await records.update(partnershipId, (target) => markReminded(target, agendaId, person.userId));
      reminded.push(person.name);
    }
    return reminderReport(agenda, { reminded, already, unreachable });
  }
}
