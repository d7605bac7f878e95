/**
 * The partnership's facts as the domain sees them. Every fact carries a `Source` so that an
 * answer can always say where it came from; nothing here is invented, and where the documents
 * do not say, a field is absent or null and answers say "not recorded".
 *
 * Plain types only: the store persists them, the importer produces them, the answer engine reads them.
 */

import type { Agenda } from './agenda-model.js';

export type { Action, ActionChange, ActionStatus } from './action-model.js';
export type {
  Agenda,
  AgendaItem,
  AgendaPost,
  AgendaStatus,
  AttendanceAnswer,
  AttendanceResponse,
} from './agenda-model.js';

/** Where a fact comes from: a document and, where known, the item or section within it. */
export interface Source {
  /** File name of the source document, e.g. `003_0941d698233bc959.txt`, or `DATA.md`. */
  doc: string;
  /** Item code, section or heading inside the document, e.g. `B1`, `2.3`, `PRESENT`. */
  ref?: string;
}

export interface Priority {
  /** Stable identity: a rename keeps it (leads, aliases and actions follow the id). */
  id: string;
  name: string;
  /** Short label people use, e.g. "VAWG", "ASB". */
  shortName?: string;
  sources: Source[];
}

export interface Theme {
  id: string;
  name: string;
  sources: Source[];
}

/** One year's list of priorities and cross-cutting themes from the Community Safety Agreement. */
export interface PriorityYear {
  /** Financial year, e.g. "2023/24". */
  year: string;
  priorities: Priority[];
  themes: Theme[];
  /** e.g. "Agreed 21 March 2023; unchanged from 2022/23". */
  note?: string;
  sources: Source[];
}

export type PriorityChangeKind =
  'added' | 'extended' | 'renamed' | 'merged' | 'retained' | 'split' | 'retired' | 'reordered';

/** One recorded change to the priorities or themes, for "how did the priorities change?" */
export interface PriorityChange {
  id: string;
  /** The year the change took effect, or null for a refresh whose year the documents do not give. */
  year: string | null;
  kind: PriorityChangeKind;
  /** What the change is about, as words an alias matcher can find ("VAWG", "covid-19 theme"...). */
  subjects: string[];
  /** Priority or theme ids this change concerns, where they still exist. */
  priorityIds: string[];
  /** One sentence stating the change, as the documents support it. */
  text: string;
  /** The meeting that agreed it, where known. */
  meetingId?: string;
  sources: Source[];
}

/** Someone named in the documents. */
export interface Person {
  /** Stable slug, e.g. `s-peerbux`. */
  id: string;
  /** The fullest form the documents give, e.g. "Shafick Peerbux" or "Mr H Hill". */
  name: string;
  /** Every form the documents use: "Mr S Peerbux", "Mr Peerbux", "Shafick Peerbux". */
  names: string[];
  honorific?: string;
  givenName?: string;
  initials?: string;
  surname: string;
  roles: PersonRole[];
  sources: Source[];
}

export interface PersonRole {
  /** e.g. "Head of Community Safety", "Chair". */
  title?: string;
  /** e.g. "KCC", "Kent Fire and Rescue". */
  organisation?: string;
  /** The date the role is evidenced at (ISO), where known. */
  asOf?: string;
  source: Source;
}

/** A priority lead, curated; `basis` says why this person is taken as lead. */
export interface Lead {
  priorityId: string;
  /** Null where no lead is recorded. */
  personId: string | null;
  /** Name, role and organisation as the lead table gives them (kept even if the person record changes). */
  name?: string;
  role?: string;
  organisation?: string;
  contact?: string;
  basis: string;
  sources: Source[];
}

export interface Resolution {
  /** The whole RESOLVED text, starting after "RESOLVED". */
  text: string;
  /** Lettered parts (a), b), c)...) where the text has them. */
  parts: string[];
}

/** One change to a recorded resolution: what it became, what it was, who changed it and when. */
export interface ResolutionChange {
  text: string;
  previous?: string;
  by: { id: string; name: string };
  at: string;
}

export interface MeetingItem {
  /** Stable id inside the meeting, e.g. `B1`, or a slug of the title where the page gives no code. */
  id: string;
  /** Code from the agenda (A1, B2...) where the page gives one. */
  code?: string;
  title: string;
  /** Minutes paragraphs, numbering removed. */
  minutes: string[];
  resolution?: Resolution;
  /** Changes made from chat, oldest first; the import itself is not a change. */
  resolutionHistory?: ResolutionChange[];
  /** People ids who introduced / presented the item. */
  presenters: string[];
  links: string[];
  sources: Source[];
}

export type MeetingStatus = 'held' | 'planned' | 'undated';

export interface Meeting {
  /** e.g. `kcsp-2023-03-21`, or `undated-<hash>` for an item page without a date. */
  id: string;
  /** e.g. "Kent Community Safety Partnership". */
  body: string;
  /** ISO date (YYYY-MM-DD); null when the document does not give it. */
  date: string | null;
  /** Only a month is known ("March 2023 (TBC)"): ISO month YYYY-MM. */
  month?: string;
  /** "10:00", 24-hour, as given. */
  time?: string;
  venue?: string;
  status: MeetingStatus;
  /** Free note, e.g. "TBC". */
  note?: string;
  chairId?: string;
  viceChairId?: string;
  present: string[];
  apologies: string[];
  /** Names of those expected (role holders) who never answered the circulated agenda, recorded with attendance. */
  notAnswered?: string[];
  items: MeetingItem[];
  sources: Source[];
}

export type Role = 'chair' | 'secretariat' | 'officer' | 'member';

/** A member's role in a partnership, keyed by their Azure AD object id. */
export interface RoleGrant {
  userId: string;
  name: string;
  role: Role;
  grantedBy: string;
  grantedAt: string;
}

/** Where the bot can post to a conversation later, unprompted (a Bot Framework conversation reference). */
export interface ConversationRef {
  conversationId: string;
  serviceUrl: string;
  channelId: string;
  conversationType?: string;
  tenantId?: string;
  botId: string;
  botName?: string;
  teamId?: string;
  teamName?: string;
  channelName?: string;
  /** For a personal chat: the member it is with, so the bot can reach them (overdue reminders). */
  userId?: string;
}

/** A Teams channel linked to a partnership: agendas and digests are posted there. */
export interface LinkedChannel {
  ref: ConversationRef;
  linkedBy: string;
  linkedAt: string;
}

export type DraftActionStatus = 'draft' | 'confirmed' | 'discarded';

/**
 * An action the minutes seem to record ("requested a further update ... in March 2023"),
 * proposed by the importer. Not an agreed action until the secretariat confirms it.
 */
export interface DraftAction {
  /** `<meeting id>#<item id>#<n>`: stable across re-imports. */
  id: string;
  /** Who is to act, as the minutes put it ("the Probation Service"). */
  owner: string;
  ownerPersonId?: string;
  what: string;
  /** ISO date or month (YYYY-MM) where the minutes state one. */
  due?: string;
  meetingId: string;
  itemId: string;
  /** The sentence it was read from. */
  sentence: string;
  status: DraftActionStatus;
  sources: Source[];
}

/** A year of priorities being prepared: copied from the current year, edited, then published. */
export interface PriorityDraft {
  year: PriorityYear;
  /** The published year it was copied from, or null for a partnership's first year. */
  from: string | null;
  startedBy: string;
  startedAt: string;
}

export interface LinkedTeam {
  teamId: string;
  teamName?: string;
  linkedBy: string;
  linkedAt: string;
}

/** What the bot knows of a member across partnerships, to answer their personal chat from the right one. */
export interface Membership {
  /** Partnerships in whose linked conversations the member has written. */
  seenIn: string[];
  /** The partnership they chose ("use Medway CSP") when they belong to several. */
  chosen?: string;
  /** Keyed by Azure AD object id: the member's Teams user id, which roles granted by @mention hold (learnt from their messages). */
  teamsUserId?: string;
}

/** Every partnership the bot serves, and its members: what commands about partnerships read. */
export interface PartnershipDirectory {
  defaultPartnershipId: string;
  partnerships: Record<string, Partnership>;
  memberships: Record<string, Membership>;
}

/**
 * One change to the partnership's records made from chat, with who, when, and the value before and
 * after, so that it can be shown ("history of road safety lead") and undone.
 */
export interface RecordChange {
  id: number;
  at: string;
  by: { id: string; name: string };
  /**
   * What changed, and so how to undo it: `lead:<priority id>`, `alias:<alias>`, `draft` (next
   * year's priorities being prepared), `priorities` (a year published), `role:<user id>`,
   * `channel:<conversation id>`, `team:<team id>` or `partnership` (its creation).
   */
  subject: string;
  summary: string;
  before?: unknown;
  after?: unknown;
  undone?: { at: string; by: string };
}

export interface Partnership {
  id: string;
  name: string;
  shortName: string;
  /** One sentence about the Community Safety Agreement, with its source. */
  agreement?: { text: string; sources: Source[] };
  responsibleAuthorities?: { names: string[]; sources: Source[] };
  /** Oldest first; the last published year is "current". */
  priorityYears: PriorityYear[];
  priorityChanges: PriorityChange[];
  /** Everyday names for priorities and themes: alias (lower case) -> priority or theme id. */
  aliases: Record<string, string>;
  leads: Lead[];
  people: Person[];
  meetings: Meeting[];
  roles: RoleGrant[];
  draftActions: DraftAction[];
  channels: LinkedChannel[];
  agendas: Agenda[];
  /** Changes made from chat to leads, aliases, priorities, roles and links, oldest first. */
  changes?: RecordChange[];
  /** Next year's priorities while the secretariat prepares them; members still see the published year. */
  priorityDraft?: PriorityDraft;
  /** Whole teams linked to the partnership: every channel of the team is answered from it. */
  teams?: LinkedTeam[];
  /** The weekly digest of actions: the week last sent, and where, so a restart neither loses nor repeats it. */
  digest?: { week: string; sentTo: string[]; done?: boolean };
  /** Where source documents are published on the web (document -> address): answers citing one link there. */
  publishedAt?: Record<string, string>;
}
