/** The minutes importer's public face: read a published document, merge it into the records. */
export { parseMinutesDocument } from './parse-minutes-document.js';
export { mergeParsedDocument, type ImportReport, type MinutesRecords } from './merge-minutes.js';
export type { ParsedDocument } from './build-document.js';
export { MinutesFormatError } from './minutes-format-error.js';
