/**
 * What an action is linked to, as members name it: the priority by its name (in whichever year it
 * was one), the meeting by its date and item. Actions store ids so that renames follow them.
 */
import { meetingLabel } from '../answers/format.js';
import type { Action, Partnership } from '../model/model.js';

export interface ActionLinks {
  priority?: string;
  /** "meeting of Thursday 24 March 2022" */
  meeting?: string;
  item?: string;
}

export function actionLinks(partnership: Partnership | undefined, action: Action): ActionLinks {
  if (!partnership) return {};
  const priority = action.priorityId
    ? [...partnership.priorityYears]
        .reverse()
        .flatMap((y) => y.priorities)
        .find((p) => p.id === action.priorityId)
    : undefined;
  const meeting = action.meeting ? partnership.meetings.find((m) => m.id === action.meeting?.meetingId) : undefined;
  return {
    ...(action.priorityId ? { priority: priority?.name ?? action.priorityId } : {}),
    ...(action.meeting ? { meeting: meeting ? `meeting of ${meetingLabel(meeting)}` : action.meeting.meetingId } : {}),
    ...(action.meeting?.itemId ? { item: action.meeting.itemId } : {}),
  };
}

/** " · for Road Safety · from the meeting of Thursday 24 March 2022, item B3", or nothing. */
export function describeLinks(links: ActionLinks): string {
  const item = links.item ? `, item ${links.item}` : '';
  return `${links.priority ? ` · for ${links.priority}` : ''}${links.meeting ? ` · from the ${links.meeting}${item}` : ''}`;
}
