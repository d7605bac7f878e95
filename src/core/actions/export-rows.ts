/** The actions export as rows: one per action, with a one-line summary of its history. */
import type { Action } from '../model.js';

export const EXPORT_COLUMNS = ['Number', 'Owner', 'Action', 'Due', 'Status', 'Priority', 'Meeting', 'Item', 'Logged by', 'Logged at', 'History'];

export function exportRows(actions: readonly Action[]): string[][] {
  return actions.map((a) => [
    String(a.number),
    a.owner.name,
    a.description,
    a.due ?? '',
    a.status,
    a.priorityId ?? '',
    a.meeting?.meetingId ?? '',
    a.meeting?.itemId ?? '',
    a.createdBy.name,
    a.createdAt,
    a.history.map((h) => `${h.at.slice(0, 16).replace('T', ' ')} ${h.change}${h.from ? ` ${h.from}` : ''}${h.to ? ` -> ${h.to}` : ''} by ${h.by.name}`).join('; '),
  ]);
}
