/**
 * Changing an action from chat or its card: status ("12 done", "action 12 in progress", "drop
 * action 12") and the Edit form. Owners and loggers change their own; the chair, the secretariat and officers anyone's.
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput } from '../commands/command.js';
import type { Action, ActionStatus, Partnership } from '../model/model.js';
import { may, whoMay, type Actor } from '../model/permissions.js';
import { londonDate } from '../text/london-time.js';
import { MAX_DESCRIPTION } from './read-action-line.js';
import type { ActionOutcome, ActionsView } from './action-outcome.js';
import { describeAction } from './describe-action.js';
import { isWithdrawn } from './withdrawn.js';

const STATUS =
  /^(?:action )?#?(\d{1,6}) (?:is |as )?(done|complete|completed|closed|in progress|started|open|reopen(?:ed)?|dropped|drop|cancelled) ?\.?$|^(?:mark|set) (?:action )?#?(\d{1,6}) (?:as )?(done|complete|in progress|open|dropped) ?\.?$|^(drop|reopen|close|complete) action #?(\d{1,6}) ?\.?$/i;

/** The status change the message asks for ("12 done"), or null. `text` is single-spaced. */
export function runStatusCommand(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
  text: string,
): ActionOutcome | null {
  const status = STATUS.exec(text);
  if (!status) return null;
  const number = Number(status[1] ?? status[3] ?? status[6]);
  return changeStatus(partnership, actions, input, number, statusOf(status[2] ?? status[4] ?? status[5] ?? 'open'));
}

function statusOf(word: string): ActionStatus {
  const w = word.toLowerCase();
  if (/^(done|complete|completed|closed)$/.test(w)) return 'done';
  if (/^(in progress|started)$/.test(w)) return 'in progress';
  if (/^(dropped|drop|cancelled)$/.test(w)) return 'dropped';
  return 'open';
}

/** Owner or logger, by Teams or Azure AD id only: anyone can take a display name. */
function isMine(action: Action, actor: Actor): boolean {
  return (
    (action.owner.userId !== undefined && actor.ids.includes(action.owner.userId)) ||
    actor.ids.includes(action.createdBy.id)
  );
}

/** The action, if the member may change it; otherwise why not. */
export function changeable(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
  number: number,
): Action | ActionOutcome {
  const action = actions.get(number);
  if (!action)
    return {
      answer: makeAnswer('invalid', 'No such action', `There is no action ${number}. Say "open actions" to see them.`),
    };
  if (isWithdrawn(action))
    return {
      answer: makeAnswer(
        'invalid',
        'Action withdrawn',
        `Action ${number}'s logging was undone, so it is not in the tracker. Log it again if it is needed.`,
      ),
    };
  if (!isMine(action, input.actor) && !may(partnership, input.actor, 'update-actions')) {
    return {
      answer: makeAnswer(
        'refused',
        'Not your action',
        `Sorry, ${input.actor.name}: action ${number} is ${action.owner.name}'s. Only its owner, or ${whoMay('update-actions')}, can change it.`,
      ),
    };
  }
  return action;
}

export function changeStatus(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
  number: number,
  status: ActionStatus,
): ActionOutcome {
  const action = changeable(partnership, actions, input, number);
  if (!('number' in action)) return action;
  if (action.status === status)
    return { answer: makeAnswer('invalid', 'No change', `Action ${number} is already ${status}.`) };
  const at = input.now.toISOString();
  const today = londonDate(input.now);
  return {
    update: {
      number,
      next: (current) => ({
        ...current,
        status,
        history: [
          ...current.history,
          {
            at,
            by: { id: input.actor.id, name: input.actor.name },
            change: 'status',
            from: current.status,
            to: status,
          },
        ],
      }),
      confirm: (saved) =>
        makeAnswer('actions', `Action ${saved.number}`, `Action ${saved.number} is now ${saved.status}.`, {
          entries: [describeAction(saved, today)],
        }),
    },
  };
}

/** A new description or due date from the confirmation card's Edit. */
export function editAction(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
  number: number,
  fields: { description?: unknown; due?: unknown },
): ActionOutcome {
  const action = changeable(partnership, actions, input, number);
  if (!('number' in action)) return action;
  const description = typeof fields.description === 'string' ? fields.description.trim() : undefined;
  const due = typeof fields.due === 'string' ? fields.due.trim() : undefined;
  if (description !== undefined && (description === '' || description.length > MAX_DESCRIPTION)) {
    return {
      answer: makeAnswer(
        'invalid',
        'Not changed',
        `Say what is to be done, in under ${MAX_DESCRIPTION} characters. Nothing was changed.`,
      ),
    };
  }
  if (due && (!/^\d{4}-\d{2}-\d{2}$/.test(due) || due < londonDate(input.now)))
    return {
      answer: makeAnswer('invalid', 'Not changed', 'The due date must be a date still to come. Nothing was changed.'),
    };
  const at = input.now.toISOString();
  const today = londonDate(input.now);
  return {
    update: {
      number,
      next: (current) => {
        const { due: _old, ...rest } = current;
        const changed = {
          ...rest,
          ...(description ? { description } : {}),
          ...(due ? { due } : due === '' ? {} : current.due ? { due: current.due } : {}),
        };
        return {
          ...changed,
          history: [
            ...current.history,
            { at, by: { id: input.actor.id, name: input.actor.name }, change: 'edited' as const },
          ],
        };
      },
      confirm: (saved) =>
        makeAnswer('actions', `Action ${saved.number}`, `Action ${saved.number} updated.`, {
          entries: [describeAction(saved, today)],
        }),
    },
  };
}
