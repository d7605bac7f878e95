/**
 * "Remind those who haven't answered": the chair or the secretariat sends each member expected at
 * the coming meeting (a role holder) who has not answered its agenda a personal reminder, once per
 * person per meeting. The bot reaches a member only in a personal chat they have had with it;
 * whoever it cannot reach is named. Who was reminded is kept with the agenda, saved before the
 * reply reports it.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Agenda, Partnership } from '../model/model.js';
import { may, whoMay } from '../model/permissions.js';
import { nextAgenda } from './current-agenda.js';
import { formatLondon } from '../text/london-time.js';
import { notAnswered, speaksOfNotAnswering } from './not-answered.js';

const REMIND = /^\s*(?:please\s)?(?:remind|chase|nudge|send\s(?:a\s|the\s)?reminders?\sto)\s/i;

export function asksToRemind(text: string): boolean {
  return REMIND.test(text) && speaksOfNotAnswering(text);
}

/** The member ids already reminded personally about this agenda. */
export function remindedIds(agenda: Agenda): string[] {
  return agenda.remindedPersonally ?? [];
}

/** Records that `userId` was reminded. */
export function markReminded(partnership: Partnership, agendaId: string, userId: string): void {
  const agenda = partnership.agendas.find((a) => a.id === agendaId);
  if (!agenda || remindedIds(agenda).includes(userId)) return;
  agenda.remindedPersonally = [...remindedIds(agenda), userId];
}

/** Who to remind now, and who not answering was already reminded; `asker` (their ids) is not reminded by their own request. */
export function reminderRound(
  partnership: Partnership,
  agenda: Agenda,
  asker: readonly string[] = [],
): { due: { userId: string; name: string }[]; already: string[] } {
  const done = new Set(remindedIds(agenda));
  const pending = notAnswered(partnership, agenda).filter((p) => !asker.includes(p.userId));
  return {
    due: pending.filter((p) => !done.has(p.userId)),
    already: pending.filter((p) => done.has(p.userId)).map((p) => p.name),
  };
}

function meetingOf(agenda: Agenda): string {
  return `"${agenda.title}" on ${formatLondon(agenda.startsAt)}`;
}

export function remindCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  if (!asksToRemind(input.text)) return null;
  if (!may(partnership, input.actor, 'manage-agendas'))
    return {
      answer: makeAnswer(
        'refused',
        'For the chair and the secretariat',
        `Sorry, ${input.actor.name}: only ${whoMay('manage-agendas')} can remind those who have not answered.`,
      ),
    };
  const agenda = nextAgenda(partnership, input.now);
  if (!agenda || agenda.status !== 'circulated')
    return {
      answer: makeAnswer(
        'agenda',
        'Nobody to remind',
        'No agenda for a coming meeting has been circulated, so there is nothing to answer yet.',
      ),
    };
  const { due, already } = reminderRound(partnership, agenda, input.actor.ids);
  if (due.length === 0 && already.length === 0)
    return {
      answer: makeAnswer(
        'agenda',
        'Nobody to remind',
        `Everyone expected at ${meetingOf(agenda)} has answered, so nobody needs a reminder.`,
      ),
    };
  return {
    // What the edge reports once the reminders are sent and saved; this is for an edge that cannot send them.
    answer: reminderReport(agenda, { reminded: [], already, unreachable: due.map((p) => p.name) }),
    effect: { kind: 'remind-personally', agendaId: agenda.id, by: { name: input.actor.name, ids: input.actor.ids } },
  };
}

/** The personal reminder a member gets. */
export function personalReminder(agenda: Agenda, by: string): Answer {
  return makeAnswer(
    'agenda',
    `Reminder: ${agenda.title}`,
    `${by} asks you to answer the agenda for ${meetingOf(agenda)}: attending, apologies or a substitute, on the agenda card in the partnership's channel.`,
    { suggestions: ["What's on the agenda?"] },
  );
}

export function reminderReport(
  agenda: Agenda,
  round: { reminded: readonly string[]; already: readonly string[]; unreachable: readonly string[] },
): Answer {
  const parts = [
    round.reminded.length > 0
      ? `Reminded personally about ${meetingOf(agenda)}: ${round.reminded.join(', ')}.`
      : `Nobody new was reminded about ${meetingOf(agenda)}.`,
    round.already.length > 0 ? `Already reminded once, so not again: ${round.already.join(', ')}.` : '',
    round.unreachable.length > 0
      ? `Could not be reached: ${round.unreachable.join(', ')} (the bot can only write to someone who has chatted with it personally).`
      : '',
  ];
  return makeAnswer('agenda', 'Reminders', parts.filter(Boolean).join(' '));
}
