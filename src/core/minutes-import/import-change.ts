/**
 * Saving a minutes import: the change handed to the store's write, which plans the import again
 * against the records as they are then, applies it and logs it (subject `minutes:<import id>`),
 * so it is undone like any other change. An import id already in the log is not applied again:
 * a second press of Import, or a redelivered one, imports once.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { ParsedDocument } from '../minutes/index.js';
import type { Partnership, RecordChange } from '../model/model.js';
import { appendChange } from '../records/change-log.js';
import { applyMinutesValue } from '../records/minutes-change.js';
import { countReports, planMinutesImport, type ImportPlan } from './import-plan.js';

export interface MinutesImportRequest {
  importId: string;
  documents: readonly ParsedDocument[];
  by: { id: string; name: string };
  now: Date;
}

export type MinutesImportResult =
  | { status: 'imported' | 'nothing-new'; plan: ImportPlan }
  | { status: 'already-imported'; entry: RecordChange }
  | { status: 'no-partnership' };

export function importSubject(importId: string): string {
  return `minutes:${importId}`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function describeCounts(plan: ImportPlan): string {
  const { added, merged, skipped } = countReports(plan.reports);
  return `${added} added, ${merged} merged, ${skipped} already held, ${plural(plan.newDrafts.length, 'draft action')} proposed`;
}

/** The change for `records.update`, and the result once it has run. */
export function minutesImportChange(request: MinutesImportRequest): {
  /** `current` is `target` as it stands, read rather than the copy a change may make of it. */
  change: (target: Partnership, current?: Readonly<Partnership>) => void;
  result: () => MinutesImportResult;
} {
  let result: MinutesImportResult = { status: 'no-partnership' };
  const subject = importSubject(request.importId);
  const files = request.documents.map((d) => d.file).join(', ');
  return {
    result: () => result,
    change: (target, current = target) => {
      const done = (current.changes ?? []).find((c) => c.subject === subject);
      if (done) {
        result = { status: 'already-imported', entry: done };
        return;
      }
      // Planned on the records as they stand: every meeting is read, and a copy of each would cost
      // more than the import (some 0.2 s at 500 meetings).
      const plan = planMinutesImport(current, request.documents);
      result = { status: plan.changed ? 'imported' : 'nothing-new', plan };
      if (!plan.changed) return;
      applyMinutesValue(target, plan.after, current);
      // Where a document was read from a published page, answers citing it link there.
      const addresses = request.documents.flatMap((d) => (d.publishedAt ? [[d.file, d.publishedAt] as const] : []));
      if (addresses.length > 0) target.publishedAt = { ...target.publishedAt, ...Object.fromEntries(addresses) };
      appendChange(target, {
        at: request.now.toISOString(),
        by: request.by,
        subject,
        summary: `minutes imported from ${files} (${describeCounts(plan)})`,
        before: plan.before,
        after: plan.after,
      });
    },
  };
}

/** The reply once the import is saved (or found already saved). */
export function importAnswer(partnership: Pick<Partnership, 'shortName'>, result: MinutesImportResult): Answer {
  switch (result.status) {
    case 'no-partnership':
      return makeAnswer('invalid', 'Nothing imported', 'That partnership no longer exists, so nothing was imported.');
    case 'already-imported':
      return makeAnswer(
        'history',
        'Already imported',
        `These minutes were already imported into the ${partnership.shortName} (${result.entry.summary}, by ${result.entry.by.name}${result.entry.undone ? `; undone by ${result.entry.undone.by}` : ''}). Nothing changed.`,
      );
    case 'nothing-new':
      return makeAnswer(
        'history',
        'Nothing new',
        `Everything in these minutes is already held by the ${partnership.shortName}: nothing changed.`,
      );
    case 'imported': {
      const entries = result.plan.reports.flatMap((r) => [
        ...r.added.map((text) => ({ heading: `${r.file}: added`, text })),
        ...r.merged.map((text) => ({ heading: `${r.file}: merged`, text })),
      ]);
      return makeAnswer(
        'history',
        'Minutes imported',
        `Imported into the ${partnership.shortName} and saved: ${describeCounts(result.plan)}. Say "undo" to take it back.`,
        {
          entries: entries.slice(0, 30),
          suggestions: ['When was the last meeting?', 'Recent changes'],
        },
      );
    }
  }
}
