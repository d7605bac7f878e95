/** Reads one published document (any supported layout) into domain records. */
import { buildDocument, type ParsedDocument } from './build-document.js';
import { detectLayout } from './detect-layout.js';
import { readAgendaItemPage, readMarkdownNotes, readMinutesPage, readReport } from './read-layouts.js';

export function parseMinutesDocument(text: string, file: string): ParsedDocument {
  const layout = detectLayout(text, file);
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const raw =
    layout === 'agenda-item'
      ? readAgendaItemPage(lines)
      : layout === 'minutes-page'
        ? readMinutesPage(lines)
        : layout === 'markdown-notes'
          ? readMarkdownNotes(lines)
          : readReport(lines);
  return buildDocument(raw, file);
}
