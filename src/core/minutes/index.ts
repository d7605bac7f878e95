/**
 * The minutes importer's public face: parse one published document (ModernGov agenda-item page,
 * ModernGov "Agenda and minutes" page, Markdown notes from a PDF, or a committee report) into domain
 * records, and merge those into what is already stored.
 */
export { parseMinutesDocument } from './parse-minutes-document.js';
export { mergeParsedDocument, type ImportReport, type MinutesRecords } from './merge-minutes.js';
export { MinutesFormatError } from './minutes-format-error.js';
export type { Layout, ParsedDocument } from './parsed-document.js';
export { proposeDraftActions } from './draft-actions.js';
