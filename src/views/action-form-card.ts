/** The "log action" form, with the partnership's priorities to pick from and any values to keep after a problem. */
import type { Partnership } from '../core/model/model.js';
import { expandCard, type AdaptiveCard } from './expand-card.js';

export function renderActionFormCard(
  partnership: Partnership,
  message = '',
  values: Record<string, unknown> = {},
): AdaptiveCard {
  const value = (name: string): string => (typeof values[name] === 'string' ? (values[name] as string) : '');
  return expandCard('action-form', {
    message,
    owner: value('owner'),
    description: value('description'),
    due: value('due'),
    priorityId: value('priorityId'),
    priorities: (partnership.priorityYears.at(-1)?.priorities ?? []).map((p) => ({ id: p.id, name: p.name })),
  });
}
