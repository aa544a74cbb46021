import type {
  ChatEngine,
  ChatEvent,
  Claimable,
  HandleOptions,
  Readiness,
  Reply,
  ReplySink,
  ThreadId,
} from '../engine/ports';
import type { Logger } from '../logging/logger';

/**
 * Bounds of {@link AdmissionControl}:
 * - `maxTurnsInFlight`: turns running at once in this process (config `MAX_TURNS_IN_FLIGHT`);
 * - `maxQueued`: events waiting for a place, over all threads (config `MAX_QUEUED_TURNS`);
 *   past it an event is refused with {@link TOO_BUSY_TEXT}.
 */
export interface AdmissionBounds {
  maxTurnsInFlight: number;
  maxQueued: number;
}

/**
 * Optional load feedback (additive increase, multiplicative decrease, every `everyMs`): while
 * `lagMs()` (how late the event loop runs, see `LoopLag`) is above `targetLagMs`, the places
 * halve, down to `minInFlight`; while it is below, they grow by one, up to
 * `maxTurnsInFlight`. Turn work then takes only the CPU that leaves acks and signature checks
 * on time; at least `minInFlight` turns always run, so work never stops.
 */
export interface AdmissionPressure {
  lagMs: () => number;
  targetLagMs: number;
  minInFlight: number;
  everyMs?: number;
  /**
   * Slow start: the places to begin with, and to fall back to once the process has been idle
   * (nothing running or waiting) for a whole tick. A burst then starts a few turns and opens more
   * one tick at a time while the loop keeps up, instead of starting `maxTurnsInFlight` turns in
   * the same instant as the acks it must not delay. Default: `maxTurnsInFlight` (no slow start).
   */
  startInFlight?: number;
}

/** What {@link AdmissionControl.decide} expects for work of one key, if it were submitted now. */
export type Admission = 'now' | 'queue' | 'full';

/**
 * Defaults sized for a 2-core machine: a turn is mostly waiting (model, TikTok, Slack), so 64
 * turns keep both cores busy with the offline model at a small memory cost, and 500 queued events
 * stay small too (docs/performance.md §3.2).
 */
export const DEFAULT_ADMISSION: Readonly<AdmissionBounds> = {
  maxTurnsInFlight: 64,
  maxQueued: 500,
};

/** Said in the thread when a message has to wait because the bot is at its bound. */
export const QUEUED_TEXT =
  "I'm busy with other messages right now; your message is queued and I'll answer it shortly.";
/** Said when even the queue is full: the message is not handled. */
export const TOO_BUSY_TEXT =
  "I'm too busy to take this message right now, so I did not act on it. Please send it again in a minute.";

/** Counters of {@link AdmissionControl}, for metrics, the bench and `/readyz`. */
export interface AdmissionStats {
  /** Turns running now, and the most there ever were at once. */
  inFlight: number;
  peakInFlight: number;
  /** Events waiting now (over all threads). */
  queued: number;
  /** Events that had to wait because all places were taken (each was told {@link QUEUED_TEXT}). */
  queuedTotal: number;
  /** Events refused because the queue was full (each was told {@link TOO_BUSY_TEXT}). */
  refusedTotal: number;
}

/** One unit of work waiting for its turn. */
interface Job {
  key: string;
  start: () => void;
}

/** Hooks of {@link AdmissionControl.run}, called at most once each. */
export interface RunHooks {
  /**
   * Called before the work is queued (not when it starts at once); return false to drop it
   * (e.g. the event's claim was taken: a repeat).
   */
  beforeQueue?: () => Promise<boolean>;
  /** The work was queued because every place was taken (not just behind its own key). */
  queued?: () => Promise<void>;
  /** The queue was full: the work will not run. */
  refused?: () => Promise<void>;
}

/**
 * Admission control in front of the engine: at most `maxTurnsInFlight` turns run at once, and
 * events of one thread run one after another in arrival order (a per-thread queue), so a turn
 * never waits on the thread lock while holding a place. The caller (an adapter) has already
 * acknowledged the platform's request; nothing here blocks it.
 *
 * - A free place and no earlier event waiting in the thread: the turn starts at once (the engine
 *   claims the event in the same store step as its lock and load).
 * - Otherwise the event is claimed first (a repeat is dropped before anyone is told anything),
 *   then queued. If it waits because every place is taken, the thread is told
 *   {@link QUEUED_TEXT}; if the queue is full ({@link AdmissionBounds.maxQueued}), it is told
 *   {@link TOO_BUSY_TEXT} and not handled. Nothing is dropped without a word.
 *
 * {@link handle} resolves with the turn's replies (notices first) when it has run, and rejects
 * with the engine's error. {@link run} does the same for any work keyed like a thread (an
 * adapter's slash command, whose thread root is posted only once it is admitted). {@link drain}
 * waits until nothing runs or waits.
 */
export class AdmissionControl implements ChatEngine {
  private running = 0;
  private peak = 0;
  private queuedTotal = 0;
  private refusedTotal = 0;
  /** Keys (threads) with work running now. */
  private readonly active = new Set<string>();
  /** Waiting jobs in arrival order (all keys). */
  private readonly waiting: Job[] = [];
  /** How many jobs wait per key. */
  private readonly waitingPerKey = new Map<string, number>();
  private readonly idle: Array<() => void> = [];
  /** Places now (lowered under pressure). */
  private places: number;
  private readonly adjuster: NodeJS.Timeout | undefined;

  /** @throws RangeError when a bound is not a positive integer. */
  constructor(
    private readonly runner: ChatEngine,
    private readonly bounds: AdmissionBounds = DEFAULT_ADMISSION,
    private readonly logger?: Logger,
    pressure?: AdmissionPressure,
  ) {
    for (const [name, value] of Object.entries(bounds))
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`${name} must be a positive integer, got ${value}`);
    this.places = bounds.maxTurnsInFlight;
    if (pressure) {
      const floor = Math.max(1, Math.min(pressure.minInFlight, bounds.maxTurnsInFlight));
      const start = Math.max(
        floor,
        Math.min(pressure.startInFlight ?? bounds.maxTurnsInFlight, bounds.maxTurnsInFlight),
      );
      this.places = start;
      let wasIdle = false;
      this.adjuster = setInterval(() => {
        const idle = this.running === 0 && this.waiting.length === 0;
        if (idle && wasIdle) this.places = Math.min(this.places, start);
        wasIdle = idle;
        if (pressure.lagMs() > pressure.targetLagMs)
          this.places = Math.max(floor, Math.floor(this.places / 2));
        else if (this.places < bounds.maxTurnsInFlight && this.running >= this.places) {
          this.places += 1;
          this.pump();
        }
      }, pressure.everyMs ?? 100);
      this.adjuster.unref();
    }
  }

  /** Stops the pressure timer (at shutdown; work in flight goes on). */
  stop(): void {
    if (this.adjuster) clearInterval(this.adjuster);
  }

  /**
   * Counts a refusal the caller made itself after {@link decide} said `full` (a slash command
   * refused in its ack), so {@link stats} stays complete.
   */
  countRefused(): void {
    this.refusedTotal += 1;
  }

  /** The engine's claim, unchanged: admission only decides when a turn runs. */
  claim(event: Claimable): Promise<boolean> {
    return this.runner.claim(event);
  }

  /** The engine's release of a claim, unchanged. */
  release(event_id: string): Promise<void> {
    return this.runner.release(event_id);
  }

  /** The engine's answer, unchanged. */
  hasConversation(thread_id: ThreadId): Promise<boolean> {
    return this.runner.hasConversation(thread_id);
  }

  /** The engine's readiness, unchanged. */
  readiness(): Promise<Readiness> {
    return this.runner.readiness();
  }

  /**
   * Handles one event under the bounds (see the class). `options.claimed`: the caller already
   * claimed the event; `options.admitted`: the caller already holds a place (inside
   * {@link run}), so the turn runs at once.
   */
  async handle(event: ChatEvent, sink?: ReplySink, options: HandleOptions = {}): Promise<Reply[]> {
    const { admitted, ...handleOptions } = options;
    if (admitted) return this.runner.handle(event, sink, handleOptions);
    const notices: Reply[] = [];
    let claimedHere = false;
    const replies = await this.run(
      event.thread_id,
      () => this.runner.handle(event, sink, claimedHere ? { claimed: true } : handleOptions),
      {
        beforeQueue: async () => {
          // Waiting only behind its own thread's turn, nobody is told anything: the engine claims
          // it when it runs, in the same step as its lock and load (one round trip fewer on a
          // conversation's every message). A wait that will be said, or refused, is claimed
          // first, so a repeated delivery is dropped before anyone hears of it.
          if (handleOptions.claimed === true || !this.wouldTell()) return true;
          claimedHere = true;
          return this.runner.claim(event);
        },
        queued: async () => {
          notices.push(await this.tell(event, sink, QUEUED_TEXT, 'info'));
        },
        refused: async () => {
          this.logger?.warn(
            { thread_id: event.thread_id, event_type: event.type, queued: this.waiting.length },
            'admission queue full; event refused',
          );
          notices.push(await this.tell(event, sink, TOO_BUSY_TEXT, 'error'));
        },
      },
    );
    return [...notices, ...(replies ?? [])];
  }

  /** Whether work for `key` submitted now would start, wait, or be refused. */
  decide(key: string): Admission {
    if (this.canStart(key)) return 'now';
    return this.waiting.length >= this.bounds.maxQueued ? 'full' : 'queue';
  }

  /**
   * Runs `work` under the bounds, after earlier work of the same `key`; resolves with its
   * result, or `undefined` when it was dropped (`beforeQueue` said no) or refused (queue full).
   */
  async run<T>(key: string, work: () => Promise<T>, hooks: RunHooks = {}): Promise<T | undefined> {
    if (this.canStart(key)) return this.start(key, work);
    if (hooks.beforeQueue && !(await hooks.beforeQueue())) return undefined;
    // The hook may have taken a round trip: a place may have come free meanwhile.
    if (this.canStart(key)) return this.start(key, work);
    if (this.waiting.length >= this.bounds.maxQueued) {
      this.refusedTotal += 1;
      await hooks.refused?.();
      return undefined;
    }
    const result = new Promise<T>((resolve, reject) => {
      this.waiting.push({ key, start: () => this.start(key, work).then(resolve, reject) });
    });
    this.waitingPerKey.set(key, (this.waitingPerKey.get(key) ?? 0) + 1);
    // Waiting behind the same thread's own turn is normal conversation; only a full house is news.
    if (this.running >= this.limit()) {
      this.queuedTotal += 1;
      await hooks.queued?.();
    }
    return result;
  }

  /** Counters now (see {@link AdmissionStats}). */
  stats(): AdmissionStats {
    return {
      inFlight: this.running,
      peakInFlight: this.peak,
      queued: this.waiting.length,
      queuedTotal: this.queuedTotal,
      refusedTotal: this.refusedTotal,
    };
  }

  /** Resolves once no turn runs and none waits (e.g. at shutdown, after intake stopped). */
  drain(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Whether work queued now would be told it waits ({@link QUEUED_TEXT}) or be refused. */
  private wouldTell(): boolean {
    return this.running >= this.limit() || this.waiting.length >= this.bounds.maxQueued;
  }

  /** Places now: all of them, or fewer while the loop runs late. */
  private limit(): number {
    return this.places;
  }

  private canStart(key: string): boolean {
    return this.running < this.limit() && !this.active.has(key) && !this.waitingPerKey.has(key);
  }

  private async start<T>(key: string, work: () => Promise<T>): Promise<T> {
    this.running += 1;
    if (this.running > this.peak) this.peak = this.running;
    this.active.add(key);
    try {
      return await work();
    } finally {
      this.running -= 1;
      this.active.delete(key);
      this.pump();
    }
  }

  /** Starts the oldest waiting jobs whose key is free, while places are free. */
  private pump(): void {
    const limit = this.limit();
    for (let i = 0; i < this.waiting.length && this.running < limit; ) {
      const job = this.waiting[i];
      if (!job || this.active.has(job.key)) {
        i += 1;
        continue;
      }
      this.waiting.splice(i, 1);
      const left = (this.waitingPerKey.get(job.key) ?? 1) - 1;
      if (left > 0) this.waitingPerKey.set(job.key, left);
      else this.waitingPerKey.delete(job.key);
      // A later job of the same key now sees the key active and stays queued.
      job.start();
    }
    if (this.running === 0 && this.waiting.length === 0) {
      for (const resolve of this.idle.splice(0)) resolve();
    }
  }

  /** Delivers a notice to the thread (a failed delivery is logged, never thrown). */
  private async tell(
    event: ChatEvent,
    sink: ReplySink | undefined,
    text: string,
    tone: 'info' | 'error',
  ): Promise<Reply> {
    const reply: Reply = { thread_id: event.thread_id, blocks: [{ type: 'text', text, tone }] };
    try {
      await sink?.(reply);
    } catch (error) {
      this.logger?.warn({ err: error, thread_id: event.thread_id }, 'could not deliver a notice');
    }
    return reply;
  }
}
