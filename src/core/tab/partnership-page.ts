/**
 * What the Partnership tab shows, as plain data: the current priorities with their leads, the
 * next meeting and its agenda, the last meeting's resolutions, and the action tracker. The tab's
 * JSON API returns it as is; the page renders and filters it.
 */
import { londonDate } from '../text/london-time.js';
import { nextAgenda } from '../agendas/current-agenda.js';
import { formatLondon } from '../text/london-time.js';
import { isOverdue } from '../actions/describe-action.js';
import { listedActions } from '../actions/withdrawn.js';
import { formatDate, itemLabel, meetingLabel } from '../answers/format.js';
import type { Action, Partnership } from '../model/model.js';
import type { PartnershipPage } from './page-types.js';
import { documentTitles, sourcesText } from '../answers/source-titles.js';

export type { PartnershipPage };

export function partnershipPage(partnership: Partnership, actions: readonly Action[], now: Date): PartnershipPage {
  const year = partnership.priorityYears.at(-1);
  const today = londonDate(now);
  const names: Record<string, string> = Object.fromEntries((year?.priorities ?? []).map((p) => [p.id, p.name]));
  const agenda = nextAgenda(partnership, now);
  const held = partnership.meetings
    .filter((m) => m.status === 'held' && m.date && m.date <= today)
    .sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''))[0];
  const titles = documentTitles(partnership);
  return {
    name: partnership.name,
    year: year?.year ?? '',
    // Cited as chat cites them (see answers/source-titles.ts).
    prioritiesSource: sourcesText(titles, year?.sources ?? []),
    priorities: (year?.priorities ?? []).map((p) => {
      // The same leads chat names: from the curated table (a person on record) or set from chat (a name).
      const leads = partnership.leads.filter((l) => l.priorityId === p.id && (l.personId !== null || Boolean(l.name)));
      return {
        name: p.name,
        leads: leads.map((l) =>
          [l.name ?? partnership.people.find((x) => x.id === l.personId)?.name, l.organisation]
            .filter(Boolean)
            .join(', '),
        ),
        basis: leads.map((l) => l.basis).join('; '),
        // As chat cites it: the lead's record, or where none is recorded, that record and the priority's own.
        source: sourcesText(
          titles,
          leads.length > 0
            ? leads.flatMap((l) => l.sources)
            : [...partnership.leads.filter((l) => l.priorityId === p.id).flatMap((l) => l.sources), ...p.sources],
        ),
      };
    }),
    themes: (year?.themes ?? []).map((t) => t.name),
    nextMeeting: agenda
      ? {
          title: agenda.title,
          when: formatLondon(agenda.startsAt),
          where: [agenda.venue, agenda.onlineLink].filter(Boolean).join(' '),
          status: agenda.status,
          items: agenda.items.map((i) => ({ code: i.code, title: i.title, presenter: i.presenter ?? '' })),
        }
      : null,
    lastMeeting: held
      ? {
          when: meetingLabel(held),
          publishedAt: held.sources.map((s) => titles.get(s.doc)?.url).find(Boolean) ?? '',
          resolutions: held.items
            .filter((i) => i.resolution)
            .map((i) => {
              const correction = i.resolutionHistory?.at(-1);
              const corrected = correction?.previous
                ? ` (corrected by ${correction.by.name} on ${formatDate(correction.at.slice(0, 10))})`
                : '';
              return {
                item: itemLabel(i),
                text: `RESOLVED ${i.resolution?.text ?? ''}${corrected}`,
                source: sourcesText(titles, i.sources),
              };
            }),
        }
      : null,
    actions: listedActions(actions).map((a) => ({
      number: a.number,
      owner: a.owner.name,
      description: a.description,
      due: a.due ?? '',
      dueLabel: a.due ? formatDate(a.due) : 'no due date',
      status: a.status,
      overdue: isOverdue(a, today),
      priority: a.priorityId ?? '',
    })),
    priorityNames: names,
  };
}
