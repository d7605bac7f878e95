/** A meeting's agenda as the chair builds and circulates it, and the members' answers to it. */

export interface AgendaItem {
  code: string;
  title: string;
  presenter?: string;
  paperUrl?: string;
}

export type AgendaStatus = 'draft' | 'circulated' | 'cancelled';
export type AttendanceAnswer = 'attending' | 'apologies' | 'substitute';

/** A member's answer to a circulated agenda. */
export interface AttendanceResponse {
  userId: string;
  name: string;
  answer: AttendanceAnswer;
  note?: string;
  /** The named deputy, for "sending a substitute". */
  substitute?: string;
  at: string;
}

/** Where a circulated agenda card was posted, so that it can be updated in place. */
export interface AgendaPost {
  conversationId: string;
  activityId: string;
  /** The agenda version the posted card shows. */
  version: number;
  postedAt: string;
}

/** A meeting's agenda as the chair builds and circulates it. */
export interface Agenda {
  id: string;
  title: string;
  /** Start, as an instant (ISO, UTC); shown in Europe/London time. */
  startsAt: string;
  venue?: string;
  onlineLink?: string;
  items: AgendaItem[];
  status: AgendaStatus;
  /** Increases with every edit; posted cards older than it are out of date. */
  version: number;
  createdBy: string;
  updatedAt: string;
  posts: AgendaPost[];
  responses: AttendanceResponse[];
  /** The channels already reminded (a restart resumes, never repeats), and when all were. */
  reminder?: { sentTo: string[]; sentAt?: string };
  /** Members (by the id their role is held under) the chair or secretariat had reminded personally, once each. */
  remindedPersonally?: string[];
}
