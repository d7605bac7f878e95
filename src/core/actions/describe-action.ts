/** How one action reads in answers, cards and the digest: its line, whether it is overdue, its links. */
import { formatDate } from '../answers/format.js';
import type { Action, Partnership } from '../model/model.js';
import { actionLinks, describeLinks } from './action-links.js';

/** The priority and meeting an action is linked to, as facts on its confirmation. */
export function linkFacts(partnership: Partnership, action: Action): { title: string; value: string }[] {
  const links = actionLinks(partnership, action);
  return [
    ...(links.priority ? [{ title: 'Priority', value: links.priority }] : []),
    ...(links.meeting ? [{ title: 'From', value: `${links.meeting}${links.item ? `, item ${links.item}` : ''}` }] : []),
  ];
}

export function isOverdue(action: Action, today: string): boolean {
  return (
    action.due !== undefined && action.due < today && (action.status === 'open' || action.status === 'in progress')
  );
}

/** `partnership`, when given, names what the action is linked to (its priority, its meeting). */
export function describeAction(
  action: Action,
  today: string,
  partnership?: Partnership,
): { heading: string; text: string } {
  const due = action.due ? `due ${formatDate(action.due)}` : 'no due date';
  const links = describeLinks(actionLinks(partnership, action));
  return {
    heading: `#${action.number} ${action.owner.name}: ${action.description}`,
    text: `${due} · ${action.status}${isOverdue(action, today) ? ' · OVERDUE' : ''}${links}`,
  };
}
