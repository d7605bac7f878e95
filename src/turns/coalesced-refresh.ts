/**
 * Bringing posted agenda cards up to date after members answer. Answers arrive in bursts (a whole
 * partnership answering in the minutes after circulation), and each refresh re-sends the card to
 * every channel: so refreshes of one agenda run one at a time, and any number asked for while one
 * runs become a single refresh after it, which then shows every answer.
 */
export class CoalescedRefresh {
  private readonly pending = new Map<string, { again: boolean }>();

  constructor(private readonly run: (description: string, task: () => Promise<unknown>) => void) {}

  request(key: string, refresh: () => Promise<unknown>): void {
    const current = this.pending.get(key);
    if (current) {
      current.again = true;
      return;
    }
    const state = { again: false };
    this.pending.set(key, state);
    this.run('refresh posted agenda cards', async () => {
      try {
        do {
          state.again = false;
          await refresh();
        } while (state.again);
      } finally {
        this.pending.delete(key);
      }
    });
  }
}
