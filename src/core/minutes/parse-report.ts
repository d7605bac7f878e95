/**
 * Reads a committee report ("By: Anna Taylor, Scrutiny Research Officer / To: Crime and Disorder
 * Committee – 19 July 2023 / Subject: ..."). A report is not minutes: only its authors and their
 * roles are taken, dated by the committee date on the "To:" line.
 */
import { findDate } from './dates.js';
import type { RawDocument } from './parsed-document.js';
import { cleanMarkdownInline, isBlankLine, normaliseWhitespace } from './text-cleaning.js';
import { trimTrailing } from '../text/normalise.js';

const LABELLED =
  /^(By|From|To|Subject|Summary|Classification|Division|Electoral Divisions?|Key decision|Decision No) ?: ?(.*)$/i;

/** Each labelled field with the unlabelled lines that continue it ("From: A, Cabinet Member / B, Director"). */
function readFields(lines: readonly string[]): { label: string; values: string[] }[] {
  const fields: { label: string; values: string[] }[] = [];
  for (const raw of lines) {
    if (isBlankLine(raw) || /^-{3,}$/.test(raw.trim())) {
      if (fields.length > 0) break;
      continue;
    }
    const text = normaliseWhitespace(cleanMarkdownInline(raw));
    const labelled = LABELLED.exec(text);
    if (labelled) fields.push({ label: labelled[1] ?? '', values: labelled[2] ? [labelled[2]] : [] });
    else fields[fields.length - 1]?.values.push(text);
  }
  return fields;
}

export function readReport(lines: readonly string[]): RawDocument {
  const fields = readFields(lines);
  const authors = fields
    .filter((f) => /^(?:By|From)$/i.test(f.label))
    .flatMap((f) => f.values.map((text) => ({ text, label: f.label })));
  const to = fields.find((f) => /^To$/i.test(f.label))?.values.join(' ') ?? '';
  const date = findDate(to);
  return {
    layout: 'report',
    body: date ? trimTrailing(to.slice(0, date.index), ' \t\r\n\u00a0,–-') : to || undefined,
    date: date?.iso,
    header: [],
    items: [],
    authors,
    warnings: [],
  };
}
