/**
 * The importer's entry point for one file: detect the layout, let that layout's reader cut the
 * page into header and items, then build the domain records from them.
 */
import path from 'node:path';
import { buildParsedDocument } from './build-parsed-document.js';
import { detectLayout } from './detect-layout.js';
import { readAgendaItemPage } from './parse-agenda-item-page.js';
import { readMarkdownNotes } from './parse-markdown-notes.js';
import { readGeneralPage } from './parse-general-page.js';
import { readMinutesPage } from './parse-minutes-page.js';
import { readReport } from './parse-report.js';
import type { Layout, ParsedDocument, RawDocument } from './parsed-document.js';
import { splitLines } from './text-cleaning.js';

function readLayout(layout: Layout, lines: readonly string[], file: string): RawDocument {
  switch (layout) {
    case 'agenda-item':
      return readAgendaItemPage(lines, file);
    case 'minutes-page':
      return readMinutesPage(lines);
    case 'markdown-notes':
      return readMarkdownNotes(lines);
    case 'report':
      return readReport(lines);
    case 'general':
      return readGeneralPage(lines);
  }
}

/**
 * Parses one published document. `file` may be a path; its base name is what sources cite.
 * Throws `MinutesFormatError` when the text is in no layout the importer knows.
 */
export function parseMinutesDocument(text: string, file: string): ParsedDocument {
  const name = path.basename(file);
  const layout = detectLayout(text, name);
  return buildParsedDocument(readLayout(layout, splitLines(text), name), name);
}
