/** How a source is cited: its title where known, and always `file#item`, so anyone can open it. */
import type { Citation } from '../core/answers/answer.js';

export function sourceLabel(source: Citation): string {
  return source.label ?? (source.ref ? `${source.doc}#${source.ref}` : source.doc);
}

export function sourcesLine(sources: readonly Citation[], max = 4): string {
  if (sources.length === 0) return '';
  const shown = sources.slice(0, max).map(sourceLabel);
  const more = sources.length > max ? ` and ${sources.length - max} more` : '';
  return `Source: ${shown.join('; ')}${more}`;
}
