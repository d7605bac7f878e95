/**
 * Reminders before a meeting: due a set time before it starts (two days unless configured),
 * for circulated agendas only, once per linked channel. The due time follows the agenda's start,
 * so moving the meeting moves the reminder; what was sent is in the store.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { Agenda, Partnership } from '../model/model.js';
import { formatLondon } from '../text/london-time.js';

export const DEFAULT_REMINDER_HOURS = 48;

export function reminderDueAt(agenda: Agenda, hours: number): Date {
  return new Date(new Date(agenda.startsAt).getTime() - hours * 3_600_000);
}

/** Agendas whose reminder is due now and not yet sent everywhere. */
export function dueReminders(partnership: Partnership, now: Date, hours: number): Agenda[] {
  return partnership.agendas.filter(
    (a) =>
      a.status === 'circulated' &&
      !a.reminder?.sentAt &&
      new Date(a.startsAt).getTime() > now.getTime() &&
      reminderDueAt(a, hours).getTime() <= now.getTime(),
  );
}

export function reminderAnswer(agenda: Agenda): Answer {
  const answered = agenda.responses.length;
  return makeAnswer(
    'agenda',
    `Reminder: ${agenda.title}`,
    `The meeting is on ${formatLondon(agenda.startsAt)}${agenda.venue ? `, ${agenda.venue}` : ''}. If you have not yet, please answer on the agenda card: attending, apologies or a substitute.`,
    {
      facts: [
        { title: 'Items', value: agenda.items.map((i) => i.code).join(', ') || 'none yet' },
        { title: 'Answers so far', value: String(answered) },
      ],
      suggestions: ["What's on the agenda?", "Who's coming?"],
    },
  );
}
