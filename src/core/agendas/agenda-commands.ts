/**
 * Building an agenda from chat, by the chair or the secretariat: "agenda 14 March 2024 10:00
 * online" starts one (or moves the current draft), "item B1 Community Safety Agreement refresh -
 * Ms S Brinson" adds or replaces an item, "remove item B1", "move item B2 before B1", "agenda
 * title ...", "show agenda". This file reads the words; agenda-edits.ts makes the changes.
 */
import { makeAnswer } from '../answers/answer.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type { AgendaItem, Partnership } from '../model/model.js';
import {
  agendaPreview,
  invalid,
  moveItem,
  refuseUnlessOrganiser,
  removeItem,
  setItem,
  setTitle,
  startOrMoveAgenda,
  type MoveTo,
} from './agenda-edits.js';
import { currentAgenda } from './current-agenda.js';
import { formatLondon } from '../text/london-time.js';
import { readMeetingTime } from './read-meeting-time.js';
import { singleSpaced } from '../text/normalise.js';

const CODE = String.raw`([A-Z]{0,2}\d{1,2}[a-z]?)`;
// "agenda for the March 2022 meeting" is a question about a meeting, not a new agenda.
const CREATE = /^(?:new |create (?:an? )?)?agenda (?!(?:for )?(?:title|the|of)\b)(?:for )?(\D*\d.*)$/i;
const TITLE = /^agenda title ?:? ?(.+)$/i;
const ITEM = new RegExp(String.raw`^(?:add )?item ${CODE} ?[:.]? ([\s\S]+)$`, 'i');
const REMOVE = new RegExp(String.raw`^(?:remove|delete|drop) item ${CODE} ?\.?$`, 'i');
const MOVE = new RegExp(
  String.raw`^move item ${CODE} (up|down|to (?:the )?top|to (?:the )?end|before ${CODE}|after ${CODE}) ?\.?$`,
  'i',
);
const SHOW = /^(?:show|preview|see) (?:the )?(?:draft )?agenda ?\??$/i;
const RESCHEDULE =
  /^(?:move|reschedule|postpone|bring forward|change) (?:the )?(?:next )?(?:meeting|agenda)(?: date)? to (\D*\d.*)$/i;

/** "Community Safety Agreement refresh - Ms S Brinson https://..." -> title, presenter, paper. */
function readItem(code: string, rest: string): AgendaItem {
  const paperUrl = /https?:\/\/\S+/.exec(rest)?.[0];
  const withoutLink = paperUrl ? rest.replace(paperUrl, '').trim() : rest.trim();
  const [title = '', presenter] = withoutLink.split(/ [-–—] | presented by /i).map((p) => p.trim());
  return { code: code.toUpperCase(), title, ...(presenter ? { presenter } : {}), ...(paperUrl ? { paperUrl } : {}) };
}

function readMove(direction: string, before?: string, after?: string): MoveTo {
  if (before) return { kind: 'before', anchor: before.toUpperCase() };
  if (after) return { kind: 'after', anchor: after.toUpperCase() };
  const d = direction.toLowerCase();
  return { kind: d === 'up' ? 'up' : d === 'down' ? 'down' : /top/.test(d) ? 'top' : 'end' };
}

export function agendaCommand(partnership: Partnership, input: CommandInput): CommandOutcome | null {
  const { now } = input;
  const text = singleSpaced(input.text);
  const show = SHOW.test(text);
  const title = TITLE.exec(text);
  const create = title ? null : CREATE.exec(text);
  const item = ITEM.exec(text);
  const remove = REMOVE.exec(text);
  const move = MOVE.exec(text);
  const reschedule = RESCHEDULE.exec(text);
  if (!show && !title && !create && !item && !remove && !move && !reschedule) return null;
  const agenda = currentAgenda(partnership, now);
  if (show) {
    return {
      answer: agenda
        ? agendaPreview(agenda, `Agenda for ${formatLondon(agenda.startsAt)}.`)
        : makeAnswer(
            'agenda',
            'No agenda',
            'There is no agenda for a coming meeting yet. The chair or secretariat starts one with "agenda 14 March 2024 10:00 online".',
          ),
    };
  }
  const refused = refuseUnlessOrganiser(partnership, input);
  if (refused) return refused;
  if (reschedule) return rescheduleMeeting(partnership, input, reschedule[1] ?? '');
  if (create) {
    const when = readMeetingTime(create[1] ?? '', now);
    if ('problem' in when) return invalid(`${when.problem} Nothing was changed.`);
    // A date typed while the meeting is already circulated: move it, or start another? Ask, never guess.
    if (agenda?.status === 'circulated' && !/^(?:new|create)\b/i.test(text)) {
      const day = formatLondon(when.startsAt).split(', ')[0] ?? '';
      return {
        answer: makeAnswer(
          'clarify',
          'Move the meeting, or a new one?',
          `The meeting of ${formatLondon(agenda.startsAt)} is already circulated. Say "move the meeting to ${day}" to move it (its posted cards are updated), or "new agenda ${day}" to start the agenda of another meeting. Nothing was changed.`,
          {
            suggestions: [`move the meeting to ${day}`, `new agenda ${day}`],
          },
        ),
      };
    }
    return startOrMoveAgenda(partnership, agenda?.status === 'draft' ? agenda : undefined, input, when);
  }
  if (!agenda) return invalid('There is no agenda to change yet. Start one with "agenda 14 March 2024 10:00 online".');
  if (title) return setTitle(agenda, input, title[1] ?? '');
  if (item) return setItem(agenda, input, readItem(item[1] ?? '', item[2] ?? ''));
  if (remove) return removeItem(agenda, input, (remove[1] ?? '').toUpperCase());
  return moveItem(agenda, input, (move?.[1] ?? '').toUpperCase(), readMove(move?.[2] ?? '', move?.[3], move?.[4]));
}

/** "move the meeting to 10 December 2026 14:00": the coming meeting's date changes, and its posted cards with it. */
function rescheduleMeeting(partnership: Partnership, input: CommandInput, to: string): CommandOutcome {
  const agenda = currentAgenda(partnership, input.now);
  if (!agenda)
    return invalid('There is no coming meeting to move. Start one with "agenda 14 March 2024 10:00 online".');
  const when = readMeetingTime(to, input.now);
  if ('problem' in when) return invalid(`${when.problem} Nothing was changed.`);
  const moved = startOrMoveAgenda(partnership, agenda, input, {
    ...when,
    ...(agenda.venue && !when.venue && !when.onlineLink ? { venue: agenda.venue } : {}),
  });
  if (!moved.change) return moved;
  const lead = `The meeting of ${formatLondon(agenda.startsAt)} is moved to ${formatLondon(when.startsAt)}.`;
  return {
    ...moved,
    answer: { ...moved.answer, summary: lead },
    ...(agenda.posts.length > 0 ? { effect: { kind: 'post-agenda' as const, agendaId: agenda.id } } : {}),
  };
}
