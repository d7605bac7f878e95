/**
 * The agenda card's buttons: pressed in place (a Universal Action: the answer is stored and the
 * card the member sees is replaced by their own view) or, from clients without them, sent as an
 * Action.Submit message. After a stored answer the posted cards are brought up to date in the
 * background so that everyone sees the counts.
 */
import { organiserIds } from '../core/agendas/not-answered.js';
import { recordAttendance, responderId } from '../core/agendas/record-attendance.js';
import type { Partnership } from '../core/model/model.js';
import { renderAgendaCard } from '../views/agenda-card.js';
import { carded, texted, type CardPress, type Turn, type TurnOutcome, type TurnServices } from './turn.js';

const COMMAND = 'agenda-answer';

export async function answerAgendaCard(
  partnership: Partnership,
  press: CardPress,
  turn: Turn,
  services: TurnServices,
): Promise<TurnOutcome> {
  const { actor, now } = turn.input;
  const { verb: _verb, ...data } = press.data;
  const outcome = recordAttendance(partnership, { verb: press.verb, data }, actor, now);
  if (outcome.change && outcome.agenda) {
    await services.records.update(partnership.id, outcome.change);
    services.refreshPosts?.(partnership.id, outcome.agenda.id);
  }
  if (press.via === 'submit') return texted(COMMAND, outcome.message || 'Here is the agenda.');
  if (!outcome.agenda) return texted(press.verb, outcome.message);
  const viewer = {
    userId: responderId(actor),
    organiser: outcome.organiser,
    expected: partnership.roles.map((r) => ({ userId: r.userId, name: r.name })),
  };
  return carded(
    press.verb,
    renderAgendaCard(outcome.agenda, viewer, outcome.message, organiserIds(partnership)),
    outcome.message,
  );
}
