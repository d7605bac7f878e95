/**
 * A chat message about actions: the log action form, logging one ("action: ..."), listing them,
 * changing their status, the CSV export. The action is saved before the bot confirms it.
 */
import type { ActionOutcome } from '../core/actions/action-commands.js';
import { OPEN_ACTION_FORM } from '../core/actions/action-form.js';
import { londonDate } from '../core/text/london-time.js';
import { makeAnswer } from '../core/answers/answer.js';
import type { Action, Partnership } from '../core/model/model.js';
import { renderActionFormCard } from '../views/action-form-card.js';
import { renderActionsCard } from '../views/actions-card.js';
import type { ActionRecords } from './ports.js';
import { answered, carded, type Turn, type TurnOutcome, type TurnServices } from './turn.js';

const COMMAND = 'actions';

export function isActionFormRequest(turn: Turn): boolean {
  return OPEN_ACTION_FORM.test(turn.input.text);
}

export function openActionForm(partnership: Partnership): TurnOutcome {
  return carded(COMMAND, renderActionFormCard(partnership), '', 'form');
}

/** Saves what an outcome changes; returns the message to show. */
export async function applyActionOutcome(
  partnershipId: string,
  outcome: ActionOutcome,
  records: ActionRecords,
): Promise<{ message: string; problem: boolean }> {
  if (outcome.update) {
    const saved = await records.save(partnershipId, outcome.update.number, outcome.update.next);
    return saved
      ? { message: outcome.update.confirm(saved).summary, problem: false }
      : { message: 'That action no longer exists.', problem: true };
  }
  return {
    message: outcome.answer?.summary ?? '',
    problem: outcome.answer ? ['invalid', 'refused'].includes(outcome.answer.kind) : false,
  };
}

/** The card confirming a newly logged action, with its Undo and Edit. */
export function loggedActionCard(partnership: Partnership, saved: Action, message: string, now: Date): object {
  return renderActionsCard(
    { title: `Action ${saved.number} logged`, summary: '', actions: [saved], view: `action ${saved.number}` },
    londonDate(now),
    message,
    false,
    true,
    partnership,
  );
}

/** Runs an action command already read from the message (see core/actions/action-commands.ts). */
export async function runActionTurn(
  partnership: Partnership,
  outcome: ActionOutcome,
  turn: Turn,
  services: TurnServices & { actions: ActionRecords },
): Promise<TurnOutcome> {
  const { actions, records } = services;
  const { now } = turn.input;
  const remember = !outcome.answer || !['refused', 'invalid'].includes(outcome.answer.kind);
  const kind = outcome.answer?.kind ?? (outcome.add ? 'logged' : outcome.list ? 'listed' : 'updated');
  const done = (result: TurnOutcome): TurnOutcome => ({
    ...result,
    report: { command: COMMAND, outcome: kind },
    remember,
  });
  if (outcome.exportLink) {
    const { url, minutes } = actions.exportLink(partnership.id);
    return done(answered(COMMAND, outcome.exportLink(url, minutes)));
  }
  if (outcome.list)
    return done(
      carded(
        COMMAND,
        renderActionsCard(outcome.list, londonDate(now), '', false, false, partnership),
        outcome.list.summary,
      ),
    );
  if (outcome.add) {
    const saved = await actions.add(partnership.id, outcome.add.make, outcome.add.once);
    if (outcome.change) await records.update(partnership.id, outcome.change);
    const message = outcome.add.confirm(saved).summary;
    return done(carded(COMMAND, loggedActionCard(partnership, saved, message, now), message));
  }
  if (outcome.change) await records.update(partnership.id, outcome.change);
  const { message } = await applyActionOutcome(partnership.id, outcome, actions);
  const answer = outcome.update
    ? makeAnswer('actions', 'Actions', message)
    : (outcome.answer ?? makeAnswer('actions', 'Actions', message));
  return done(answered(COMMAND, answer));
}
