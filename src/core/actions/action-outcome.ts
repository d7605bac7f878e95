/** What an action command sees of the stored actions, and what it asks the edge to do. */
import type { Answer } from '../answers/answer.js';
import type { Action, Partnership } from '../model/model.js';

/** The actions as the store holds them now. */
export interface ActionsView {
  all(): readonly Action[];
  get(number: number): Action | undefined;
  loggedBy(activityId: string): Action | undefined;
}

/** A list of actions to show as the tracker card; `view` is the message that lists them again. */
export interface ActionList {
  title: string;
  summary: string;
  actions: readonly Action[];
  view: string;
}

export interface ActionOutcome {
  answer?: Answer;
  list?: ActionList;
  /** A change to the partnership's records (a draft marked confirmed), saved after any new action. */
  change?: (partnership: Partnership) => void;
  /** Asks the edge for a signed export link; the answer is made from it. */
  exportLink?: (url: string, minutes: number) => Answer;
  /**
   * A new action. `once` is what makes logging it idempotent (the Teams activity, or the draft it
   * confirms): however often it arrives, even at the same moment, one action is logged.
   */
  add?: { make: (number: number) => Action; confirm: (saved: Action) => Answer; once?: string };
  /** A change to one action; the reply is made from what was saved. */
  update?: { number: number; next: (current: Action) => Action | null; confirm: (saved: Action) => Answer };
}
