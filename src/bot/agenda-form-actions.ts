/**
 * The agenda builder form in the bot: "new agenda" opens it; its buttons arrive as Universal
 * Action invokes (or Action.Submit messages) and are answered with the form as it now stands,
 * the change saved first and the outcome shown on the card.
 */
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { agendaFormAction } from '../core/agendas/agenda-form.js';
import { postingReport } from '../core/agendas/circulate-agenda.js';
import { currentAgenda } from '../core/agendas/current-agenda.js';
import type { CommandInput } from '../core/commands/command.js';
import type { Partnership } from '../core/model.js';
import { renderAgendaCard } from '../views/agenda-card.js';
import { renderAgendaFormCard } from '../views/agenda-form-card.js';
import type { AdaptiveCard } from '../views/expand-card.js';
import type { AgendaPosting, PartnershipRecords } from './partnership-bot.js';

export function openAgendaForm(partnership: Partnership, now: Date): AdaptiveCard {
  return renderAgendaFormCard(currentAgenda(partnership, now), `${partnership.name} meeting`);
}

export async function runAgendaForm(
  partnership: Partnership,
  verb: string,
  data: unknown,
  input: CommandInput,
  records: PartnershipRecords,
  poster: AgendaPosting | undefined,
): Promise<AdaptiveCardInvokeResponse> {
  const { outcome, agendaId, view } = agendaFormAction(partnership, verb, data, input);
  if (outcome.change) await records.update(partnership.id, outcome.change);
  let message = outcome.answer.summary;
  const current = records.partnership(partnership.id);
  const effect = outcome.effect;
  if (effect?.kind === 'post-agenda' && poster && current) {
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
  return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card };
}
