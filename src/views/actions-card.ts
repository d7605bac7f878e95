/**
 * The action tracker card: each action with its owner, due date and status (overdue in red), and
 * buttons to move it on. The card remembers which list it shows, so a button press answers with
 * the same list, brought up to date.
 */
import { describeAction, isOverdue } from '../core/actions/action-commands.js';
import type { ActionList } from '../core/actions/action-commands.js';
import type { Partnership } from '../core/model/model.js';
import { expandCard, type AdaptiveCard } from './expand-card.js';

/** Teams shows long cards poorly and refuses messages over ~80 KB: one card shows this many rows. */
export const MAX_TRACKER_ROWS = 25;

/** `confirm`: the card that confirms a newly logged action, with Undo and Edit instead of status buttons. */
export function renderActionsCard(
  tracker: ActionList,
  today: string,
  message = '',
  problem = false,
  confirm = false,
  partnership?: Partnership,
): AdaptiveCard {
  return expandCard('actions', {
    title: tracker.title,
    summary:
      tracker.actions.length > MAX_TRACKER_ROWS
        ? `${tracker.summary} (first ${MAX_TRACKER_ROWS} shown)`
        : tracker.summary,
    message,
    messageColor: problem ? 'Attention' : 'Default',
    rows: tracker.actions.slice(0, MAX_TRACKER_ROWS).map((a) => {
      const { heading, text } = describeAction(a, today, partnership);
      return {
        heading,
        detail: text,
        detailColor: isOverdue(a, today) ? 'Attention' : 'Default',
        number: a.number,
        view: tracker.view,
        live: a.status === 'open' || a.status === 'in progress',
        confirm,
        description: a.description,
        due: a.due ?? '',
      };
    }),
  });
}
