/** The agenda the chair is working on: the most recently edited one for a meeting still to come. */
import type { Agenda, Partnership } from '../model/model.js';

export function currentAgenda(partnership: Partnership, now: Date): Agenda | undefined {
  return partnership.agendas
    .filter((a) => a.status !== 'cancelled' && new Date(a.startsAt).getTime() >= now.getTime())
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** The next meeting with an agenda, soonest first. */
export function nextAgenda(partnership: Partnership, now: Date): Agenda | undefined {
  return partnership.agendas
    .filter((a) => a.status !== 'draft' && new Date(a.startsAt).getTime() >= now.getTime())
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
}
