/** How a source is cited: `file#item`, as the documents are named, so anyone can open it. */
import type { Source } from '../core/model.js';

export function sourceLabel(source: Source): string {
  return source.ref ? `${source.doc}#${source.ref}` : source.doc;
}

export function sourcesLine(sources: readonly Source[], max = 4): string {
  if (sources.length === 0) return '';
  const shown = sources.slice(0, max).map(sourceLabel);
  const more = sources.length > max ? ` and ${sources.length - max} more` : '';
  return `Source: ${shown.join('; ')}${more}`;
}
