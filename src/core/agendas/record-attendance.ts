/**
 * A member answers a circulated agenda from its card: attending, apologies (with an optional
 * note) or a named substitute. The card action carries a verb and the agenda id; anything else
 * (a forged verb, an agenda that no longer exists, a cancelled meeting, wrong types) gets a
 * clear message on the card and changes nothing.
 */
import type { Agenda, AttendanceAnswer, AttendanceResponse, Partnership } from '../model/model.js';
import type { Actor } from '../model/permissions.js';
import { may } from '../model/permissions.js';

export const MAX_NOTE = 500;
export const MAX_SUBSTITUTE = 200;

const VERB_ANSWERS: Record<string, AttendanceAnswer | 'refresh'> = {
  'agenda.attending': 'attending',
  'agenda.apologies': 'apologies',
  'agenda.substitute': 'substitute',
  'agenda.refresh': 'refresh',
};

export interface CardAction {
  verb: unknown;
  data: unknown;
}

export interface AttendanceOutcome {
  /** The agenda to show (after the change, when there is one); absent when it does not exist. */
  agenda?: Agenda;
  /** Shown on the card: a confirmation or what was wrong. */
  message: string;
  change?: (partnership: Partnership) => void;
  /** Whether the viewer sees who has not answered. */
  organiser: boolean;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}

/**
 * The channel's own id for the member (Teams' `29:...`; another client's own form), which comes
 * after the Azure AD id in `actor.ids`: roles granted by @mention, card refresh and nudges use it.
 */
export function responderId(actor: Actor): string {
  return actor.ids.at(-1) ?? actor.id;
}

export function recordAttendance(
  partnership: Partnership,
  action: CardAction,
  actor: Actor,
  now: Date,
): AttendanceOutcome {
  const organiser = may(partnership, actor, 'manage-agendas');
  const data = typeof action.data === 'object' && action.data !== null ? (action.data as Record<string, unknown>) : {};
  const agenda = partnership.agendas.find((a) => a.id === data.agendaId);
  if (!agenda) return { message: 'This agenda no longer exists, so your answer was not recorded.', organiser };
  const answer = typeof action.verb === 'string' ? VERB_ANSWERS[action.verb] : undefined;
  if (!answer) return { agenda, message: 'That is not something this card can do; nothing was recorded.', organiser };
  if (answer === 'refresh') return { agenda, message: '', organiser };
  if (agenda.status === 'cancelled')
    return { agenda, message: 'This meeting has been cancelled; no answer is needed.', organiser };
  if (agenda.status !== 'circulated') return { agenda, message: 'This agenda has not been circulated yet.', organiser };
  const note = data.note === undefined ? undefined : text(data.note);
  const substitute = data.substitute === undefined ? undefined : text(data.substitute);
  if ((data.note !== undefined && note === undefined) || (data.substitute !== undefined && substitute === undefined)) {
    return {
      agenda,
      message: 'The card sent something unexpected; nothing was recorded. Please try again.',
      organiser,
    };
  }
  if (note && note.length > MAX_NOTE)
    return {
      agenda,
      message: `Your note is too long (${MAX_NOTE} characters at most); nothing was recorded.`,
      organiser,
    };
  if (answer === 'substitute' && !substitute)
    return {
      agenda,
      message: 'Name your substitute so the secretariat can record them; nothing was recorded.',
      organiser,
    };
  if (substitute && substitute.length > MAX_SUBSTITUTE)
    return {
      agenda,
      message: `That name is too long (${MAX_SUBSTITUTE} characters at most); nothing was recorded.`,
      organiser,
    };

  const response: AttendanceResponse = {
    userId: responderId(actor),
    name: actor.name,
    answer,
    ...(answer === 'apologies' && note ? { note } : {}),
    ...(answer === 'substitute' && substitute ? { substitute } : {}),
    at: now.toISOString(),
  };
  const apply = (a: Agenda): void => {
    a.responses = [...a.responses.filter((r) => r.userId !== response.userId), response];
  };
  const after = structuredClone(agenda);
  apply(after);
  const confirmations: Record<AttendanceAnswer, string> = {
    attending: 'Thank you: you are down as attending.',
    apologies: 'Thank you: your apologies are recorded.',
    substitute: `Thank you: ${substitute ?? 'your substitute'} will attend in your place.`,
  };
  return {
    agenda: after,
    message: confirmations[answer],
    organiser,
    change: (target) => {
      const stored = target.agendas.find((a) => a.id === agenda.id);
      if (stored) apply(stored);
    },
  };
}
