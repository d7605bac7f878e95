/**
 * The confirmation card's Undo: the action was logged by mistake, so it is withdrawn and leaves
 * every list (see withdrawn.ts), rather than staying there as "dropped".
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput } from '../commands/command.js';
import type { Partnership } from '../model/model.js';
import type { ActionOutcome, ActionsView } from './action-outcome.js';
import { changeable } from './change-action.js';
import { withdrawal } from './withdrawn.js';

export function undoLogging(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
  number: number,
): ActionOutcome {
  const action = changeable(partnership, actions, input, number);
  if (!('number' in action)) return action;
  const at = input.now.toISOString();
  return {
    update: {
      number,
      next: (current) => withdrawal(current, at, { id: input.actor.id, name: input.actor.name }),
      confirm: (saved) =>
        makeAnswer(
          'actions',
          `Action ${saved.number}`,
          `Undone: action ${saved.number} (${saved.owner.name} to ${saved.description}) is withdrawn and no longer listed.`,
        ),
    },
  };
}
