/**
 * A chat message about actions: the log action form, logging one ("action: ..."), listing them,
 * changing their status, the CSV export. The action is saved before the bot confirms it.
 */
import type { TurnContext } from 'botbuilder';
import { runActionCommand } from '../core/actions/action-commands.js';
import { OPEN_ACTION_FORM } from '../core/actions/action-form.js';
import { londonDate } from '../core/agendas/london-time.js';
import { makeAnswer } from '../core/answers/answer.js';
import type { CommandInput } from '../core/commands/command.js';
import type { Partnership } from '../core/model.js';
import { renderActionFormCard } from '../views/action-form-card.js';
import { renderActionsCard } from '../views/actions-card.js';
import { applyActionOutcome } from './action-card-actions.js';
import { answerActivity, cardActivity } from './card-activity.js';
import type { ActionRecords, PartnershipRecords } from './partnership-bot.js';
import { reportTurn } from './turn-report.js';

export interface ActionTurnDeps {
  actions: ActionRecords;
  records: PartnershipRecords;
  /** Keeps the member's chat once the turn has done what was asked. */
  remember: () => Promise<void>;
}

/** Answers a message about actions; false when the message is about something else. */
export async function runActionTurn(
  context: TurnContext,
  partnership: Partnership,
  input: CommandInput & { activityId?: string },
  deps: ActionTurnDeps,
): Promise<boolean> {
  const { actions, records } = deps;
  if (OPEN_ACTION_FORM.test(input.text)) {
    await context.sendActivity(cardActivity(renderActionFormCard(partnership), ''));
    return true;
  }
  const outcome = runActionCommand(partnership, actions.view(partnership.id), input);
  if (!outcome) return false;
  reportTurn(context, {
    command: 'actions',
    outcome: outcome.answer?.kind ?? (outcome.add ? 'logged' : outcome.list ? 'listed' : 'updated'),
  });
  if (!outcome.answer || !['refused', 'invalid'].includes(outcome.answer.kind)) await deps.remember();
  const today = londonDate(input.now);
  if (outcome.exportLink) {
    const { url, minutes } = actions.exportLink(partnership.id);
    await context.sendActivity(answerActivity(outcome.exportLink(url, minutes)));
  } else if (outcome.list) {
    await context.sendActivity(
      cardActivity(renderActionsCard(outcome.list, today, '', false, false, partnership), outcome.list.summary),
    );
  } else if (outcome.add) {
    const saved = await actions.add(partnership.id, outcome.add.make, outcome.add.once);
    if (outcome.change) await records.update(partnership.id, outcome.change);
    const message = outcome.add.confirm(saved).summary;
    const card = renderActionsCard(
      { title: `Action ${saved.number} logged`, summary: '', actions: [saved], view: `action ${saved.number}` },
      today,
      message,
      false,
      true,
      partnership,
    );
    await context.sendActivity(cardActivity(card, message));
  } else {
    if (outcome.change) await records.update(partnership.id, outcome.change);
    const { message } = await applyActionOutcome(partnership.id, outcome, actions);
    if (message)
      await context.sendActivity(
        answerActivity(
          outcome.update
            ? makeAnswer('actions', 'Actions', message)
            : (outcome.answer ?? makeAnswer('actions', 'Actions', message)),
        ),
      );
  }
  return true;
}
