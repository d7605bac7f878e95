/**
 * What the partnership is: its Community Safety Agreement and the responsible authorities that
 * make it up, as the documents describe them.
 */
import { makeAnswer, type Answer } from './answer.js';
import { uniqueSources } from './format.js';
import type { KnowledgeBase } from './knowledge-base.js';

export function answerPartnership(kb: KnowledgeBase): Answer | null {
  const { name, shortName, agreement, responsibleAuthorities } = kb.partnership;
  if (!agreement && !responsibleAuthorities) return null;
  const authorities = responsibleAuthorities?.names ?? [];
  const summary = [
    authorities.length > 0
      ? `The ${name} (${shortName}) brings together its responsible authorities: ${authorities.join('; ')}.`
      : '',
    agreement?.text ?? '',
  ]
    .filter(Boolean)
    .join(' ');
  return makeAnswer('priorities', `About the ${shortName}`, summary, {
    sources: uniqueSources([...(responsibleAuthorities?.sources ?? []), ...(agreement?.sources ?? [])]),
    suggestions: ['What are the current priorities?', 'Who are the priority leads?'],
  });
}
