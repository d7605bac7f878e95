/** The agenda builder form: the meeting's details and items as editable inputs, in London time. */
import { formatLondonTime, londonDate } from '../core/text/london-time.js';
import type { Agenda } from '../core/model/model.js';
import { expandCard, type AdaptiveCard } from './expand-card.js';

export function renderAgendaFormCard(
  agenda: Agenda | undefined,
  defaultTitle: string,
  message = '',
  problem = false,
): AdaptiveCard {
  return expandCard('agenda-form', {
    agendaId: agenda?.id ?? '',
    message,
    messageColor: problem ? 'Attention' : 'Default',
    title: agenda?.title ?? defaultTitle,
    date: agenda ? londonDate(agenda.startsAt) : '',
    time: agenda ? formatLondonTime(agenda.startsAt) : '',
    venue: agenda?.venue ?? '',
    onlineLink: agenda?.onlineLink ?? '',
    itemsHeading:
      agenda && agenda.items.length > 0
        ? `Items (${agenda.items.length})`
        : 'No items yet: add the first with "Add item".',
    items: (agenda?.items ?? []).map((i) => ({
      agendaId: agenda?.id ?? '',
      code: i.code,
      heading: `${i.code}  ${i.title}`,
      detail: i.presenter ? `  ·  ${i.presenter}` : '',
      title: i.title,
      presenter: i.presenter ?? '',
      paperUrl: i.paperUrl ?? '',
    })),
  });
}
