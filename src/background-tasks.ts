/**
 * Work that follows a turn without holding up its reply (bringing posted cards up to date).
 * Failures are logged, never lost silently; `idle()` lets shutdown and tests wait for it all.
 */
import type { Logger } from 'pino';

export class BackgroundTasks {
  private readonly running = new Set<Promise<unknown>>();

  constructor(private readonly logger: Logger) {}

  run(description: string, task: () => Promise<unknown>): void {
    const promise = task()
      .catch((error: unknown) => this.logger.warn({ err: error }, `background task failed: ${description}`))
      .finally(() => this.running.delete(promise));
    this.running.add(promise);
  }

  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
