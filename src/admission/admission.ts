import type { ChatEvent } from '../engine/chat-event';
import type { HandleOptions } from '../engine/engine';
import type { Reply, ReplySink } from '../engine/reply';
import type { Logger } from '../logger';

/** What admission control runs turns on (`ConversationEngine` fits). */
export interface TurnRunner {
  /** Claims `event` once (false: a repeat, or nothing to do). */
  claim(event: ChatEvent): Promise<boolean>;
  handle(event: ChatEvent, sink?: ReplySink, options?: HandleOptions): Promise<Reply[]>;
}

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
 * Defaults sized for a 2-core machine: a turn is mostly waiting (model, TikTok, Slack), so 64
 * turns keep both cores busy with the offline model while holding memory to a few MiB; 500
 * queued events wait in a few hundred KiB.
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

/** One event waiting for its turn. */
interface Job {
  event: ChatEvent;
  sink: ReplySink | undefined;
  notices: Reply[];
  resolve: (replies: Reply[]) => void;
  reject: (error: unknown) => void;
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
 * with the engine's error. {@link drain} waits until nothing runs or waits.
 */
export class AdmissionControl {
  private running = 0;
  private peak = 0;
  private queuedTotal = 0;
  private refusedTotal = 0;
  /** Threads with a turn running now. */
  private readonly active = new Set<string>();
  /** Waiting jobs in arrival order (all threads). */
  private readonly waiting: Job[] = [];
  /** How many jobs wait per thread. */
  private readonly waitingPerThread = new Map<string, number>();
  private readonly idle: Array<() => void> = [];

  /** @throws RangeError when a bound is not a positive integer. */
  constructor(
    private readonly runner: TurnRunner,
    private readonly bounds: AdmissionBounds = DEFAULT_ADMISSION,
    private readonly logger?: Logger,
  ) {
    for (const [name, value] of Object.entries(bounds))
      if (!Number.isInteger(value) || value < 1)
        throw new RangeError(`${name} must be a positive integer, got ${value}`);
  }

  /** See the class. `options.claimed`: the caller already claimed the event. */
  async handle(event: ChatEvent, sink?: ReplySink, options: HandleOptions = {}): Promise<Reply[]> {
    if (this.canStart(event.thread_id)) return this.start(event, sink, options);
    if (!options.claimed && !(await this.runner.claim(event))) return [];
    // The claim took a round trip: a place may have come free meanwhile.
    if (this.canStart(event.thread_id)) return this.start(event, sink, { claimed: true });
    if (this.waiting.length >= this.bounds.maxQueued) {
      this.refusedTotal += 1;
      this.logger?.warn(
        { thread_id: event.thread_id, event_type: event.type, queued: this.waiting.length },
        'admission queue full; event refused',
      );
      return [await this.tell(event, sink, TOO_BUSY_TEXT, 'error')];
    }
    const notices: Reply[] = [];
    const promise = new Promise<Reply[]>((resolve, reject) => {
      this.waiting.push({ event, sink, notices, resolve, reject });
    });
    this.waitingPerThread.set(
      event.thread_id,
      (this.waitingPerThread.get(event.thread_id) ?? 0) + 1,
    );
    // Waiting behind the same thread's own turn is normal conversation; only a full house is news.
    if (this.running >= this.bounds.maxTurnsInFlight) {
      this.queuedTotal += 1;
      notices.push(await this.tell(event, sink, QUEUED_TEXT, 'info'));
    }
    return promise;
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

  private canStart(thread_id: string): boolean {
    return (
      this.running < this.bounds.maxTurnsInFlight &&
      !this.active.has(thread_id) &&
      !this.waitingPerThread.has(thread_id)
    );
  }

  private async start(event: ChatEvent, sink: ReplySink | undefined, options: HandleOptions) {
    this.running += 1;
    if (this.running > this.peak) this.peak = this.running;
    this.active.add(event.thread_id);
    try {
      return await this.runner.handle(event, sink, options);
    } finally {
      this.running -= 1;
      this.active.delete(event.thread_id);
      this.pump();
    }
  }

  /** Starts the oldest waiting jobs whose thread is free, while places are free. */
  private pump(): void {
    for (let i = 0; i < this.waiting.length && this.running < this.bounds.maxTurnsInFlight; ) {
      const job = this.waiting[i];
      if (!job || this.active.has(job.event.thread_id)) {
        i += 1;
        continue;
      }
      this.waiting.splice(i, 1);
      const left = (this.waitingPerThread.get(job.event.thread_id) ?? 1) - 1;
      if (left > 0) this.waitingPerThread.set(job.event.thread_id, left);
      else this.waitingPerThread.delete(job.event.thread_id);
      // A later job of the same thread now sees the thread active and stays queued.
      this.start(job.event, job.sink, { claimed: true }).then(
        (replies) => job.resolve([...job.notices, ...replies]),
        job.reject,
      );
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
