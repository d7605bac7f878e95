/**
 * "undo" when the member's latest change was to an action, not to the records: a status change goes
 * back to the status before, a logging is withdrawn (see undo-logging.ts). The records' own undo
 * (core/records) takes "undo" when their latest change there is newer. Like it, this undoes only the
 * member's own latest change, and never one someone changed since.
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput } from '../commands/command.js';
import type { Action, ActionChange, Partnership } from '../model/model.js';
import { asksToUndo } from '../records/history-commands.js';
import type { ActionOutcome, ActionsView } from './action-outcome.js';
import { undoLogging } from './undo-logging.js';
import { isWithdrawn } from './withdrawn.js';

interface Latest {
  action: Action;
  index: number;
  entry: ActionChange;
}

/** The member's latest change to an action that is not undone yet. */
function latestActionChange(actions: ActionsView, ids: readonly string[]): Latest | undefined {
  let latest: Latest | undefined;
  for (const action of actions.all())
    action.history.forEach((entry, index) => {
      if (entry.undone || !ids.includes(entry.by.id) || (latest && latest.entry.at > entry.at)) return;
      latest = { action, index, entry };
    });
  return latest;
}

/** Null when "undo" is not for actions: no such words, or the member's latest change was to the records. */
export function undoActionChange(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
): ActionOutcome | null {
  if (!asksToUndo(input.text)) return null;
  const latest = latestActionChange(actions, input.actor.ids);
  if (!latest || isWithdrawn(latest.action)) return null;
  const recordChange = [...(partnership.changes ?? [])]
    .reverse()
    .find((c) => !c.undone && input.actor.ids.includes(c.by.id));
  // Changes in the same instant cannot be ordered: the records' own undo takes it, as before actions had one.
  if (recordChange && recordChange.at >= latest.entry.at) return null;
  const { action, index, entry } = latest;
  if (entry.change === 'created') return undoLogging(partnership, actions, input, action.number);
  if (index !== action.history.length - 1)
    return {
      answer: makeAnswer(
        'invalid',
        'Changed since',
        `Your last change was to action ${action.number}, and it was changed again since, so undoing yours would undo that too. Nothing changed.`,
      ),
    };
  if (entry.change === 'edited' || !entry.from)
    return {
      answer: makeAnswer(
        'invalid',
        'Edit it again',
        `Your last change was an edit of action ${action.number}, which cannot be undone: edit it again from its card.`,
      ),
    };
  const before = entry.from as Action['status'];
  const at = input.now.toISOString();
  return {
    update: {
      number: action.number,
      next: (current) => ({
        ...current,
        status: before,
        history: current.history.map((h, i) => (i === index ? { ...h, undone: at } : h)),
      }),
      confirm: (saved) =>
        makeAnswer(
          'actions',
          `Action ${saved.number}`,
          `Undone: action ${saved.number} is ${saved.status} again (it was marked ${entry.to}).`,
        ),
    },
  };
}
