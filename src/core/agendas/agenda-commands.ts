/**
 * Building an agenda from chat, by the chair or the secretariat: "agenda 14 March 2024 10:00
 * online" starts one (or moves the current one), "item B1 Community Safety Agreement refresh -
 * Ms S Brinson" adds or replaces an item, "remove item B1", "move item B2 before B1", "agenda
 * title ...", "show agenda". Each reply previews the agenda; a circulated agenda that is edited
 * is marked for re-circulation.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { Agenda, AgendaItem, Partnership } from '../model.js';
import { may, whoMay } from '../roles/permissions.js';
import { currentAgenda } from './current-agenda.js';
import { formatLondon } from './london-time.js';
import { readMeetingTime } from './read-meeting-time.js';

export const MAX_ITEM_TITLE = 300;

const CREATE = /^\s*(?:new\s+|create\s+(?:an?\s+)?)?agenda\s+(?:for\s+)?(?!title\b)(.*\d.*)$/i;
const TITLE = /^\s*agenda\s+title\s*:?\s*(.+)$/i;
const ITEM = /^\s*(?:add\s+)?item\s+([A-Z]{0,2}\d{1,2}[a-z]?)\s*[:.]?\s+([\s\S]+)$/i;
const REMOVE = /^\s*(?:remove|delete|drop)\s+item\s+([A-Z]{0,2}\d{1,2}[a-z]?)\s*\.?\s*$/i;
const MOVE = /^\s*move\s+item\s+([A-Z]{0,2}\d{1,2}[a-z]?)\s+(up|down|to\s+(?:the\s+)?top|to\s+(?:the\s+)?end|before\s+([A-Z]{0,2}\d{1,2}[a-z]?)|after\s+([A-Z]{0,2}\d{1,2}[a-z]?))\s*\.?\s*$/i;
const SHOW = /^\s*(?:show|preview|see)\s+(?:the\s+)?(?:draft\s+)?agenda\s*\??\s*$/i;

function outcome(summary: string, kind: Answer['kind'] = 'invalid'): CommandOutcome {
  return { answer: makeAnswer(kind, kind === 'invalid' ? 'Agenda not changed' : 'Agenda', summary) };
}

/** The agenda as a preview answer: when, where, items. */
export function agendaPreview(agenda: Agenda, lead: string): Answer {
  const where = [agenda.venue, agenda.onlineLink].filter(Boolean).join(' ');
  const status = agenda.status === 'circulated' && agenda.posts.some((p) => p.version < agenda.version) ? ' Changed since it was circulated: say "circulate" to update the posted cards.' : '';
  return makeAnswer('agenda', agenda.title, `${lead}${status}`, {
    facts: [{ title: 'When', value: formatLondon(agenda.startsAt) }, ...(where ? [{ title: 'Where', value: where }] : []), { title: 'Status', value: agenda.status }],
    entries: agenda.items.map((i) => ({ heading: `${i.code} ${i.title}`, text: [i.presenter ? `Presenter: ${i.presenter}` : 'Presenter not named', i.paperUrl ? `Paper: ${i.paperUrl}` : ''].filter(Boolean).join(' · ') })),
    suggestions: agenda.items.length === 0 ? ['item B1 <title> - <presenter>'] : ['circulate'],
  });
}

function readItem(text: string): AgendaItem | string {
  const match = ITEM.exec(text);
  const code = (match?.[1] ?? '').toUpperCase();
  let rest = (match?.[2] ?? '').trim();
  const paperUrl = /https?:\/\/\S+/.exec(rest)?.[0];
  if (paperUrl) rest = rest.replace(paperUrl, '').trim();
  const [title, presenter] = rest.split(/\s+[-–—]\s+|\s+presented by\s+/i).map((p) => p.trim());
  if (!title) return 'The item needs a title, e.g. "item B1 Community Safety Agreement refresh - Ms S Brinson".';
  if (title.length > MAX_ITEM_TITLE) return `That item title is ${title.length} characters long; keep it under ${MAX_ITEM_TITLE} (put detail in the paper). Nothing was changed.`;
  return { code, title, ...(presenter ? { presenter: presenter.slice(0, 200) } : {}), ...(paperUrl ? { paperUrl } : {}) };
}

/** Previews the edit on a copy; the change applies the same edit to the agenda as stored then. */
function edit(agenda: Agenda, input: CommandInput, apply: (a: Agenda) => void, lead: string): CommandOutcome {
  const bump = (a: Agenda): void => {
    apply(a);
    a.version += 1;
    a.updatedAt = input.now.toISOString();
  };
  const preview = structuredClone(agenda);
  bump(preview);
  return {
    answer: agendaPreview(preview, lead),
    change: (target) => {
      const stored = target.agendas.find((a) => a.id === agenda.id);
      if (stored) bump(stored);
    },
  };
}

export function agendaCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const { text, now } = input;
  const kind = SHOW.test(text) ? 'show' : TITLE.test(text) ? 'title' : CREATE.test(text) ? 'create' : ITEM.test(text) ? 'item' : REMOVE.test(text) ? 'remove' : MOVE.test(text) ? 'move' : null;
  if (!kind) return null;
  const agenda = currentAgenda(partnership, now);
  if (kind === 'show') {
    return { answer: agenda ? agendaPreview(agenda, `Agenda for ${formatLondon(agenda.startsAt)}.`) : makeAnswer('agenda', 'No agenda', 'There is no agenda for a coming meeting yet. The chair or secretariat starts one with "agenda 14 March 2024 10:00 online".') };
  }
  if (!may(partnership, input.actor, 'manage-agendas')) {
    return outcome(`Sorry, ${input.actor.name}: only ${whoMay('manage-agendas')} of the ${partnership.shortName} can build and circulate agendas.`, 'refused');
  }
  if (kind === 'create') {
    const when = readMeetingTime(CREATE.exec(text)?.[1] ?? '', now);
    if ('problem' in when) return outcome(`${when.problem} Nothing was changed.`);
    if (agenda && agenda.status === 'draft') {
      return edit(agenda, input, (a) => Object.assign(a, when), `Draft agenda moved to ${formatLondon(when.startsAt)}.`);
    }
    const created: Agenda = {
      id: `agenda-${now.getTime().toString(36)}`,
      title: `${partnership.name} meeting`,
      ...when,
      items: [],
      status: 'draft',
      version: 1,
      createdBy: input.actor.name,
      updatedAt: now.toISOString(),
      posts: [],
      responses: [],
    };
    return { answer: agendaPreview(created, `Draft agenda started for ${formatLondon(created.startsAt)}. Add items with "item B1 <title> - <presenter>".`), change: (target) => void target.agendas.push(created) };
  }
  if (!agenda) return outcome('There is no agenda to change yet. Start one with "agenda 14 March 2024 10:00 online".');
  if (kind === 'title') {
    const title = (TITLE.exec(text)?.[1] ?? '').trim();
    if (title.length > 200) return outcome('That title is too long (200 characters at most). Nothing was changed.');
    return edit(agenda, input, (a) => void (a.title = title), `Agenda title set.`);
  }
  if (kind === 'item') {
    const item = readItem(text);
    if (typeof item === 'string') return outcome(item);
    const replaced = agenda.items.some((i) => i.code === item.code);
    return edit(agenda, input, (a) => void (a.items = replaced ? a.items.map((i) => (i.code === item.code ? item : i)) : [...a.items, item]), `Item ${item.code} ${replaced ? 'updated' : 'added'}.`);
  }
  const code = ((kind === 'remove' ? REMOVE : MOVE).exec(text)?.[1] ?? '').toUpperCase();
  const index = agenda.items.findIndex((i) => i.code === code);
  if (index < 0) return outcome(`The agenda has no item ${code}${agenda.items.length ? ` (its items are ${agenda.items.map((i) => i.code).join(', ')})` : ''}. Nothing was changed.`);
  if (kind === 'remove') return edit(agenda, input, (a) => void a.items.splice(index, 1), `Item ${code} removed.`);
  const move = MOVE.exec(text);
  const direction = (move?.[2] ?? '').toLowerCase();
  const anchor = (move?.[3] ?? move?.[4] ?? '').toUpperCase();
  if (anchor && !agenda.items.some((i) => i.code === anchor)) return outcome(`The agenda has no item ${anchor}. Nothing was changed.`);
  return edit(agenda, input, (a) => {
    const [item] = a.items.splice(index, 1);
    if (!item) return;
    const at = direction === 'up' ? Math.max(0, index - 1) : direction === 'down' ? Math.min(a.items.length, index + 1) : /top/.test(direction) ? 0 : /end/.test(direction) ? a.items.length : a.items.findIndex((i) => i.code === anchor) + (direction.startsWith('after') ? 1 : 0);
    a.items.splice(at, 0, item);
  }, `Item ${code} moved.`);
}
