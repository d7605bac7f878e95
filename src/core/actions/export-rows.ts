/** The actions export as rows: one per action, with a one-line summary of its history. */
import type { Action, Partnership } from '../model/model.js';
import { actionLinks, type ActionLinks } from './action-links.js';
import { listedActions } from './withdrawn.js';

export const EXPORT_COLUMNS = [
  'Number',
  'Owner',
  'Action',
  'Due',
  'Status',
  'Priority',
  'Meeting',
  'Item',
  'Logged by',
  'Logged at',
  'History',
];

/** With the partnership, the priority and meeting are given by name, as members know them. */
export function exportRows(actions: readonly Action[], partnership?: Partnership): string[][] {
  return listedActions(actions).map((a) => exportRow(a, actionLinks(partnership, a)));
}

function exportRow(a: Action, links: ActionLinks): string[] {
  return [
    String(a.number),
    a.owner.name,
    a.description,
    a.due ?? '',
    a.status,
    links.priority ?? '',
    links.meeting ?? '',
    a.meeting?.itemId ?? '',
    a.createdBy.name,
    a.createdAt,
    a.history
      .map(
        (h) =>
          `${h.at.slice(0, 16).replace('T', ' ')} ${h.change}${h.from ? ` ${h.from}` : ''}${h.to ? ` -> ${h.to}` : ''} by ${h.by.name}`,
      )
      .join('; '),
  ];
}
