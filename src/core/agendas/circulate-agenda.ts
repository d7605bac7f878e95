/**
 * "circulate" sends the current agenda to every channel linked to the partnership (the edge
 * posts the cards); circulating again after an edit updates the posted cards in place.
 * "cancel the meeting" marks it cancelled and updates the posted cards to say so.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Agenda, Partnership } from '../model/model.js';
import { may, whoMay } from '../model/permissions.js';
import { currentAgenda } from './current-agenda.js';
import { loggedChange } from '../records/record-change.js';
import { formatLondon, londonDate } from '../text/london-time.js';
import { singleSpaced } from '../text/normalise.js';
import { readMeetingReference } from '../answers/meeting-reference.js';

const CIRCULATE = /^(?:circulate|send out|send|post|publish)(?: (?:the )?agenda)?(?: again)? ?\.?$/i;
const CANCEL = /^cancel (?:the )?(?:next )?(?:meeting|agenda)(?: (?:on|of|for) (.{1,60}?))? ?\.?$/i;

export interface PostingResult {
  posted: number;
  updated: number;
  failed: string[];
}

function invalid(summary: string): CommandOutcome {
  return { answer: makeAnswer('invalid', 'Agenda not circulated', summary) };
}

export function circulateCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const circulate = CIRCULATE.test(singleSpaced(input.text));
  const cancelled = circulate ? null : CANCEL.exec(singleSpaced(input.text));
  if (!circulate && !cancelled) return null;
  if (!may(partnership, input.actor, 'manage-agendas')) {
    return {
      answer: makeAnswer(
        'refused',
        'Only the chair or the secretariat',
        `Sorry, ${input.actor.name}: only ${whoMay('manage-agendas')} of the ${partnership.shortName} can circulate or cancel agendas.`,
      ),
    };
  }
  if (cancelled) return cancelMeeting(partnership, input, cancelled[1]);
  const agenda = currentAgenda(partnership, input.now);
  if (!agenda)
    return invalid(
      'There is no agenda for a coming meeting to circulate. Start one with "agenda 14 March 2024 10:00 online".',
    );
  const at = input.now.toISOString();
  if (agenda.items.length === 0)
    return invalid('The agenda has no items yet. Add one with "item B1 <title> - <presenter>", then circulate.');
  if (partnership.channels.length === 0)
    return invalid(
      'No channel is linked to the partnership yet, so there is nowhere to post the agenda. The chair or secretariat writes "link this channel" in each channel first.',
    );
  return {
    answer: makeAnswer('agenda', 'Agenda circulated', `Circulating the agenda for ${formatLondon(agenda.startsAt)}.`),
    change: loggedChange(
      input,
      `agenda:${agenda.id}`,
      `Agenda for ${formatLondon(agenda.startsAt)} circulated`,
      (target) => {
        const stored = target.agendas.find((a) => a.id === agenda.id);
        if (stored && stored.status === 'draft') Object.assign(stored, { status: 'circulated', updatedAt: at });
      },
    ),
    effect: { kind: 'post-agenda', agendaId: agenda.id },
  };
}

/**
 * "cancel the meeting (on 14 March 2027)": the coming meeting the chair means, never simply the
 * agenda edited last. With two or more coming and no date, they are asked which.
 */
function cancelMeeting(partnership: Partnership, input: CommandInput, when: string | undefined): CommandOutcome {
  const coming = partnership.agendas
    .filter((a) => a.status !== 'cancelled' && new Date(a.startsAt).getTime() >= input.now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const ref = when ? readMeetingReference(when, input.now) : null;
  if (when && ref?.kind !== 'date')
    return invalid(
      `I could not read "${when}" as a date. Say, for example, "cancel the meeting on 14 March 2027". Nothing was changed.`,
    );
  const matching = ref?.kind === 'date' ? coming.filter((a) => londonDate(a.startsAt) === ref.date) : coming;
  const label = (a: Agenda): string => `"${a.title}" on ${formatLondon(a.startsAt)}`;
  if (matching.length === 0)
    return invalid(
      when ? `There is no coming meeting on ${when}; nothing was cancelled.` : 'There is no coming meeting to cancel.',
    );
  const [agenda] = matching;
  if (matching.length > 1 || !agenda) {
    return {
      answer: makeAnswer(
        'clarify',
        'Which meeting?',
        `${matching.length} meetings are coming: ${matching.map(label).join('; ')}. Which one is cancelled? Nothing was changed yet.`,
        {
          suggestions: matching
            .slice(0, 3)
            .map((a) => `cancel the meeting on ${formatLondon(a.startsAt).split(', ')[0]}`),
        },
      ),
    };
  }
  const at = input.now.toISOString();
  return {
    answer: makeAnswer('agenda', 'Meeting cancelled', `The meeting ${label(agenda)} is cancelled.`),
    change: loggedChange(
      input,
      `agenda:${agenda.id}`,
      `Meeting of ${formatLondon(agenda.startsAt)} cancelled`,
      (target) => {
        const stored = target.agendas.find((a) => a.id === agenda.id);
        if (stored) Object.assign(stored, { status: 'cancelled', version: stored.version + 1, updatedAt: at });
      },
    ),
    ...(agenda.posts.length > 0 ? { effect: { kind: 'post-agenda' as const, agendaId: agenda.id } } : {}),
  };
}

/** The reply once the cards are posted. */
export function postingReport(agenda: Agenda, result: PostingResult): Answer {
  const done = [
    result.posted > 0 ? `posted to ${result.posted} channel${result.posted === 1 ? '' : 's'}` : '',
    result.updated > 0 ? `updated in place in ${result.updated}` : '',
  ]
    .filter(Boolean)
    .join(' and ');
  const what = `The agenda for ${formatLondon(agenda.startsAt)}`;
  const retry =
    result.failed.length > 0
      ? ` It could not be posted to: ${result.failed.join(', ')}; say "circulate" again to retry.`
      : '';
  if (agenda.status === 'cancelled') {
    const where =
      result.updated > 0
        ? `the posted cards in ${result.updated} channel${result.updated === 1 ? '' : 's'} now say so`
        : 'no posted card needed changing';
    return makeAnswer(
      'agenda',
      'Meeting cancelled',
      `The meeting "${agenda.title}" on ${formatLondon(agenda.startsAt)} is cancelled; ${where}.${retry}`,
    );
  }
  const summary = `${what} was ${done || 'not posted anywhere'}.${retry}`;
  return makeAnswer('agenda', result.failed.length > 0 ? 'Agenda partly circulated' : 'Agenda circulated', summary);
}
