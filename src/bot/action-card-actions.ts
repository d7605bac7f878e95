/**
 * The tracker card's buttons (In progress, Done, Drop) and the confirmation card's Undo and Edit,
 * arriving as Universal Action invokes: the change is saved, then the card is replaced by the same
 * list brought up to date, with what happened (or why nothing did) at the top.
 */
import type { AdaptiveCardInvokeResponse } from 'botbuilder';
import { changeStatus, editAction, runActionCommand, type ActionOutcome } from '../core/actions/action-commands.js';
import { logActionFromForm } from '../core/actions/action-form.js';
import { undoLogging } from '../core/actions/undo-logging.js';
import { londonDate } from '../core/agendas/london-time.js';
import type { CommandInput } from '../core/commands/command.js';
import type { ActionStatus, Partnership } from '../core/model.js';
import { renderActionFormCard } from '../views/action-form-card.js';
import { renderActionsCard } from '../views/actions-card.js';
import { messageResponse } from './agenda-actions.js';
import type { ActionRecords } from './partnership-bot.js';

const STATUSES: readonly ActionStatus[] = ['open', 'in progress', 'done', 'dropped'];

export function isActionVerb(verb: unknown): verb is string {
  return typeof verb === 'string' && (verb.startsWith('action.') || verb === 'actionForm.log');
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

export async function answerActionInvoke(
  partnership: Partnership,
  verb: string,
  raw: unknown,
  input: CommandInput & { activityId?: string },
  records: ActionRecords,
): Promise<AdaptiveCardInvokeResponse> {
  const data = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  if (verb === 'actionForm.log') return logFromForm(partnership, data, input, records);
  const number = Number(data.number);
  const view = typeof data.view === 'string' && data.view.length < 200 ? data.view : 'open actions';
  if (!Number.isInteger(number) || number < 1)
    return messageResponse('That card sent something unexpected; nothing was changed.');
  const actions = records.view(partnership.id);
  const status = typeof data.status === 'string' ? (data.status as ActionStatus) : undefined;
  let outcome: ActionOutcome;
  if (verb === 'action.status' && status && STATUSES.includes(status))
    outcome = changeStatus(partnership, actions, input, number, status);
  else if (verb === 'action.undo') outcome = undoLogging(partnership, actions, input, number);
  else if (verb === 'action.edit')
    outcome = editAction(partnership, actions, input, number, { description: data.description, due: data.due });
  else return messageResponse('That is not something this card can do; nothing was changed.');
  const { message, problem } = await applyActionOutcome(partnership.id, outcome, records);
  const again = runActionCommand(partnership, records.view(partnership.id), { ...input, text: view });
  const list = again?.list ?? { title: 'Actions', summary: '', actions: [], view };
  return {
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value: renderActionsCard(list, londonDate(input.now), message, problem, false, partnership),
  };
}

async function logFromForm(
  partnership: Partnership,
  data: Record<string, unknown>,
  input: CommandInput & { activityId?: string },
  records: ActionRecords,
): Promise<AdaptiveCardInvokeResponse> {
  const outcome = logActionFromForm(partnership, records.view(partnership.id), data, input);
  const card = (value: AdaptiveCardInvokeResponse['value']): AdaptiveCardInvokeResponse => ({
    statusCode: 200,
    type: 'application/vnd.microsoft.card.adaptive',
    value,
  });
  if (!outcome.add) return card(renderActionFormCard(partnership, outcome.answer?.summary ?? '', data));
  const saved = await records.add(partnership.id, outcome.add.make, outcome.add.once);
  const message = outcome.add.confirm(saved).summary;
  return card(
    renderActionsCard(
      { title: `Action ${saved.number} logged`, summary: '', actions: [saved], view: `action ${saved.number}` },
      londonDate(input.now),
      message,
      false,
      true,
      partnership,
    ),
  );
}
