/**
 * After a meeting the chair or the secretariat confirms attendance ("confirm attendance"): the
 * answers given on the agenda card become the meeting's record, PRESENT (with substitutes) and
 * apologies, which the questions about past meetings then answer from. Members are matched to
 * people already on record by name; others are added, citing the agenda as their source.
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Agenda, Meeting, Partnership, Person, Source } from '../model/model.js';
import { singleSpaced, words } from '../text/normalise.js';
import { may, whoMay } from '../model/permissions.js';
import { loggedChange } from '../records/record-change.js';
import { formatLondon, londonDate } from '../text/london-time.js';
import { notAnswered } from './not-answered.js';

const CONFIRM = /^confirm (?:the )?attendance(?: for (?:the )?(?:last )?meeting)? ?\.?$/i;

function initials(body: string): string {
  return body
    .split(/\s+/)
    .filter((w) => w && !/^(of|and|the|for|&)$/i.test(w))
    .map((w) => w.charAt(0).toLowerCase())
    .join('');
}

/** The person on record with this name (same words, or same surname and first initial), or a new one. */
function personFor(people: Person[], name: string, source: Source): Person {
  const parts = words(name).filter((w) => !/^(mr|mrs|ms|miss|dr|cllr)$/.test(w));
  const surname = parts.at(-1) ?? name.toLowerCase();
  const initial = parts.length > 1 ? parts[0]?.charAt(0) : undefined;
  const known =
    people.find((p) => p.names.some((n) => words(n).join(' ') === words(name).join(' '))) ??
    people.find(
      (p) =>
        p.surname.toLowerCase() === surname &&
        initial !== undefined &&
        (p.initials ?? p.givenName ?? '').toLowerCase().startsWith(initial),
    );
  if (known) return known;
  const id = `${initial ? `${initial}-` : ''}${surname}`.replace(/[^a-z0-9-]/g, '');
  const person: Person = {
    id: people.some((p) => p.id === id) ? `${id}-${people.length}` : id,
    name,
    names: [name],
    surname: name.split(/\s+/).at(-1) ?? name,
    roles: [],
    sources: [source],
  };
  people.push(person);
  return person;
}

/** The agenda of the most recent meeting that has started. */
function lastAgenda(partnership: Partnership, now: Date): Agenda | undefined {
  return partnership.agendas
    .filter((a) => a.status === 'circulated' && new Date(a.startsAt).getTime() <= now.getTime())
    .sort((a, b) => b.startsAt.localeCompare(a.startsAt))[0];
}

export function confirmAttendance(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  if (!CONFIRM.test(singleSpaced(input.text))) return null;
  if (!may(partnership, input.actor, 'manage-agendas')) {
    return {
      answer: makeAnswer(
        'refused',
        'Only the chair or the secretariat',
        `Sorry, ${input.actor.name}: only ${whoMay('manage-agendas')} can confirm attendance.`,
      ),
    };
  }
  const agenda = lastAgenda(partnership, input.now);
  if (!agenda)
    return {
      answer: makeAnswer(
        'invalid',
        'No meeting to confirm',
        'There is no circulated meeting that has taken place yet, so there is no attendance to confirm.',
      ),
    };
  const date = londonDate(agenda.startsAt);
  const source: Source = { doc: `agenda ${agenda.id}`, ref: 'attendance confirmed in Teams' };
  const build = (target: Partnership): Meeting => {
    const chair = target.roles.find((r) => r.role === 'chair');
    const present = agenda.responses.flatMap((r) =>
      r.answer === 'attending'
        ? [personFor(target.people, r.name, source).id]
        : r.answer === 'substitute' && r.substitute
          ? [personFor(target.people, r.substitute, source).id]
          : [],
    );
    const apologies = agenda.responses
      .filter((r) => r.answer !== 'attending')
      .map((r) => personFor(target.people, r.name, source).id);
    const silent = notAnswered(target, agenda).map((p) => p.name);
    return {
      id: `${initials(target.name)}-${date}`,
      body: target.name,
      date,
      time: formatLondon(agenda.startsAt).split(', ').at(-1) ?? '',
      ...(agenda.venue ? { venue: agenda.venue } : {}),
      status: 'held',
      // The partnership's chair chairs its meetings unless the minutes say otherwise.
      ...(chair ? { chairId: personFor(target.people, chair.name, source).id } : {}),
      present: [...new Set(present)],
      apologies: [...new Set(apologies)],
      ...(silent.length > 0 ? { notAnswered: silent } : {}),
      items: agenda.items.map((i) => ({
        id: i.code,
        code: i.code,
        title: i.title,
        minutes: [],
        presenters: [],
        links: i.paperUrl ? [i.paperUrl] : [],
        sources: [source],
      })),
      sources: [source],
    };
  };
  const attending = agenda.responses.filter((r) => r.answer !== 'apologies').length;
  const apologies = agenda.responses.filter((r) => r.answer !== 'attending').length;
  const silent = notAnswered(partnership, agenda).map((p) => p.name);
  const chair = partnership.roles.find((r) => r.role === 'chair');
  return {
    answer: makeAnswer(
      'agenda',
      'Attendance confirmed',
      `Attendance for ${formatLondon(agenda.startsAt)} is now the meeting's record: ${attending} present (including substitutes) and ${apologies} apologies${silent.length > 0 ? `; ${silent.length} did not answer (${silent.join(', ')})` : ''}.${chair ? ` Chair: ${chair.name}.` : ''}`,
      {
        suggestions: [`Who attended the meeting on ${formatLondon(agenda.startsAt).split(', ')[0]}?`],
      },
    ),
    change: loggedChange(
      input,
      `meeting:${initials(partnership.name)}-${date}`,
      `Attendance confirmed for ${formatLondon(agenda.startsAt)}`,
      (target) => {
        const meeting = build(target);
        const existing = target.meetings.find((m) => m.id === meeting.id);
        if (existing)
          Object.assign(existing, {
            present: meeting.present,
            apologies: meeting.apologies,
            status: 'held',
            ...(meeting.notAnswered ? { notAnswered: meeting.notAnswered } : {}),
            ...(existing.chairId || !meeting.chairId ? {} : { chairId: meeting.chairId }),
            sources: [...existing.sources.filter((s) => s.doc !== source.doc), source],
          });
        else target.meetings.push(meeting);
      },
    ),
  };
}
