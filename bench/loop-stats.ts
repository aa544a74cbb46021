import {
  type IntervalHistogram,
  monitorEventLoopDelay,
  PerformanceObserver,
} from 'node:perf_hooks';

/** Event-loop delay and GC pauses of one bench child since the last {@link LoopStats.take}. */
export interface LoopFigures {
  /** Event-loop delay (ms): 99th percentile and the worst, from `monitorEventLoopDelay`. */
  delayP99: number;
  delayMax: number;
  /** Garbage-collection pauses (ms): count, total and the longest (`PerformanceObserver` 'gc'). */
  gcCount: number;
  gcTotal: number;
  gcMax: number;
}

/**
 * Watches this process's event loop (10 ms resolution histogram) and its GC pauses, so the bench
 * can show where an ack waited: behind JavaScript work or behind a collection.
 */
export class LoopStats {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });
  private gc = { count: 0, total: 0, max: 0 };
  private readonly observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      this.gc.count += 1;
      this.gc.total += entry.duration;
      this.gc.max = Math.max(this.gc.max, entry.duration);
    }
  });

  constructor() {
    this.histogram.enable();
    this.observer.observe({ entryTypes: ['gc'] });
  }

  /** Figures since the last call (or since start), then starts over. */
  take(): LoopFigures {
    const ms = (ns: number) => Math.round(ns / 1e4) / 100;
    const figures = {
      delayP99: ms(this.histogram.percentile(99)),
      delayMax: ms(this.histogram.max),
      gcCount: this.gc.count,
      gcTotal: Math.round(this.gc.total * 10) / 10,
      gcMax: Math.round(this.gc.max * 10) / 10,
    };
    this.histogram.reset();
    this.gc = { count: 0, total: 0, max: 0 };
    return figures;
  }
}
