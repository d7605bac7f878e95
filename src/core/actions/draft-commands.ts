/**
 * The secretariat turns the importer's draft actions into agreed ones, or discards them:
 * "confirm draft D2", "discard draft D1". Drafts are numbered D1, D2... in the order proposed. A
 * confirmed draft becomes an action once: the action remembers the draft it came from.
 */
import { makeAnswer } from '../answers/answer.js';
import { formatDate } from '../answers/format.js';
import type { CommandInput } from '../commands/command.js';
import type { DraftAction, Partnership } from '../model/model.js';
import { may, whoMay } from '../model/permissions.js';
import type { ActionOutcome, ActionsView } from './action-outcome.js';
import { ownerUserId, unreachableNote } from './owner-links.js';
import { newAction } from './new-action.js';

const COMMAND = /^\s*(confirm|accept|agree|discard|reject|drop)\s+draft(?:\s+action)?\s+D?(\d{1,4})\.?\s*$/i;

/** Drafts give a month where the minutes do ("in March 2023"): the action is due at its end. */
function dueDate(due: string | undefined): string | undefined {
  if (!due || due.length === 10) return due;
  const [y, m] = due.split('-').map(Number);
  if (!y || !m) return undefined;
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
}

export function draftLabel(partnership: Partnership, draft: DraftAction): string {
  return `D${partnership.draftActions.indexOf(draft) + 1}`;
}

export function runDraftCommand(
  partnership: Partnership,
  actions: ActionsView,
  input: CommandInput,
): ActionOutcome | null {
  const match = COMMAND.exec(input.text);
  if (!match) return null;
  if (!may(partnership, input.actor, 'manage-actions')) {
    return {
      answer: makeAnswer(
        'refused',
        'Only the chair or the secretariat',
        `Sorry, ${input.actor.name}: only ${whoMay('manage-actions')} can confirm or discard draft actions.`,
      ),
    };
  }
  const draft = partnership.draftActions[Number(match[2]) - 1];
  if (!draft)
    return {
      answer: makeAnswer(
        'invalid',
        'No such draft',
        `There is no draft action D${match[2]}. Say "draft actions" to see them.`,
      ),
    };
  const confirming = /^(confirm|accept|agree)$/i.test(match[1] ?? '');
  const label = draftLabel(partnership, draft);
  if (draft.status !== 'draft')
    return { answer: makeAnswer('invalid', 'Already done', `Draft ${label} was already ${draft.status}.`) };
  const mark = (target: Partnership): void => {
    const stored = target.draftActions.find((d) => d.id === draft.id);
    if (stored) stored.status = confirming ? 'confirmed' : 'discarded';
  };
  if (!confirming)
    return {
      answer: makeAnswer('actions', 'Draft discarded', `Draft ${label} (${draft.owner}: ${draft.what}) is discarded.`),
      change: mark,
    };
  const source = `draft:${draft.id}`;
  const existing = actions.loggedBy(source);
  if (existing)
    return {
      answer: makeAnswer('actions', 'Already an action', `Draft ${label} is already action ${existing.number}.`),
      change: mark,
    };
  const due = dueDate(draft.due);
  // A name from the minutes already linked to a member is that member (see owner-links.ts).
  const userId = ownerUserId(partnership, {
    name: draft.owner,
    ...(draft.ownerPersonId ? { personId: draft.ownerPersonId } : {}),
  });
  return {
    change: mark,
    add: {
      once: source,
      make: (number) =>
        newAction(
          partnership.id,
          number,
          {
            owner: {
              name: draft.owner,
              ...(draft.ownerPersonId ? { personId: draft.ownerPersonId } : {}),
              ...(userId ? { userId } : {}),
            },
            description: draft.what,
            due,
            meeting: { meetingId: draft.meetingId, itemId: draft.itemId },
          },
          { input, activityId: source, note: `confirmed from draft ${label}` },
        ),
      confirm: (saved) =>
        makeAnswer(
          'actions',
          `Action ${saved.number}`,
          `Draft ${label} confirmed as action ${saved.number}: ${saved.owner.name} to ${saved.description}${saved.due ? `, due ${formatDate(saved.due)}` : ''}.${saved.owner.userId ? '' : ` ${unreachableNote([saved.owner.name])}`}`,
        ),
    },
  };
}
