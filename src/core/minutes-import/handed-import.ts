/**
 * An import handed over by `npm run import` while the bot runs: the same parse, merge and log as
 * an import from Teams, saved through the running store, reported in the command's own words.
 */
import { randomUUID } from 'node:crypto';
import { MinutesFormatError, parseMinutesDocument, type ImportReport, type ParsedDocument } from '../minutes/index.js';
import type { Partnership } from '../model/model.js';
import { buildInSlices, nextTurnPause } from '../answers/build-in-slices.js';
import { primeStoredItems } from '../minutes/prime-stored-items.js';
import { minutesImportChange } from './import-change.js';

export interface HandedImport {
  files: { name: string; text: string }[];
  partnershipId: string;
  partnership: Partnership | undefined;
  now: Date;
  update: (
    partnershipId: string,
    change: (partnership: Partnership, current: Readonly<Partnership>) => void,
  ) => Promise<void>;
}

/** An import's report as lines for a terminal: what was added, merged and skipped, and warnings. */
export function describeImportReport(report: ImportReport, layout: string): string[] {
  const list = (label: string, items: string[]): string =>
    `  ${label} ${items.length}${items.length > 0 ? `: ${items.join('; ')}` : ''}`;
  return [
    `${report.file} (${layout})`,
    list('added', report.added),
    list('merged', report.merged),
    list('skipped', report.skipped),
    ...report.warnings.map((w) => `  warning: ${w}`),
  ];
}

export async function runHandedImport(request: HandedImport): Promise<{ status: number; lines: string[] }> {
  if (!request.partnership)
    return { status: 404, lines: [`no partnership "${request.partnershipId}" in the running bot's store`] };
  const documents: ParsedDocument[] = [];
  for (const file of request.files) {
    try {
      documents.push(parseMinutesDocument(file.text, file.name));
    } catch (error) {
      if (error instanceof MinutesFormatError)
        return {
          status: 400,
          lines: [`import stopped, nothing written: ${file.name} line ${error.line}: ${error.problem}`],
        };
      throw error;
    }
  }
  const { change, result } = minutesImportChange({
    importId: randomUUID(),
    documents,
    by: { id: 'command-line', name: 'npm run import' },
    now: request.now,
  });
  await buildInSlices(primeStoredItems(request.partnership.meetings), nextTurnPause);
  await request.update(request.partnership.id, change);
  const outcome = result();
  if (outcome.status !== 'imported' && outcome.status !== 'nothing-new')
    return { status: 404, lines: ['the partnership was removed meanwhile; nothing written'] };
  const lines = outcome.plan.reports.flatMap((report, i) => describeImportReport(report, documents[i]?.layout ?? ''));
  if (outcome.plan.newDrafts.length > 0)
    lines.push(`${outcome.plan.newDrafts.length} draft actions proposed for the secretariat to confirm`);
  lines.push(
    outcome.status === 'imported'
      ? `saved by the running bot (no restart needed); logged as a change, "undo" in Teams takes it back`
      : 'nothing new: the store is unchanged',
  );
  return { status: 200, lines };
}
