/**
 * Commands that change records (see core/commands): the directory's (partnerships, backups), read
 * before the turn's partnership is known, and the partnership's own (agendas, leads, roles,
 * resolutions, links, undo). A change is saved before the reply; posting cards follows it.
 */
import { postingReport } from '../core/agendas/circulate-agenda.js';
import { makeAnswer, type Answer } from '../core/answers/answer.js';
import type { CommandOutcome } from '../core/commands/command.js';
import { runCommand } from './record-commands.js';
import type { Partnership } from '../core/model/model.js';
import { partnershipCommand } from '../core/partnerships/partnership-commands.js';
import { saveCommand, type CommandReader } from './save-command.js';
import { answered, type Turn, type TurnOutcome, type TurnServices } from './turn.js';

function actionsHeld(services: TurnServices): (partnershipId: string) => number {
  return (id) => services.actions?.view(id).all().length ?? 0;
}

export async function runPartnershipCommand(
  first: CommandOutcome,
  turn: Turn,
  services: TurnServices,
): Promise<TurnOutcome> {
  const saved = await saveCommand(services.records, turn.input, partnershipCommand, first, actionsHeld(services));
  let answer: Answer = saved.answer;
  const effect = saved.outcome.effect;
  if (effect?.kind === 'backup-link') {
    const link = services.backupLink?.();
    answer = link
      ? effect.answer(link.url, link.minutes)
      : makeAnswer('invalid', 'Not available', 'This server does not offer store exports.');
  }
  return answered(saved.outcome.command ?? 'partnerships', answer);
}

export async function runRecordCommand(
  partnership: Partnership,
  first: CommandOutcome,
  turn: Turn,
  services: TurnServices,
): Promise<TurnOutcome> {
  const { records, poster } = services;
  const inPartnership: CommandReader = (directory, again) => {
    const current = directory.partnerships[partnership.id];
    const outcome = current ? runCommand(current, again) : null;
    return outcome ? { partnershipId: partnership.id, ...outcome } : null;
  };
  const saved = await saveCommand(
    records,
    turn.input,
    inPartnership,
    { partnershipId: partnership.id, ...first },
    actionsHeld(services),
  );
  let { answer } = saved;
  const effect = saved.outcome.effect;
  if (effect?.kind === 'post-agenda' && poster) {
    const result = await poster.post(partnership.id, effect.agendaId);
    const agenda = records.partnership(partnership.id)?.agendas.find((a) => a.id === effect.agendaId);
    // Circulating or cancelling is reported by what happened to the cards; any other change (a
    // meeting moved, an undo) says what it did, and the report of the cards follows it.
    if (agenda)
      answer =
        saved.outcome.command === 'circulate'
          ? postingReport(agenda, result)
          : { ...answer, summary: `${answer.summary} ${postingReport(agenda, result).summary}` };
  }
  if (effect?.kind === 'remind-personally')
    answer = (await services.personalReminders?.send(partnership.id, effect.agendaId, effect.by)) ?? answer;
  return answered(saved.outcome.command ?? 'command', answer);
}
