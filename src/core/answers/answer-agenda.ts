/**
 * Questions about a coming meeting, answered from its circulated agenda: when and where it is,
 * what is on it, who presents an item, who is coming and who sent apologies. Past meetings are
 * answered from their minutes by the other answers.
 */
import { londonDate, formatLondon } from '../text/london-time.js';
import type { Agenda } from '../model/model.js';
import { makeAnswer, type Answer } from './answer.js';
import type { KnowledgeBase } from './knowledge-base.js';
import type { Question } from './question.js';

/** The circulated agendas of meetings not started yet, soonest first. */
function comingAgendas(agendas: readonly Agenda[], now: Date): Agenda[] {
  return agendas
    .filter((a) => a.status !== 'draft' && new Date(a.startsAt).getTime() >= now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
}

/**
 * When the soonest coming meeting starts ('' when none is coming): answers about "the next
 * meeting" change then, not only at midnight, so an answer kept for reuse is kept until then.
 */
export function nextAgendaStart(agendas: readonly Agenda[], now: Date): string {
  return comingAgendas(agendas, now)[0]?.startsAt ?? '';
}

/** The circulated agenda a question is about: the one on the date named, else the next one. */
export function agendaAsked(kb: KnowledgeBase, question: Question, today: Date): Agenda | undefined {
  const coming = comingAgendas(kb.partnership.agendas, today);
  const ref = question.meeting;
  if (!ref || ref.kind === 'next') return coming[0];
  if (ref.kind === 'last') return undefined;
  return coming.find((a) => {
    const [y, m, d] = londonDate(a.startsAt).split('-').map(Number);
    if (ref.kind === 'date') return londonDate(a.startsAt) === ref.date;
    if (ref.kind === 'day-month') return m === ref.month && d === ref.day;
    if (ref.kind === 'month') return m === ref.month && (ref.year === undefined || y === ref.year);
    return y === ref.year;
  });
}

function where(agenda: Agenda): string {
  return [agenda.venue, agenda.onlineLink].filter(Boolean).join(' ');
}

export function answerNextMeetingFromAgenda(agenda: Agenda): Answer {
  const cancelled = agenda.status === 'cancelled';
  const summary = cancelled
    ? `The meeting of ${formatLondon(agenda.startsAt)} has been cancelled.`
    : `The next meeting is ${formatLondon(agenda.startsAt)}${where(agenda) ? `, ${where(agenda)}` : ''}.`;
  return makeAnswer('meeting', agenda.title, summary, {
    facts: [{ title: 'Agenda items', value: String(agenda.items.length) }],
    suggestions: cancelled ? [] : ["What's on the agenda?", "Who's coming?"],
  });
}

export function answerAgendaItems(agenda: Agenda): Answer {
  return makeAnswer(
    'agenda',
    agenda.title,
    `The agenda for ${formatLondon(agenda.startsAt)} has ${agenda.items.length} items:`,
    {
      entries: agenda.items.map((i) => ({
        heading: `${i.code} ${i.title}`,
        text: i.presenter ? `Presenter: ${i.presenter}` : 'Presenter not named',
      })),
      suggestions: ["Who's coming?"],
    },
  );
}

export function answerAgendaPresenter(agenda: Agenda, code: string): Answer | null {
  const item = agenda.items.find((i) => i.code === code);
  if (!item) return null;
  const summary = item.presenter
    ? `${item.code} ${item.title} is presented by ${item.presenter} (meeting of ${formatLondon(agenda.startsAt)}).`
    : `The agenda does not name who presents ${item.code} ${item.title}.`;
  return makeAnswer('agenda', 'Presenter', summary);
}

export function answerAgendaAttendance(agenda: Agenda, question: Question): Answer {
  const apologiesAsked = /\bapolog|\babsent|\bnot coming|\bcan'?t come/.test(question.lower);
  const pick = (answer: 'attending' | 'apologies' | 'substitute') =>
    agenda.responses.filter((r) => r.answer === answer);
  const attending = pick('attending').map((r) => r.name);
  const apologies = pick('apologies').map((r) => (r.note ? `${r.name} ("${r.note}")` : r.name));
  const substitutes = pick('substitute').map((r) => `${r.substitute} for ${r.name}`);
  const when = formatLondon(agenda.startsAt);
  const summary = apologiesAsked
    ? apologies.length > 0
      ? `Apologies so far for ${when} (${apologies.length}): ${apologies.join(', ')}.`
      : `No apologies have been sent for ${when} yet.`
    : `For ${when}: ${attending.length} attending${substitutes.length > 0 ? `, ${substitutes.length} substitutes` : ''}, ${apologies.length} apologies, so far.`;
  return makeAnswer('attendance', `Answers for ${when}`, summary, {
    entries: apologiesAsked
      ? []
      : [
          { heading: 'Attending', text: attending.join(', ') || 'nobody yet' },
          ...(substitutes.length > 0 ? [{ heading: 'Substitutes', text: substitutes.join(', ') }] : []),
          { heading: 'Apologies', text: apologies.join(', ') || 'none yet' },
        ],
  });
}
