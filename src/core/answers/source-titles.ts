/**
 * Sources as members recognise them: "Minutes of Tuesday 21 March 2023, item B3", "Community
 * Safety Agreement report, section 2.3", "Recorded in Teams on 1 December 2026", never a file name
 * such as `003_0941d698233bc959.txt`. Chat answers and the tab cite through the same function.
 */
import type { Partnership, Source } from '../model/model.js';
import type { Citation } from './answer.js';
import { formatDate } from './format.js';

/** What a source document is, in words, and what its references point to. */
export interface DocumentTitle {
  title: string;
  part: 'item' | 'section';
  /** Its published page, where known. */
  url?: string;
}

/** The notes that ship with the default data: the leads the documents do not give are curated there. */
const CURATED_NOTES = 'DATA.md';

/** Every document the partnership's records cite that can be named from the records themselves. */
export function documentTitles(partnership: Partnership): Map<string, DocumentTitle> {
  const titles = new Map<string, DocumentTitle>();
  for (const meeting of partnership.meetings) {
    if (meeting.status === 'planned') continue;
    const title = meeting.date ? `Minutes of ${formatDate(meeting.date)}` : 'Agenda item page (undated)';
    for (const source of [...meeting.sources, ...meeting.items.flatMap((i) => i.sources)])
      if (!titles.has(source.doc)) titles.set(source.doc, { title, part: 'item' });
  }
  // A document (not minutes) that states the partnership's agreement is the Community Safety Agreement's report.
  for (const source of [
    ...(partnership.agreement?.sources ?? []),
    ...(partnership.responsibleAuthorities?.sources ?? []),
  ])
    if (!titles.has(source.doc))
      titles.set(source.doc, { title: 'Community Safety Agreement report', part: 'section' });
  if (!titles.has(CURATED_NOTES))
    titles.set(CURATED_NOTES, { title: "The partnership's curated records", part: 'section' });
  for (const [doc, url] of Object.entries(partnership.publishedAt ?? {}))
    titles.set(doc, { ...(titles.get(doc) ?? { title: 'Published page', part: 'section' }), url });
  return titles;
}

/** "B3", "2.3", "A4a": a reference that numbers an item or a section. */
function isNumbered(ref: string): boolean {
  return /^[A-Z]{0,4}[\d/.]{1,6}[a-z]?$/i.test(ref) && /\d/.test(ref);
}

/** The source with a label a member recognises; the file and reference stay for anyone who needs them. */
export function citeSource(titles: ReadonlyMap<string, DocumentTitle>, source: Source): Citation {
  if (source.doc === 'Teams' && source.ref && /^\d{4}-\d{2}-\d{2}T/.test(source.ref))
    return { ...source, label: `Recorded in Teams on ${formatDate(source.ref.slice(0, 10))}` };
  const known = titles.get(source.doc);
  if (!known) return source;
  const ref = !source.ref
    ? ''
    : isNumbered(source.ref)
      ? `, ${known.part} ${source.ref}`
      : known.part === 'item' || source.ref.length > 3
        ? `, ${source.ref}`
        : '';
  return { ...source, label: `${known.title}${ref}`, ...(known.url ? { url: known.url } : {}) };
}

/** "Source: Minutes of Tuesday 21 March 2023, item B1; …" as chat cards say it, or '' for none. */
export function sourcesText(titles: ReadonlyMap<string, DocumentTitle>, sources: readonly Source[], max = 4): string {
  const labels = [
    ...new Set(
      sources.map((s) => {
        const cited = citeSource(titles, s);
        return cited.label ?? (s.ref ? `${s.doc}#${s.ref}` : s.doc);
      }),
    ),
  ];
  if (labels.length === 0) return '';
  const more = labels.length > max ? ` and ${labels.length - max} more` : '';
  return `Source: ${labels.slice(0, max).join('; ')}${more}`;
}
