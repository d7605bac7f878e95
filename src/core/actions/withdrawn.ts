/**
 * An action whose logging was undone (the confirmation card's Undo) is withdrawn: it was logged by
 * mistake, so it is not listed anywhere (lists, tracker, digest, tab, CSV), unlike one dropped.
 * The journal keeps every version and cannot forget one, so the action keeps its number and its
 * status 'dropped', and is marked by the last change of its history, `to: 'withdrawn'`.
 */
import type { Action, ActionChange } from '../model/model.js';
import type { ActionsView } from './action-outcome.js';

export const WITHDRAWN = 'withdrawn';

export function isWithdrawn(action: Action): boolean {
  const last = action.history.at(-1);
  return action.status === 'dropped' && last?.change === 'status' && last.to === WITHDRAWN;
}

/** The change that withdraws an action. */
export function withdrawal(current: Action, at: string, by: ActionChange['by']): Action {
  return {
    ...current,
    status: 'dropped',
    history: [...current.history, { at, by, change: 'status', from: current.status, to: WITHDRAWN }],
  };
}

/** The actions members see: every one but those withdrawn. */
export function listedActions(actions: readonly Action[]): Action[] {
  return actions.filter((a) => !isWithdrawn(a));
}

/** The same view with withdrawn actions left out of its lists (one is still found by number). */
export function listedView(view: ActionsView): ActionsView {
  return { ...view, all: () => listedActions(view.all()) };
}
