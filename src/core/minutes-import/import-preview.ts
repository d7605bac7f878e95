/**
 * What the preview card shows of each file before anything is saved: the meeting found, its
 * items with their resolutions, the people, attendance and apologies, the draft actions the
 * import would propose, every warning, and what importing would add or merge.
 */
import { formatDate, formatMonth } from '../answers/format.js';
import type { ImportReport, ParsedDocument } from '../minutes/index.js';
import type { DraftAction } from '../model/model.js';

export interface PreviewFile {
  document: ParsedDocument;
  /** "PDF, 3 pages" */
  format: string;
  /** Warnings from reading the file itself (before the importer). */
  warnings: string[];
}

export interface FilePreview {
  file: string;
  format: string;
  meeting: string;
  facts: { title: string; value: string }[];
  items: { heading: string; text: string }[];
  people: string;
  present: string;
  apologies: string;
  drafts: { heading: string; text: string }[];
  warnings: string[];
  outcome: string;
}

const MAX_ITEMS = 25;

function names(ids: readonly string[], document: ParsedDocument): string {
  const byId = new Map(document.people.map((p) => [p.id, p.name]));
  return ids.map((id) => byId.get(id) ?? id).join(', ');
}

function clip(text: string, length = 400): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}

export function previewFile(
  file: PreviewFile,
  report: ImportReport | undefined,
  drafts: readonly DraftAction[],
): FilePreview {
  const { document } = file;
  const meeting = document.meeting;
  const facts: { title: string; value: string }[] = [];
  if (meeting) {
    facts.push({ title: 'Body', value: meeting.body });
    facts.push({
      title: 'Date',
      value: meeting.date ? formatDate(meeting.date) : meeting.month ? formatMonth(meeting.month) : 'not given',
    });
    if (meeting.time) facts.push({ title: 'Time', value: meeting.time });
    if (meeting.venue) facts.push({ title: 'Venue', value: meeting.venue });
  }
  facts.push({ title: 'Layout', value: document.layout });
  const items = (meeting?.items ?? []).map((item) => ({
    heading: `${item.code ? `${item.code} ` : ''}${item.title}`,
    text: item.resolution ? `RESOLVED ${clip(item.resolution.text)}` : 'No resolution recorded.',
  }));
  const shown = items.slice(0, MAX_ITEMS);
  if (items.length > shown.length) shown.push({ heading: `and ${items.length - shown.length} more items`, text: '' });
  const warnings = [...file.warnings, ...(report?.warnings ?? document.warnings)];
  if (!meeting)
    warnings.push('no meeting found in this document (it reads as a report): only the people in it would be imported');
  else if (!meeting.date)
    warnings.push(
      'no meeting date found: the items will be kept as an undated meeting until minutes with a date match them',
    );
  const added = report?.added.length ?? 0;
  const merged = report?.merged.length ?? 0;
  return {
    file: document.file,
    format: file.format,
    meeting: meeting ? `${meeting.body}${meeting.date ? `, ${formatDate(meeting.date)}` : ''}` : 'No meeting found',
    facts,
    items: shown,
    people: document.people.map((p) => p.name).join(', ') || 'none named',
    present: meeting ? names(meeting.present, document) || 'not recorded' : 'not recorded',
    apologies: meeting ? names(meeting.apologies, document) || 'none recorded' : 'none recorded',
    drafts: drafts
      .filter((d) => d.meetingId === meeting?.id)
      .map((d) => ({ heading: d.owner, text: `${d.what}${d.due ? ` (by ${d.due})` : ''}` })),
    warnings,
    outcome:
      added + merged === 0
        ? 'Nothing new: everything in this file is already held.'
        : `Importing would add ${added} and merge ${merged} records.`,
  };
}
