/**
 * The trail of changes made from chat to a partnership's records: leads, aliases, the priorities
 * being prepared and published, roles, linked channels and teams, and the partnership itself.
 * Each change keeps its value before and after, so that the same code shows it ("history of road
 * safety lead") and undoes it, and undo is allowed to whoever may make that kind of change.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import { formatDate } from '../answers/format.js';
import type { CommandInput, CommandOutcome } from '../commands/command.js';
import type {
  Agenda,
  Lead,
  LinkedChannel,
  LinkedTeam,
  Meeting,
  Partnership,
  PriorityChange,
  PriorityDraft,
  PriorityYear,
  RoleGrant,
} from '../model/model.js';
import { may, whoMay, type Permission } from '../model/permissions.js';
import { appendChange } from './change-log.js';
import { applyMinutesValue, type MinutesRecordsValue } from './minutes-change.js';

/** The value a `priorities` change keeps: everything a publication alters. */
export interface PublishedPriorities {
  years: PriorityYear[];
  changes: PriorityChange[];
  draft?: PriorityDraft;
}

type Kind =
  | 'lead'
  | 'alias'
  | 'draft'
  | 'priorities'
  | 'role'
  | 'channel'
  | 'team'
  | 'partnership'
  | 'agenda'
  | 'meeting'
  | 'minutes'
  | 'owner';

const PERMISSION: Record<Kind, Permission> = {
  lead: 'manage-priorities',
  alias: 'manage-priorities',
  draft: 'manage-priorities',
  priorities: 'manage-priorities',
  role: 'grant-roles',
  channel: 'link-channels',
  team: 'link-channels',
  partnership: 'manage-partnerships',
  agenda: 'manage-agendas',
  // A meeting's record changes by a resolution recorded or corrected, or attendance confirmed.
  meeting: 'record-resolutions',
  minutes: 'record-resolutions',
  // An action owner named from the minutes linked to a Teams user (see actions/owner-links.ts).
  owner: 'manage-actions',
};

function kindOf(subject: string): { kind: Kind; key: string } {
  const [kind = '', key = ''] = subject.split(/:(.*)/s);
  return { kind: kind as Kind, key };
}

/** Sets the subject of a change to `value` (a value of undefined removes it). */
export function applyValue(target: Partnership, subject: string, value: unknown): void {
  const { kind, key } = kindOf(subject);
  switch (kind) {
    case 'lead':
      target.leads = [...target.leads.filter((l) => l.priorityId !== key), ...((value as Lead[] | undefined) ?? [])];
      return;
    case 'alias':
      // One key set or removed: the store saves the one alias, however many there are.
      if (typeof value === 'string') target.aliases[key] = value;
      else delete target.aliases[key];
      return;
    case 'draft':
      if (value) target.priorityDraft = value as PriorityDraft;
      else delete target.priorityDraft;
      return;
    case 'priorities': {
      const published = value as PublishedPriorities;
      target.priorityYears = published.years;
      target.priorityChanges = published.changes;
      applyValue(target, 'draft', published.draft);
      return;
    }
    case 'role':
      target.roles = [...target.roles.filter((r) => r.userId !== key), ...(value ? [value as RoleGrant] : [])];
      return;
    case 'channel':
      target.channels = [
        ...target.channels.filter((c) => c.ref.conversationId !== key),
        ...(value ? [value as LinkedChannel] : []),
      ];
      return;
    case 'team':
      target.teams = [...(target.teams ?? []).filter((t) => t.teamId !== key), ...(value ? [value as LinkedTeam] : [])];
      return;
    case 'minutes':
      if (value) applyMinutesValue(target, value as MinutesRecordsValue);
      return;
    case 'partnership':
      // Creating or removing a whole partnership is a change to the directory; see undoLast.
      return;
    case 'owner':
      // The trail itself holds an owner's link: the latest change not undone.
      return;
    case 'agenda': {
      const current = target.agendas.find((a) => a.id === key);
      // Members' answers and the posted cards stay; a new version brings the cards up to date.
      const restored =
        value && current
          ? { ...(value as Agenda), responses: current.responses, posts: current.posts, version: current.version + 1 }
          : (value as Agenda | undefined);
      replaceById(target.agendas, key, restored);
      return;
    }
    case 'meeting':
      replaceById(target.meetings, key, value as Meeting | undefined);
      return;
  }
}

/**
 * Puts `value` in the place of the element with this id (removes it when there is no value; adds
 * it at the end when there is none yet): the list stays in its order, and the store saves the
 * one element, not a new list (500 meetings copied to change one).
 */
function replaceById<T extends { id: string }>(list: T[], id: string, value: T | undefined): void {
  const at = list.findIndex((element) => element.id === id);
  if (at < 0) {
    if (value) list.push(value);
  } else if (value) list[at] = value;
  else list.splice(at, 1);
}

/**
 * The outcome of a change: the reply, and the change itself, which sets the subject to `after`
 * and logs it. `partnershipId` names the partnership changed when it is not the conversation's.
 */
export function recordChange(
  partnership: Partnership,
  input: CommandInput,
  change: { subject: string; summary: string; before: unknown; after: unknown },
  answer: Answer,
): CommandOutcome {
  const entry = {
    at: input.now.toISOString(),
    by: { id: input.actor.id, name: input.actor.name },
    subject: change.subject,
    summary: change.summary,
    ...(change.before === undefined ? {} : { before: change.before }),
    ...(change.after === undefined ? {} : { after: change.after }),
  };
  return {
    answer,
    partnershipId: partnership.id,
    change: (target) => {
      applyValue(target, change.subject, change.after);
      appendChange(target, entry);
    },
  };
}

/** The value of an agenda or meeting as the log keeps it. */
function snapshot(target: Partnership, subject: string): unknown {
  const { kind, key } = kindOf(subject);
  const found =
    kind === 'agenda'
      ? target.agendas.find((a) => a.id === key)
      : kind === 'meeting'
        ? target.meetings.find((m) => m.id === key)
        : undefined;
  return found === undefined ? undefined : structuredClone(found);
}

/**
 * A change to an agenda (`agenda:<id>`) or a meeting's record (`meeting:<id>`) made by a command
 * that changes it in place: logged with the value before and after, read when it is applied, so
 * that history shows it and undo restores it like any other change.
 */
export function loggedChange(
  input: Pick<CommandInput, 'actor' | 'now'>,
  subject: string,
  summary: string,
  change: (target: Partnership) => void,
): (target: Partnership) => void {
  return (target) => {
    const before = snapshot(target, subject);
    change(target);
    const after = snapshot(target, subject);
    appendChange(target, {
      at: input.now.toISOString(),
      by: { id: input.actor.id, name: input.actor.name },
      subject,
      summary,
      ...(before === undefined ? {} : { before }),
      ...(after === undefined ? {} : { after }),
    });
  };
}

/**
 * Undoes the latest change the member made in the partnership that is not undone yet, if they
 * may still make that kind of change and nobody has changed the same thing since.
 */
export function undoLast(partnership: Partnership, input: CommandInput): CommandOutcome {
  const changes = partnership.changes ?? [];
  const last = [...changes].reverse().find((c) => !c.undone && input.actor.ids.includes(c.by.id));
  if (!last)
    return {
      answer: makeAnswer(
        'invalid',
        'Nothing to undo',
        `You have made no change to the ${partnership.shortName} from Teams that is left to undo.`,
      ),
    };
  const since = changes.find((c) => c.id > last.id && !c.undone && c.subject === last.subject);
  if (since) {
    return {
      answer: makeAnswer(
        'invalid',
        'Changed since',
        `Your last change (${last.summary}) was changed again since, by ${since.by.name} (${since.summary}), so undoing it would undo theirs too. Nothing changed.`,
      ),
    };
  }
  const { kind } = kindOf(last.subject);
  const permission = PERMISSION[kind] ?? 'manage-partnerships';
  if (!may(partnership, input.actor, permission)) {
    return {
      answer: makeAnswer(
        'refused',
        'Not yours to undo',
        `Sorry, ${input.actor.name}: the last change (${last.summary}, by ${last.by.name}) can only be undone by ${whoMay(permission)}. Nothing changed.`,
      ),
    };
  }
  const at = input.now.toISOString();
  const markUndone = (target: Partnership): void => {
    // Found and marked in place: the store copies and saves that one entry of the log.
    const entry = target.changes?.find((c) => c.id === last.id);
    if (entry) entry.undone = { at, by: input.actor.name };
  };
  const answer = makeAnswer(
    'history',
    'Undone',
    `Undone: ${last.summary} (made by ${last.by.name} on ${formatDate(last.at.slice(0, 10))}). The previous value is back.`,
    {
      suggestions: ['Recent changes'],
    },
  );
  if (kind === 'partnership') {
    const held =
      partnership.channels.length +
      (partnership.teams?.length ?? 0) +
      partnership.meetings.length +
      partnership.agendas.length;
    if (held > 0)
      return {
        answer: makeAnswer(
          'invalid',
          'Nothing changed',
          `The ${partnership.shortName} already holds meetings, agendas or linked channels, so its creation cannot be undone.`,
        ),
      };
    return { answer, removesPartnership: partnership.id };
  }
  const agendaId = kind === 'agenda' ? kindOf(last.subject).key : undefined;
  const restored = last.before as Agenda | undefined;
  const postedCards =
    agendaId !== undefined &&
    (partnership.agendas.find((a) => a.id === agendaId)?.posts.length ?? 0) > 0 &&
    restored?.status !== 'draft';
  return {
    answer,
    partnershipId: partnership.id,
    change: (target) => {
      applyValue(target, last.subject, last.before);
      markUndone(target);
    },
    // Cards already posted for the agenda are brought back in line with it.
    ...(postedCards && agendaId ? { effect: { kind: 'post-agenda' as const, agendaId } } : {}),
  };
}

/** The changes whose subject starts with one of `prefixes` (`lead:` all leads, `lead:road-safety` one), newest first. */
export function answerChangeHistory(
  partnership: Partnership,
  about: string,
  prefixes: readonly string[] = [],
  limit = 10,
): Answer {
  const all = (partnership.changes ?? []).filter(
    (c) => prefixes.length === 0 || prefixes.some((p) => c.subject.startsWith(p)),
  );
  if (all.length === 0)
    return makeAnswer(
      'history',
      'No changes',
      `No change to ${about} has been made from Teams in the ${partnership.shortName}.`,
    );
  const shown = [...all].reverse().slice(0, limit);
  const more = all.length > shown.length ? ` The latest ${shown.length} are shown.` : '';
  return makeAnswer(
    'history',
    `History of ${about}`,
    `${all.length} change${all.length === 1 ? '' : 's'} to ${about}, newest first.${more}`,
    {
      entries: shown.map((c) => ({
        heading: `${formatDate(c.at.slice(0, 10))}, ${c.by.name}`,
        text: `${c.summary}${c.undone ? ` (undone by ${c.undone.by})` : ''}`,
      })),
    },
  );
}
