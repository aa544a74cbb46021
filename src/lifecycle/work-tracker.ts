/**
 * The one place that knows what work is in flight (every adapter's turns and background work
 * such as a submit resumed after an account link), so a shutdown can stop taking new events
 * and wait for the rest.
 *
 * Small on purpose: `track(promise)` and `drain(ms)` are all a caller needs (e.g. admission
 * control can count the same work by wrapping its own `track`).
 */
export interface WorkTracker {
  /**
   * Counts `work` as in flight until it settles, and returns it unchanged (its result or
   * rejection is the caller's). Works also while draining: a turn that already started may
   * still start background work.
   */
  track<T>(work: Promise<T>): Promise<T>;
  /** Whether new events are taken: true until {@link stopIntake} or {@link drain}. */
  readonly accepting: boolean;
  /** Work tracked and not settled yet. */
  readonly inFlight: number;
  /** Stops intake (idempotent): adapters then refuse new events (Slack 503, Discord gateway closed). */
  stopIntake(): void;
  /** Resolves once nothing is in flight (work that starts meanwhile is waited for too). */
  settled(): Promise<void>;
  /**
   * Stops intake and waits until nothing is in flight or `graceMs` ms passed.
   * @returns `drained: true` when everything finished, else how many were still running.
   */
  drain(graceMs: number): Promise<DrainResult>;
}

/** What {@link WorkTracker.drain} found. */
export interface DrainResult {
  drained: boolean;
  /** Work still running when the grace time ran out (0 when drained). */
  left: number;
  /** How long the drain waited, in ms. */
  waitedMs: number;
}

/** Creates a {@link WorkTracker}. */
export function createWorkTracker(): WorkTracker {
  const running = new Set<Promise<unknown>>();
  let accepting = true;
  const settled = async (): Promise<void> => {
    while (running.size > 0) await Promise.allSettled([...running]);
  };
  return {
    track<T>(work: Promise<T>): Promise<T> {
      const entry: Promise<unknown> = work.then(
        () => undefined,
        () => undefined,
      );
      running.add(entry);
      void entry.then(() => running.delete(entry));
      return work;
    },
    get accepting() {
      return accepting;
    },
    get inFlight() {
      return running.size;
    },
    stopIntake() {
      accepting = false;
    },
    settled,
    async drain(graceMs: number): Promise<DrainResult> {
      accepting = false;
      const started = Date.now();
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), graceMs);
      });
      const outcome = await Promise.race([settled().then(() => 'done' as const), timedOut]);
      clearTimeout(timer);
      const left = outcome === 'done' ? 0 : running.size;
      return { drained: left === 0, left, waitedMs: Date.now() - started };
    },
  };
}
