/**
 * The tracker card's buttons (In progress, Done, Drop), the confirmation card's Undo and Edit, and
 * the log action form: the change is saved, then the card is replaced by the same list brought up
 * to date, with what happened (or why nothing did) at the top.
 */
import { changeStatus, editAction, runActionCommand, type ActionOutcome } from '../core/actions/action-commands.js';
import { logActionFromForm } from '../core/actions/action-form.js';
import { undoLogging } from '../core/actions/undo-logging.js';
import { isWithdrawn } from '../core/actions/withdrawn.js';
import { londonDate } from '../core/text/london-time.js';
import type { ActionStatus, Partnership } from '../core/model/model.js';
import { renderActionFormCard } from '../views/action-form-card.js';
import { renderActionsCard } from '../views/actions-card.js';
import { applyActionOutcome, loggedActionCard } from './action-turns.js';
import type { ActionRecords } from './ports.js';
import { carded, texted, type CardPress, type Turn, type TurnOutcome } from './turn.js';

const STATUSES: readonly ActionStatus[] = ['open', 'in progress', 'done', 'dropped'];

async function logFromForm(
  partnership: Partnership,
  press: CardPress,
  turn: Turn,
  records: ActionRecords,
): Promise<TurnOutcome> {
  const outcome = logActionFromForm(partnership, records.view(partnership.id), press.data, turn.input);
  if (!outcome.add)
    return carded(
      press.verb,
      renderActionFormCard(partnership, outcome.answer?.summary ?? '', press.data),
      '',
      'invalid',
    );
  const saved = await records.add(partnership.id, outcome.add.make, outcome.add.once);
  const message = outcome.add.confirm(saved).summary;
  return carded(press.verb, loggedActionCard(partnership, saved, message, turn.input.now), message, 'logged');
}

export async function pressActionCard(
  partnership: Partnership,
  press: CardPress,
  turn: Turn,
  records: ActionRecords,
): Promise<TurnOutcome> {
  const { verb, data } = press;
  if (verb === 'actionForm.log') return logFromForm(partnership, press, turn, records);
  const number = Number(data.number);
  const view = typeof data.view === 'string' && data.view.length < 200 ? data.view : 'open actions';
  const unexpected = 'That card sent something unexpected; nothing was changed.';
  if (!Number.isInteger(number) || number < 1) return texted(verb, unexpected, 'invalid');
  const actions = records.view(partnership.id);
  const status = typeof data.status === 'string' ? (data.status as ActionStatus) : undefined;
  const input = { ...turn.input, text: '' };
  let outcome: ActionOutcome;
  if (verb === 'action.status' && status && STATUSES.includes(status))
    outcome = changeStatus(partnership, actions, input, number, status);
  else if (verb === 'action.undo') outcome = undoLogging(partnership, actions, input, number);
  else if (verb === 'action.edit')
    outcome = editAction(partnership, actions, input, number, { description: data.description, due: data.due });
  else return texted(verb, unexpected, 'invalid');
  const { message, problem } = await applyActionOutcome(partnership.id, outcome, records);
  const after = records.view(partnership.id);
  const again = runActionCommand(partnership, after, { ...input, text: view });
  const listed = again?.list ?? { title: 'Actions', summary: '', actions: [], view };
  // An action the change took out of the view ("my actions" lists open ones) stays on the card, as it now is.
  const changed = after.get(number);
  const list =
    changed && !isWithdrawn(changed) && !listed.actions.some((a) => a.number === number)
      ? { ...listed, actions: [changed, ...listed.actions] }
      : listed;
  return carded(
    verb,
    renderActionsCard(list, londonDate(turn.input.now), message, problem, false, partnership),
    message,
    problem ? 'refused' : 'updated',
  );
}
