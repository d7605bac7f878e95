/**
 * Who counts as a member of a partnership, and what everyone else may see of it. What a
 * partnership publishes (its priorities, leads, meetings and the resolutions in its published
 * minutes) may be answered in any conversation of the allowed tenants. Its internal records
 * (actions, draft actions, agendas and the answers to them, attendance taken in Teams, roles,
 * linked channels, change history, exports) reach only its members: role holders, admins, and
 * people in its linked channels or teams. Identity is by Teams and Azure AD ids only; a display
 * name anyone can choose never makes someone a member.
 */
import { makeAnswer, type Answer } from '../answers/answer.js';
import type { Meeting, Partnership, PartnershipDirectory, Person, Source } from '../model/model.js';
import type { Actor } from '../model/permissions.js';
import { whoMay } from '../model/permissions.js';
import type { ResolvedPartnership } from './resolve-partnership.js';

export function isPartnershipMember(
  directory: PartnershipDirectory,
  partnership: Partnership,
  actor: Actor,
  via?: string,
): boolean {
  if (actor.isAdmin) return true;
  // Teams only delivers a channel's messages from the people in it.
  if (via === 'channel' || via === 'team') return true;
  if (partnership.roles.some((r) => actor.ids.includes(r.userId))) return true;
  return actor.ids.some((id) => directory.memberships[id]?.seenIn.includes(partnership.id) ?? false);
}

/** Whether the turn's member belongs to the partnership it resolved to. */
export function memberOfResolved(
  directory: PartnershipDirectory,
  resolved: ResolvedPartnership,
  actor: Actor,
): boolean {
  return 'partnership' in resolved && isPartnershipMember(directory, resolved.partnership, actor, resolved.via);
}

/** The one-line reply to someone asking for a partnership's internal records who is not its member. */
export function membersOnly(partnership: Partnership): Answer {
  return makeAnswer(
    'refused',
    'For members only',
    `That is part of the ${partnership.shortName}'s internal records, for its members only: ask ${whoMay('link-channels')} to give you a role, or ask in one of its linked channels.`,
  );
}

/** Attendance taken from agenda cards in Teams, and the people it names, are internal records. */
function fromTeams(source: Source): boolean {
  return source.doc.startsWith('agenda ');
}

/**
 * Each meeting's copy without the attendance taken in Teams, made once per meeting: a version of
 * the records after a change elsewhere has the same meetings, and so the same copies, so that what
 * is built from them (the published answers' indexes) is reused, not built again. Confirming
 * attendance also names who did not answer the agenda and may name the chair from the chair's
 * role (roles are internal): neither is in the copy.
 */
const WITHOUT_TEAMS_ATTENDANCE = new WeakMap<Meeting, Meeting>();

function withoutTeamsAttendance(meeting: Meeting): Meeting {
  let copy = WITHOUT_TEAMS_ATTENDANCE.get(meeting);
  if (!copy) {
    const { notAnswered: _notAnswered, chairId: _chairId, ...published } = meeting;
    copy = { ...published, present: [], apologies: [] };
    WITHOUT_TEAMS_ATTENDANCE.set(meeting, copy);
  }
  return copy;
}

/**
 * The published part of a list, made once per version of it: copy-on-write keeps a list the same
 * object until it changes, so that after an alias or an agenda answer the published people and
 * meetings are the same lists as before, and the published answers keep what they built from them
 * (the people's name matcher, not made again after every change).
 */
function publishedPart<T extends object, P>(cache: WeakMap<T, P>, list: T, make: (list: T) => P): P {
  let part = cache.get(list);
  if (!part) {
    part = make(list);
    cache.set(list, part);
  }
  return part;
}

const PUBLISHED_PEOPLE = new WeakMap<readonly Person[], Person[]>();
const PUBLISHED_MEETINGS = new WeakMap<readonly Meeting[], Meeting[]>();

/** The partnership as anyone may be answered from it: what it publishes, nothing of its internal records. */
export function publishedRecords(partnership: Partnership): Partnership {
  const { changes: _changes, priorityDraft: _draft, digest: _digest, teams: _teams, ...published } = partnership;
  return {
    ...published,
    roles: [],
    draftActions: [],
    channels: [],
    agendas: [],
    people: publishedPart(PUBLISHED_PEOPLE, partnership.people, (people) =>
      people.filter((p) => p.sources.length === 0 || !p.sources.every(fromTeams)),
    ),
    meetings: publishedPart(PUBLISHED_MEETINGS, partnership.meetings, (meetings) =>
      meetings
        .filter((m) => m.sources.length === 0 || !m.sources.every(fromTeams))
        .map((m) => (m.sources.some(fromTeams) ? withoutTeamsAttendance(m) : m)),
    ),
  };
}
