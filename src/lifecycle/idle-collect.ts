import { performance } from 'node:perf_hooks';
import { getHeapSpaceStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Default `IDLE_GC_SECONDS`. */
export const DEFAULT_IDLE_GC_SECONDS = 5;

/** What {@link IdleCollector} decides from: its thresholds. */
export interface IdleCollectPolicy {
  /** Busiest the event loop may have been over the last check period, 0..1 (its utilization). */
  maxBusy: number;
  /** Old-generation growth (bytes) since the last full collection that makes one worth it. */
  minGrowthBytes: number;
  /** The same as a fraction of what the last full collection left; the larger of the two wins. */
  growthRatio: number;
}

/** 10% busy, 16 MiB and 25% of what survived. */
export const DEFAULT_IDLE_COLLECT_POLICY: IdleCollectPolicy = {
  maxBusy: 0.1,
  minGrowthBytes: 16 * 1024 * 1024,
  growthRatio: 0.25,
};

/** One full collection the collector ran: old-generation bytes before and after, and its ms. */
export interface IdleCollection {
  beforeBytes: number;
  afterBytes: number;
  ms: number;
}

/** What the collector reads and does; the defaults are the process's own (tests replace them). */
export interface IdleCollectorPorts {
  /** Event-loop utilization (0..1) since the previous call. */
  busy: () => number;
  /** Bytes used in V8's old generation (every space but the young one). */
  oldBytes: () => number;
  /** A full, synchronous collection. */
  collect: () => void;
  /** Told of each collection run (a log line). */
  onCollect?: (collection: IdleCollection) => void;
}

/**
 * Runs a full garbage collection when the process has gone quiet after the old generation grew
 * (the idea of V8's memory reducer, which in this process left such garbage in place).
 *
 * Why: after a burst, turns that waited for the model die in the old generation, which V8
 * collects only when it reaches a limit set by its growing factor; a quiet process hardly
 * allocates, so that garbage would stay. Collecting once the loop is quiet gives the memory back
 * without adding collections while the burst is being acked (which a lower growing factor did).
 * Figures, and the command that measures them: docs/performance.md §3.3.
 *
 * Every `everyMs` it checks: the loop was at most `policy.maxBusy` busy since the last check, and
 * the old generation grew by at least max(`minGrowthBytes`, `growthRatio` × what the last full
 * collection left). Then it runs one full collection (blocking, for a time that grows with the
 * heap). The timer is unref'd: it never keeps the process alive.
 */
export class IdleCollector {
  private baseline: number;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly policy: IdleCollectPolicy = DEFAULT_IDLE_COLLECT_POLICY,
    private readonly ports: IdleCollectorPorts = processPorts(),
  ) {
    this.baseline = ports.oldBytes();
  }

  /** Checks every `everyMs` (ms, > 0) until {@link stop}. */
  start(everyMs: number): this {
    this.ports.busy();
    this.timer = setInterval(() => this.check(), everyMs);
    this.timer.unref();
    return this;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * One check (what the timer calls). Returns the collection it ran, or undefined when the loop
   * was busy or the old generation has not grown enough.
   */
  check(): IdleCollection | undefined {
    const busy = this.ports.busy();
    const before = this.ports.oldBytes();
    // V8's own full collections lower the mark too.
    this.baseline = Math.min(this.baseline, before);
    if (busy > this.policy.maxBusy) return undefined;
    const growth = Math.max(this.policy.minGrowthBytes, this.baseline * this.policy.growthRatio);
    if (before - this.baseline < growth) return undefined;
    const started = performance.now();
    this.ports.collect();
    const after = this.ports.oldBytes();
    this.baseline = after;
    const collection = { beforeBytes: before, afterBytes: after, ms: performance.now() - started };
    this.ports.onCollect?.(collection);
    return collection;
  }
}

/**
 * The ports of this process. `collect` is V8's `gc()`: `--expose-gc` set at run time (Node's
 * `v8.setFlagsFromString`) installs `gc` only in contexts created afterwards, so it is read from
 * a new `vm` context and the main context's globals stay as they were. Node documents flags set
 * after start as "use with care"; `test/lifecycle/idle-collect.test.ts` checks in a real
 * process that the collection happens and gives the memory back.
 */
export function processPorts(onCollect?: (collection: IdleCollection) => void): IdleCollectorPorts {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  let last = performance.eventLoopUtilization();
  return {
    busy: () => {
      const now = performance.eventLoopUtilization();
      const { utilization } = performance.eventLoopUtilization(now, last);
      last = now;
      return utilization;
    },
    oldBytes: () =>
      getHeapSpaceStatistics()
        .filter(
          (space) =>
            space.space_name !== 'new_space' && space.space_name !== 'new_large_object_space',
        )
        .reduce((sum, space) => sum + space.space_used_size, 0),
    collect: () => gc(),
    ...(onCollect ? { onCollect } : {}),
  };
}
