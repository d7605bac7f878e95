/**
 * The circulated agenda as an Adaptive Card: when and where, the items with presenters and
 * papers, the attendance counts, and the buttons members answer with (Universal Actions). The
 * same card is personalised for whoever views it: their own answer and, for the chair and the
 * secretariat, who has not answered yet.
 */
import type { Agenda, AttendanceAnswer } from '../core/model/model.js';
import { formatLondon } from '../core/text/london-time.js';
import { expandCard, type AdaptiveCard } from './expand-card.js';

/** Teams refreshes a card automatically for at most this many listed users. */
export const MAX_REFRESH_USERS = 60;

export const AGENDA_VERBS = {
  attending: 'agenda.attending',
  apologies: 'agenda.apologies',
  substitute: 'agenda.substitute',
  refresh: 'agenda.refresh',
} as const;

export interface AgendaViewer {
  userId: string;
  /** Chair or secretariat: they also see who has not answered. */
  organiser: boolean;
  /** The members expected to answer, by name, for the organiser's view. */
  expected: { userId: string; name: string }[];
}

const ANSWER_TEXT: Record<AttendanceAnswer, string> = {
  attending: 'attending',
  apologies: 'sending apologies',
  substitute: 'sending a substitute',
};

function badge(agenda: Agenda): { badge: string; badgeColor: string } {
  if (agenda.status === 'cancelled')
    return { badge: 'CANCELLED: this meeting will not take place', badgeColor: 'Attention' };
  // Default, not Warning: Teams' light theme draws Warning yellow at 1.5:1 against white; the word says it.
  if (agenda.version > 1 && agenda.status === 'circulated' && agenda.posts.length > 0)
    return { badge: `UPDATED ${agenda.updatedAt.slice(0, 10)}`, badgeColor: 'Default' };
  return { badge: '', badgeColor: 'Default' };
}

/** `organiserIds`: the chair and the secretariat, refreshed first so that they always see who has not answered. */
export function agendaCardData(
  agenda: Agenda,
  viewer?: AgendaViewer,
  message = '',
  organiserIds: readonly string[] = [],
): object {
  const count = (a: AttendanceAnswer): number => agenda.responses.filter((r) => r.answer === a).length;
  const mine = viewer ? agenda.responses.find((r) => r.userId === viewer.userId) : undefined;
  const pending = viewer?.organiser
    ? viewer.expected.filter((e) => !agenda.responses.some((r) => r.userId === e.userId)).map((e) => e.name)
    : [];
  // The link is a button (Action.OpenUrl), not text; only a web address, and not for a cancelled meeting.
  const joinUrl =
    agenda.status !== 'cancelled' && /^https?:\/\/\S+$/i.test(agenda.onlineLink ?? '') ? (agenda.onlineLink ?? '') : '';
  const where = agenda.venue ?? (joinUrl ? 'Online' : '');
  return {
    agendaId: agenda.id,
    ...badge(agenda),
    title: agenda.title,
    facts: [
      { title: 'When', value: formatLondon(agenda.startsAt) },
      ...(where ? [{ title: 'Where', value: where }] : []),
    ],
    joinUrl,
    items: agenda.items.map((i) => ({
      heading: `${i.code}  ${i.title}`,
      detail: i.presenter ? `Presenter: ${i.presenter}` : '',
      paperUrl: i.paperUrl ?? '',
    })),
    counts: `Attending ${count('attending')} · Apologies ${count('apologies')} · Substitutes ${count('substitute')}`,
    yourAnswer: mine
      ? `Your answer: ${ANSWER_TEXT[mine.answer]}${mine.substitute ? ` (${mine.substitute})` : ''}${mine.note ? ` - "${mine.note}"` : ''}`
      : '',
    pending: viewer?.organiser
      ? pending.length > 0
        ? `Not answered yet (${pending.length}): ${pending.join(', ')}`
        : 'Everyone expected has answered.'
      : '',
    message,
    open: agenda.status === 'circulated',
    refreshUserIds: [...new Set([...organiserIds, ...agenda.responses.map((r) => r.userId)])].slice(
      0,
      MAX_REFRESH_USERS,
    ),
  };
}

export function renderAgendaCard(
  agenda: Agenda,
  viewer?: AgendaViewer,
  message?: string,
  organiserIds?: readonly string[],
): AdaptiveCard {
  return expandCard('agenda', agendaCardData(agenda, viewer, message, organiserIds));
}
