/**
 * The "log action" form: the same action as a line of chat, from inputs. Values arrive as
 * untrusted data and are checked here; the owner is resolved as for a chat line, never guessed.
 */
import { londonDate } from '../text/london-time.js';
import { makeAnswer } from '../answers/answer.js';
import { formatDate } from '../answers/format.js';
import type { CommandInput } from '../commands/command.js';
import type { Partnership } from '../model/model.js';
import type { ActionOutcome, ActionsView } from './action-outcome.js';
import { linkFacts } from './describe-action.js';
import { MAX_DESCRIPTION, resolveOwner } from './read-action-line.js';
import { newAction } from './new-action.js';

export const OPEN_ACTION_FORM = /^\s*(?:log|new|add|create)\s+(?:an?\s+)?action(?:\s*form)?\s*$/i;

function text(data: Record<string, unknown>, name: string): string {
  const value = data[name];
  return typeof value === 'string' ? value.trim() : '';
}

export function logActionFromForm(
  partnership: Partnership,
  actions: ActionsView,
  raw: unknown,
  input: CommandInput & { activityId?: string },
): ActionOutcome {
  const data = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const invalid = (summary: string): ActionOutcome => ({
    answer: makeAnswer('invalid', 'Action not logged', `${summary} Nothing was logged.`),
  });
  const earlier = input.activityId ? actions.loggedBy(input.activityId) : undefined;
  if (earlier)
    return { answer: makeAnswer('actions', `Action ${earlier.number}`, `Action ${earlier.number} is logged.`) };
  const description = text(data, 'description');
  const due = text(data, 'due');
  const priorityId = text(data, 'priorityId');
  if (!text(data, 'owner')) return invalid('Say who will do it.');
  if (!description) return invalid('Say what is to be done.');
  if (description.length > MAX_DESCRIPTION)
    return invalid(`That action is ${description.length} characters long; keep it under ${MAX_DESCRIPTION}.`);
  if (due && (!/^\d{4}-\d{2}-\d{2}$/.test(due) || Number.isNaN(Date.parse(due))))
    return invalid('The due date is not a date.');
  if (due && due < londonDate(input.now)) return invalid('The due date is in the past.');
  const known = partnership.priorityYears.at(-1)?.priorities.some((p) => p.id === priorityId) ?? false;
  if (priorityId && !known) return invalid("That is not one of the partnership's priorities.");
  const owner = resolveOwner(partnership, text(data, 'owner'), input.mentions);
  if ('problem' in owner) return { answer: makeAnswer('invalid', 'Action not logged', owner.problem) };
  return {
    add: {
      ...(input.activityId ? { once: input.activityId } : {}),
      make: (number) =>
        newAction(
          partnership.id,
          number,
          { owner, description, due, priorityId },
          { input, ...(input.activityId ? { activityId: input.activityId } : {}) },
        ),
      confirm: (saved) =>
        makeAnswer(
          'actions',
          `Action ${saved.number} logged`,
          `Action ${saved.number} logged: ${saved.owner.name} to ${saved.description}, ${saved.due ? `due ${formatDate(saved.due)}` : 'no due date'}.`,
          { facts: linkFacts(partnership, saved) },
        ),
    },
  };
}
