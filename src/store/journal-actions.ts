/**
 * The actions journal seen through the turns' actions port (see turns/ports.ts). Deliveries of one
 * activity (Teams retries) or one draft confirmation may arrive together: the first logs the
 * action, the others wait for it and get the same one.
 */
import type { Action } from '../core/model/model.js';
import type { ActionRecords } from '../turns/ports.js';
import type { ActionJournal } from './action-journal.js';

export function journalActions(
  journal: ActionJournal,
  exportLink: (partnershipId: string) => { url: string; minutes: number },
): ActionRecords {
  const logging = new Map<string, Promise<Action>>();
  const addOnce = (pid: string, make: (n: number) => Action, once?: string): Promise<Action> => {
    if (!once) return journal.add(pid, make);
    const key = `${pid}|${once}`;
    const logged = journal.loggedBy(pid, once);
    if (logged) return Promise.resolve(logged);
    const pending = logging.get(key) ?? journal.add(pid, make).finally(() => logging.delete(key));
    logging.set(key, pending);
    return pending;
  };
  return {
    view: (pid) => ({
      all: () => journal.all(pid),
      get: (n) => journal.get(pid, n),
      loggedBy: (id) => journal.loggedBy(pid, id),
    }),
    add: addOnce,
    save: (pid, n, next) => journal.save(next, pid, n),
    exportLink,
  };
}
