/**
 * The agenda builder card's buttons: save the meeting details, add, edit, move or remove an item,
 * preview, circulate. Form values arrive as untrusted data; they are checked here and then go
 * through the same edits as the chat commands. "new agenda" (with no date) opens the form.
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Agenda, Partnership } from '../model/model.js';
import { invalid, moveItem, refuseUnlessOrganiser, removeItem, setItem, startOrMoveAgenda } from './agenda-edits.js';
import { circulateCommand } from './circulate-agenda.js';
import { currentAgenda } from './current-agenda.js';
import { londonTimeToInstant } from '../text/london-time.js';

export type FormView = 'form' | 'preview';

export interface FormOutcome {
  outcome: CommandOutcome;
  /** The agenda to show after the change (absent: the form for a new agenda). */
  agendaId?: string;
  view: FormView;
}

const OPEN_FORM = /^\s*(?:new|create|build|edit)\s+(?:an?\s+|the\s+)?agenda(?:\s*form)?\s*$/i;

export function isFormRequest(text: string): boolean {
  return OPEN_FORM.test(text);
}

export function isFormVerb(verb: unknown): verb is string {
  return typeof verb === 'string' && verb.startsWith('agendaForm.');
}

function field(data: Record<string, unknown>, name: string): string | undefined {
  const value = data[name];
  return typeof value === 'string' ? value.trim() : undefined;
}

function readDetails(
  data: Record<string, unknown>,
  now: Date,
): { startsAt: string; title?: string; venue?: string; onlineLink?: string } | string {
  const date = field(data, 'date') ?? '';
  const time = field(data, 'time') ?? '';
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!d) return 'Choose the meeting date. Nothing was changed.';
  if (!t) return 'Choose the start time. Nothing was changed.';
  const [year, month, day, hour, minute] = [d[1], d[2], d[3], t[1], t[2]].map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  const instant = londonTimeToInstant(year, month, day, hour, minute);
  const check = new Date(Date.UTC(year, month - 1, day));
  if (Number.isNaN(instant.getTime()) || check.getUTCDate() !== day || hour > 23 || minute > 59)
    return 'That is not a real date and time. Nothing was changed.';
  if (instant.getTime() < now.getTime())
    return 'That time is in the past; an agenda is for a meeting still to come. Nothing was changed.';
  const onlineLink = field(data, 'onlineLink');
  if (onlineLink && !/^https?:\/\/\S+$/.test(onlineLink))
    return 'The online meeting link must be a web address starting https://. Nothing was changed.';
  const title = field(data, 'title');
  const venue = field(data, 'venue');
  return {
    startsAt: instant.toISOString(),
    ...(title !== undefined ? { title } : {}),
    ...(venue ? { venue } : {}),
    ...(onlineLink ? { onlineLink } : {}),
  };
}

export function agendaFormAction(
  partnership: Partnership,
  verb: string,
  raw: unknown,
  input: CommandInput,
): FormOutcome {
  const data = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const refused = refuseUnlessOrganiser(partnership, input);
  if (refused) return { outcome: refused, view: 'form' };
  const requested = field(data, 'agendaId');
  const agenda: Agenda | undefined = requested
    ? partnership.agendas.find((a) => a.id === requested)
    : currentAgenda(partnership, input.now);
  if (requested && !agenda)
    return { outcome: invalid('This agenda no longer exists. Say "new agenda" to start another.'), view: 'form' };
  const on = (outcome: CommandOutcome, view: FormView = 'form'): FormOutcome => ({
    outcome,
    ...(agenda ? { agendaId: agenda.id } : {}),
    view,
  });
  const code = (field(data, 'code') ?? '').toUpperCase();
  switch (verb) {
    case 'agendaForm.save': {
      const details = readDetails(data, input.now);
      if (typeof details === 'string') return on(invalid(details));
      const outcome = startOrMoveAgenda(partnership, agenda, input, details);
      return { outcome, ...(outcome.agendaId ? { agendaId: outcome.agendaId } : {}), view: 'form' };
    }
    case 'agendaForm.preview':
      return on({ answer: makeAnswer('agenda', 'Preview', '') }, 'preview');
    case 'agendaForm.circulate':
      return on(circulateCommand(partnership, { ...input, text: 'circulate' }) ?? invalid('Nothing to circulate.'));
  }
  if (!agenda) return on(invalid('Save the meeting details first, then add items.'));
  switch (verb) {
    case 'agendaForm.addItem': {
      const paper = field(data, 'newPaper');
      const presenter = field(data, 'newPresenter');
      return on(
        setItem(agenda, input, {
          code: field(data, 'newCode') ?? '',
          title: field(data, 'newTitle') ?? '',
          ...(presenter ? { presenter } : {}),
          ...(paper ? { paperUrl: paper } : {}),
        }),
      );
    }
    case 'agendaForm.setItem': {
      const paper = field(data, `itemPaper_${code}`);
      const presenter = field(data, `itemPresenter_${code}`);
      if (!agenda.items.some((i) => i.code === code))
        return on(invalid(`The agenda has no item ${code}. Nothing was changed.`));
      return on(
        setItem(agenda, input, {
          code,
          title: field(data, `itemTitle_${code}`) ?? '',
          ...(presenter ? { presenter } : {}),
          ...(paper ? { paperUrl: paper } : {}),
        }),
      );
    }
    case 'agendaForm.remove':
      return on(removeItem(agenda, input, code));
    case 'agendaForm.up':
      return on(moveItem(agenda, input, code, { kind: 'up' }));
    case 'agendaForm.down':
      return on(moveItem(agenda, input, code, { kind: 'down' }));
    default:
      return on(invalid('That is not something this form can do; nothing was changed.'));
  }
}
