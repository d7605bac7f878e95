/** Actions the partnership tracks from chat, with their history. */

export type ActionStatus = 'open' | 'in progress' | 'done' | 'dropped';

/** One change in an action's life, with who made it and when. */
export interface ActionChange {
  at: string;
  by: { id: string; name: string };
  change: 'created' | 'status' | 'edited';
  from?: string;
  to?: string;
  /** When the member who made it undid it ("undo"): the action went back to how it was before. */
  undone?: string;
}

/** Something an officer agreed to do, followed to done. */
export interface Action {
  /** `<partnership id>#<number>`. */
  id: string;
  partnershipId: string;
  /** Numbered per partnership from 1, as people refer to them ("action 12"). */
  number: number;
  owner: { name: string; personId?: string; userId?: string };
  description: string;
  /** ISO date (London calendar day). */
  due?: string;
  priorityId?: string;
  meeting?: { meetingId: string; itemId?: string };
  status: ActionStatus;
  createdBy: { id: string; name: string };
  createdAt: string;
  /** The Teams activity that logged it: a redelivered activity must not log it twice. */
  sourceActivityId?: string;
  history: ActionChange[];
}
