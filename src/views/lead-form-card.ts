/** The lead form, with the current priorities to pick from and any values to keep after a problem. */
import type { Partnership } from '../core/model/model.js';
import { expandCard, type AdaptiveCard } from './expand-card.js';

export function renderLeadFormCard(
  partnership: Partnership,
  message = '',
  values: Record<string, unknown> = {},
  problem = true,
): AdaptiveCard {
  const value = (name: string, fallback = ''): string =>
    typeof values[name] === 'string' ? (values[name] as string) : fallback;
  return expandCard('lead-form', {
    message,
    messageColor: problem ? 'Attention' : 'Default',
    priorityId: value('priorityId'),
    mode: value('mode', 'set'),
    name: value('name'),
    role: value('role'),
    organisation: value('organisation'),
    contact: value('contact'),
    priorities: (partnership.priorityYears.at(-1)?.priorities ?? []).map((p) => ({ id: p.id, name: p.name })),
  });
}
