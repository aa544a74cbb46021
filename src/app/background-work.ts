import type { WorkTracker } from '../lifecycle/work-tracker';
import type { Logger } from '../logging/logger';

/**
 * Work started by an HTTP request that outlives it (the submit resumed after a link). Failures
 * are logged; `drain` waits for everything in flight, so shutdown never cuts a submit short.
 * With a `tracker` (the runtime's), the same work also counts for the shutdown's drain.
 */
export class BackgroundWork {
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly logger: Logger,
    private readonly tracker?: WorkTracker,
  ) {}

  /** Starts tracking `work`; a rejection is logged (`background work failed`), never thrown. */
  run(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => this.logger.error({ err: error }, 'background work failed'))
      .finally(() => this.running.delete(tracked));
    this.running.add(tracked);
    this.tracker?.track(tracked);
  }

  /** Resolves once nothing is running, including work started while it waits. */
  async drain(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}
