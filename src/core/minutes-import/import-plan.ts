/**
 * Importing parsed minutes into one partnership, planned without saving: the importer's merge of
 * each document in turn (as `npm run import` does), the draft actions it proposes, and the
 * records that would change, as the change-log values that save and undo it. Pure: the same
 * plan is made again inside the store's write, against the records as they are then.
 */
import {
  mergeParsedDocument,
  proposeDraftActions,
  type ImportReport,
  type MinutesRecords,
  type ParsedDocument,
} from '../minutes/index.js';
import type { DraftAction, Partnership } from '../model/model.js';
import { diffMinutesRecords, type MinutesRecordsValue } from '../records/minutes-change.js';

export interface ImportPlan {
  reports: ImportReport[];
  /** Draft actions the import proposes that the partnership does not hold yet. */
  newDrafts: DraftAction[];
  before: MinutesRecordsValue;
  after: MinutesRecordsValue;
  /** False when everything in the documents is already held: importing changes nothing. */
  changed: boolean;
}

export function planMinutesImport(
  partnership: Pick<Partnership, 'meetings' | 'people' | 'draftActions'>,
  documents: readonly ParsedDocument[],
): ImportPlan {
  let records: MinutesRecords = { meetings: partnership.meetings, people: partnership.people };
  const reports: ImportReport[] = [];
  for (const document of documents) {
    const { records: next, report } = mergeParsedDocument(records, document);
    records = next;
    reports.push(report);
  }
  const draftActions = proposeDraftActions(records.meetings, records.people, partnership.draftActions);
  const held = new Set(partnership.draftActions.map((d) => d.id));
  const diff = diffMinutesRecords(partnership, { ...records, draftActions });
  return { reports, newDrafts: draftActions.filter((d) => !held.has(d.id)), ...diff };
}

/** "2 added, 1 merged" over every file, for confirmations and the change log. */
export function countReports(reports: readonly ImportReport[]): { added: number; merged: number; skipped: number } {
  const sum = (key: 'added' | 'merged' | 'skipped'): number => reports.reduce((n, r) => n + r[key].length, 0);
  return { added: sum('added'), merged: sum('merged'), skipped: sum('skipped') };
}
