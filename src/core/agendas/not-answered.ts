/**
 * "who hasn't answered?": before a meeting the chair and the secretariat ask who of those expected
 * (the partnership's role holders) has not answered the circulated agenda yet. Read from its words,
 * not one wording: "who hasn't replied", "who has not sent apologies", "who is yet to respond".
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Agenda, Partnership } from '../model/model.js';
import { may, whoMay } from '../model/permissions.js';
import { singleSpaced } from '../text/normalise.js';
import { nextAgenda } from './current-agenda.js';
import { formatLondon } from '../text/london-time.js';

/** Offered on the answer: pressing it sends the words, which remind-not-answered.ts reads. */
export const REMIND_SUGGESTION = "Remind those who haven't answered";

const NEGATIONS = [' not ', "n't ", ' hasnt ', ' havent ', ' yet to ', ' still to '];
const ANSWERING = ['answer', 'repl', 'respond', 'apolog', 'rsvp', 'said if', 'said whether', 'confirmed'];

/** Whether the words speak of not having answered ("haven't replied", "yet to respond"). */
export function speaksOfNotAnswering(text: string): boolean {
  const asked = ` ${singleSpaced(text).toLowerCase().replace(/[?.!]/g, '')} `;
  return NEGATIONS.some((n) => asked.includes(n)) && ANSWERING.some((a) => asked.includes(a));
}

export function asksWhoHasNotAnswered(text: string): boolean {
  return /^\s*who\s/i.test(text) && speaksOfNotAnswering(text);
}

/** The people expected at a meeting who have not answered its agenda, by name. */
export function notAnswered(partnership: Partnership, agenda: Agenda): { userId: string; name: string }[] {
  return partnership.roles
    .filter((r) => !agenda.responses.some((a) => a.userId === r.userId))
    .map((r) => ({ userId: r.userId, name: r.name }));
}

/** The chair's and the secretariat's ids: a card lists them for refresh first, so they always see who has not answered. */
export function organiserIds(partnership: Partnership): string[] {
  return partnership.roles.filter((r) => r.role === 'chair' || r.role === 'secretariat').map((r) => r.userId);
}

export function notAnsweredCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  if (!asksWhoHasNotAnswered(input.text)) return null;
  if (!may(partnership, input.actor, 'manage-agendas')) {
    return {
      answer: makeAnswer(
        'refused',
        'For the chair and the secretariat',
        `Only ${whoMay('manage-agendas')} see who has not answered; the agenda card shows everyone the counts.`,
      ),
    };
  }
  const agenda = nextAgenda(partnership, input.now);
  if (!agenda || agenda.status !== 'circulated')
    return {
      answer: makeAnswer(
        'agenda',
        'Not answered',
        'No agenda for a coming meeting has been circulated, so there is nothing to answer yet.',
      ),
    };
  const pending = notAnswered(partnership, agenda);
  const meeting = `"${agenda.title}" on ${formatLondon(agenda.startsAt)}`;
  if (partnership.roles.length === 0) {
    return {
      answer: makeAnswer(
        'agenda',
        'Not answered',
        `Nobody holds a role in the ${partnership.shortName} yet, so I do not know who is expected at ${meeting}. ${agenda.responses.length} have answered.`,
      ),
    };
  }
  if (pending.length === 0)
    return { answer: makeAnswer('agenda', 'Everyone has answered', `Everyone expected at ${meeting} has answered.`) };
  return {
    answer: makeAnswer(
      'agenda',
      'Not answered yet',
      `${pending.length} of the ${partnership.roles.length} expected at ${meeting} have not answered yet.`,
      {
        entries: pending.map((p) => ({ text: p.name })),
        suggestions: [REMIND_SUGGESTION],
      },
    ),
  };
}
