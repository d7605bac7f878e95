/**
 * The files behind the signed download links: a partnership's actions as CSV, and the whole store
 * as a backup (see backup-file.ts). A link that is not valid (expired, altered, for another kind)
 * gets its reason and nothing else.
 */
import { stringify } from 'csv-stringify/sync';
import { checkExportLink, type ExportKind } from '../core/actions/export-link.js';
import { EXPORT_COLUMNS, exportRows } from '../core/actions/export-rows.js';
import type { ActionJournal } from './action-journal.js';
import { backupText } from './backup-file.js';
import type { Store } from './store.js';

export interface ExportedFile {
  status: number;
  body: string;
  contentType: string;
}

export function exportFiles(
  store: Store,
  journal: ActionJournal,
  signingKey: string,
  clock: () => Date,
): (kind: ExportKind, query: Record<string, unknown>) => ExportedFile {
  return (kind, query) => {
    const check = checkExportLink(signingKey, query, clock(), kind);
    if (!check.ok) return { status: check.status, body: check.reason, contentType: 'text/plain; charset=utf-8' };
    if (kind === 'backup') {
      const data = store.data();
      const all = Object.keys(data.partnerships).flatMap((id) => journal.all(id));
      return { status: 200, body: backupText(data, all, clock()), contentType: 'application/json; charset=utf-8' };
    }
    // A byte-order mark so that Excel reads the UTF-8 (names, en dashes) correctly.
    // escape_formulas: a description or name beginning = + - @ (or tab, CR) is text in Excel, never a formula.
    const csv = stringify(
      [EXPORT_COLUMNS, ...exportRows(journal.all(check.partnershipId), store.partnership(check.partnershipId))],
      { escape_formulas: true },
    );
    return { status: 200, body: `\uFEFF${csv}`, contentType: 'text/csv; charset=utf-8' };
  };
}
