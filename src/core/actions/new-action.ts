/**
 * A new action, however it was logged (a line of chat, the form, a draft from the minutes
 * confirmed): what was said about it, plus what every new action has (its number, open, who
 * logged it and when, the activity that logged it, its first history entry).
 */
import type { CommandInput } from '../commands/command.js';
import type { Action } from '../model/model.js';

/** What the member said: the rest is the same for every new action. */
export type NewActionFields = Pick<Action, 'owner' | 'description' | 'due' | 'priorityId' | 'meeting'>;

export function newAction(
  partnershipId: string,
  number: number,
  fields: NewActionFields,
  logged: { input: CommandInput; activityId?: string; note?: string },
): Action {
  const at = logged.input.now.toISOString();
  const by = { id: logged.input.actor.id, name: logged.input.actor.name };
  // Optional fields not given (undefined, or an empty form field) are left out, not stored empty.
  const given = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && value !== ''));
  return {
    id: `${partnershipId}#${number}`,
    partnershipId,
    number,
    ...(given as NewActionFields),
    status: 'open',
    createdBy: by,
    createdAt: at,
    ...(logged.activityId ? { sourceActivityId: logged.activityId } : {}),
    history: [{ at, by, change: 'created', ...(logged.note ? { to: logged.note } : {}) }],
  };
}
