/**
 * The agenda builder form: "new agenda" opens it (for organisers; anyone else is told who can);
 * its buttons are answered with the form as it now stands, the change saved first and the
 * outcome shown on the card.
 */
import { agendaFormAction } from '../core/agendas/agenda-form.js';
import { refuseUnlessOrganiser } from '../core/agendas/agenda-edits.js';
import { postingReport } from '../core/agendas/circulate-agenda.js';
import { currentAgenda } from '../core/agendas/current-agenda.js';
import type { Partnership } from '../core/model/model.js';
import { renderAgendaCard } from '../views/agenda-card.js';
import { renderAgendaFormCard } from '../views/agenda-form-card.js';
import { answered, carded, type CardPress, type Turn, type TurnOutcome, type TurnServices } from './turn.js';

const COMMAND = 'agenda-form';

export function openAgendaForm(partnership: Partnership, turn: Turn): TurnOutcome {
  // Every button on the builder would be refused: say who can, instead of opening it.
  const refused = refuseUnlessOrganiser(partnership, turn.input);
  if (refused) return answered(COMMAND, refused.answer);
  return carded(
    COMMAND,
    renderAgendaFormCard(currentAgenda(partnership, turn.input.now), `${partnership.name} meeting`),
  );
}

export async function pressAgendaForm(
  partnership: Partnership,
  press: CardPress,
  turn: Turn,
  services: TurnServices,
): Promise<TurnOutcome> {
  const { records, poster } = services;
  const { outcome, agendaId, view } = agendaFormAction(partnership, press.verb, press.data, {
    ...turn.input,
    text: '',
  });
  if (outcome.change) await records.update(partnership.id, outcome.change);
  let message = outcome.answer.summary;
  const effect = outcome.effect;
  if (effect?.kind === 'post-agenda' && poster && records.partnership(partnership.id)) {
    const result = await poster.post(partnership.id, effect.agendaId);
    const agenda = records.partnership(partnership.id)?.agendas.find((a) => a.id === effect.agendaId);
    if (agenda) message = postingReport(agenda, result).summary;
  }
  const after = records.partnership(partnership.id)?.agendas.find((a) => a.id === agendaId);
  const problem = ['invalid', 'refused'].includes(outcome.answer.kind);
  const card =
    view === 'preview' && after
      ? renderAgendaCard(after)
      : renderAgendaFormCard(after, `${partnership.name} meeting`, message, problem);
  return carded(press.via === 'invoke' ? press.verb : COMMAND, card, message, outcome.answer.kind);
}
