/**
 * The edits an agenda can receive, whatever they were typed in (a chat line or the agenda form
 * card): start or move it, set its title, add or replace an item, remove or move one. Each
 * validates its input, previews the result, and returns the change to apply to the agenda as
 * stored at save time, so concurrent edits do not overwrite each other.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Agenda, AgendaItem, Partnership } from '../model/model.js';
import { may, whoMay } from '../model/permissions.js';
import { formatLondon } from '../text/london-time.js';
import { loggedChange } from '../records/record-change.js';

export const MAX_ITEM_TITLE = 300;
export const MAX_AGENDA_TITLE = 200;

export type MoveTo = { kind: 'up' | 'down' | 'top' | 'end' } | { kind: 'before' | 'after'; anchor: string };

export function invalid(summary: string, kind: Answer['kind'] = 'invalid'): CommandOutcome {
  return { answer: makeAnswer(kind, kind === 'invalid' ? 'Agenda not changed' : 'Agenda', summary) };
}

export function refuseUnlessOrganiser(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  if (may(partnership, input.actor, 'manage-agendas')) return null;
  return invalid(
    `Sorry, ${input.actor.name}: only ${whoMay('manage-agendas')} of the ${partnership.shortName} can build and circulate agendas.`,
    'refused',
  );
}

/** The agenda as a preview answer: when, where, items. */
export function agendaPreview(agenda: Agenda, lead: string): Answer {
  const where = [agenda.venue, agenda.onlineLink].filter(Boolean).join(' ');
  const status =
    agenda.status === 'circulated' && agenda.posts.some((p) => p.version < agenda.version)
      ? ' Changed since it was circulated: say "circulate" to update the posted cards.'
      : '';
  return makeAnswer('agenda', agenda.title, `${lead}${status}`, {
    facts: [
      { title: 'When', value: formatLondon(agenda.startsAt) },
      ...(where ? [{ title: 'Where', value: where }] : []),
      { title: 'Status', value: agenda.status },
    ],
    entries: agenda.items.map((i) => ({
      heading: `${i.code} ${i.title}`,
      text: [
        i.presenter ? `Presenter: ${i.presenter}` : 'Presenter not named',
        i.paperUrl ? `Paper: ${i.paperUrl}` : '',
      ]
        .filter(Boolean)
        .join(' · '),
    })),
    suggestions: agenda.items.length === 0 ? ['item B1 <title> - <presenter>'] : ['circulate'],
  });
}

function edit(agenda: Agenda, input: CommandInput, apply: (a: Agenda) => void, lead: string): CommandOutcome {
  const bump = (a: Agenda): void => {
    apply(a);
    // Versions count changes members have seen: edits before circulation never mark a card UPDATED.
    if (a.status !== 'draft') a.version += 1;
    a.updatedAt = input.now.toISOString();
  };
  const preview = structuredClone(agenda);
  bump(preview);
  return {
    answer: agendaPreview(preview, lead),
    change: loggedChange(
      input,
      `agenda:${agenda.id}`,
      `Agenda for ${formatLondon(agenda.startsAt)}: ${lead.replace(/\.$/, '').toLowerCase()}`,
      (target) => {
        const stored = target.agendas.find((a) => a.id === agenda.id);
        if (stored) bump(stored);
      },
    ),
  };
}

export interface MeetingFields {
  startsAt: string;
  venue?: string;
  onlineLink?: string;
  title?: string;
}

/** Starts an agenda, or moves (and retitles) the draft being built; says which agenda it is. */
export function startOrMoveAgenda(
  partnership: Partnership,
  agenda: Agenda | undefined,
  input: CommandInput,
  fields: MeetingFields,
): CommandOutcome & { agendaId?: string } {
  if (fields.title !== undefined && (fields.title.trim() === '' || fields.title.length > MAX_AGENDA_TITLE)) {
    return invalid(`The title must be 1 to ${MAX_AGENDA_TITLE} characters. Nothing was changed.`);
  }
  if (agenda) {
    return {
      agendaId: agenda.id,
      ...edit(
        agenda,
        input,
        (a) => {
          a.startsAt = fields.startsAt;
          if (fields.venue !== undefined) a.venue = fields.venue;
          if (fields.onlineLink !== undefined) a.onlineLink = fields.onlineLink;
          if (fields.title) a.title = fields.title.trim();
        },
        `Agenda set for ${formatLondon(fields.startsAt)}.`,
      ),
    };
  }
  const created: Agenda = {
    id: `agenda-${input.now.getTime().toString(36)}`,
    title: fields.title?.trim() || `${partnership.name} meeting`,
    startsAt: fields.startsAt,
    ...(fields.venue ? { venue: fields.venue } : {}),
    ...(fields.onlineLink ? { onlineLink: fields.onlineLink } : {}),
    items: [],
    status: 'draft',
    version: 1,
    createdBy: input.actor.name,
    updatedAt: input.now.toISOString(),
    posts: [],
    responses: [],
  };
  return {
    agendaId: created.id,
    answer: agendaPreview(
      created,
      `Draft agenda started for ${formatLondon(created.startsAt)}. Add items with "item B1 <title> - <presenter>".`,
    ),
    change: loggedChange(
      input,
      `agenda:${created.id}`,
      `Draft agenda started for ${formatLondon(created.startsAt)}`,
      (target) => void target.agendas.push(created),
    ),
  };
}

export function setTitle(agenda: Agenda, input: CommandInput, title: string): CommandOutcome {
  if (title.trim() === '' || title.length > MAX_AGENDA_TITLE)
    return invalid(`The title must be 1 to ${MAX_AGENDA_TITLE} characters. Nothing was changed.`);
  return edit(agenda, input, (a) => void (a.title = title.trim()), 'Agenda title set.');
}

export function checkItem(item: AgendaItem): string | null {
  if (!/^[A-Z]{0,2}\d{1,2}[a-z]?$/i.test(item.code))
    return `"${item.code.slice(0, 20)}" is not an item code; use a code such as B1. Nothing was changed.`;
  if (!item.title.trim())
    return 'The item needs a title, e.g. "item B1 Community Safety Agreement refresh - Ms S Brinson".';
  if (item.title.length > MAX_ITEM_TITLE)
    return `That item title is ${item.title.length} characters long; keep it under ${MAX_ITEM_TITLE} (put detail in the paper). Nothing was changed.`;
  if (item.presenter && item.presenter.length > 200)
    return 'That presenter name is too long (200 characters at most). Nothing was changed.';
  if (item.paperUrl && !/^https?:\/\/\S+$/.test(item.paperUrl))
    return 'The paper link must be a web address starting https://. Nothing was changed.';
  return null;
}

export function setItem(agenda: Agenda, input: CommandInput, item: AgendaItem): CommandOutcome {
  const problem = checkItem(item);
  if (problem) return invalid(problem);
  const clean: AgendaItem = { ...item, code: item.code.toUpperCase(), title: item.title.trim() };
  const replaced = agenda.items.some((i) => i.code === clean.code);
  return edit(
    agenda,
    input,
    (a) => void (a.items = replaced ? a.items.map((i) => (i.code === clean.code ? clean : i)) : [...a.items, clean]),
    `Item ${clean.code} ${replaced ? 'updated' : 'added'}.`,
  );
}

function noItem(agenda: Agenda, code: string): CommandOutcome {
  return invalid(
    `The agenda has no item ${code}${agenda.items.length ? ` (its items are ${agenda.items.map((i) => i.code).join(', ')})` : ''}. Nothing was changed.`,
  );
}

export function removeItem(agenda: Agenda, input: CommandInput, code: string): CommandOutcome {
  if (!agenda.items.some((i) => i.code === code)) return noItem(agenda, code);
  return edit(agenda, input, (a) => void (a.items = a.items.filter((i) => i.code !== code)), `Item ${code} removed.`);
}

export function moveItem(agenda: Agenda, input: CommandInput, code: string, to: MoveTo): CommandOutcome {
  if (!agenda.items.some((i) => i.code === code)) return noItem(agenda, code);
  if ((to.kind === 'before' || to.kind === 'after') && !agenda.items.some((i) => i.code === to.anchor))
    return noItem(agenda, to.anchor);
  return edit(
    agenda,
    input,
    (a) => {
      const index = a.items.findIndex((i) => i.code === code);
      const [item] = a.items.splice(index, 1);
      if (!item) return;
      const anchored = (t: MoveTo): number =>
        'anchor' in t ? a.items.findIndex((i) => i.code === t.anchor) + (t.kind === 'after' ? 1 : 0) : 0;
      const at =
        to.kind === 'up'
          ? Math.max(0, index - 1)
          : to.kind === 'down'
            ? Math.min(a.items.length, index + 1)
            : to.kind === 'top'
              ? 0
              : to.kind === 'end'
                ? a.items.length
                : anchored(to);
      a.items.splice(at, 0, item);
    },
    `Item ${code} moved.`,
  );
}
