import { randomUUID } from 'node:crypto';
import type { Logger } from '../../logging/logger';
import type { Keys } from '../../store/keys';
import type { StateStore } from '../../store/state-store';
import type { ChatEvent } from '../chat-event';
import type { ReplySink } from '../reply';
import type { Platform } from '../thread-id';
import type { ThreadState } from '../thread-state';
import type { InflightIndex } from './context';
import type { ProcessOwner } from './owner';

/** The submissions-in-flight index on the state store (`Keys.submissionsInFlight`). */
export function inflightIndex(store: StateStore, keys: Keys): InflightIndex {
  const key = keys.submissionsInFlight();
  return {
    add: (thread_id) => store.addMember(key, thread_id),
    remove: (thread_id) => store.removeMember(key, thread_id),
  };
}

/** Options of {@link SubmissionResumer}. */
export interface SubmissionResumerOptions {
  store: StateStore;
  keys: Keys;
  owner: ProcessOwner;
  engine: { handle(event: ChatEvent, sink?: ReplySink): Promise<unknown> };
  /** Where a platform's replies go (the adapters' sinks); none: the resume is not shown. */
  sinkFor: (platform: Platform) => ReplySink | undefined;
  logger: Logger;
  /**
   * The engine's outboxes (`ConversationEngine.courier`): each scan first sends the replies
   * saved but not delivered (a dead process's progress, results, approvals), so the thread
   * reads in order before a resumed submission adds to it. None: no outbox sweep.
   */
  outbox?: { sweepAll(sinkFor: (platform: Platform) => ReplySink | undefined): Promise<number> };
  /** Regular scan interval. Default 60 000 ms. */
  intervalMs?: number;
}

/** What one scan did, by thread id. */
export interface ScanResult {
  resumed: string[];
  /** Owner still alive (maybe in another process): looked at again after its heartbeat TTL. */
  waiting: string[];
}

/**
 * Resumes submissions whose process died (docs/reliability.md §5 step 5: the completer). On
 * start and every `intervalMs` it first sends undelivered replies from the outboxes, then reads
 * the in-flight index; for each thread still
 * `submitting` whose owner is gone it sends the engine a `submission_resume` event, which takes
 * the thread lock, tells the thread and goes on from the saved step (nothing is created
 * twice). Threads no longer submitting leave the index. A thread whose owner still looks alive
 * is checked again once that owner's heartbeat would have expired.
 */
export class SubmissionResumer {
  private timer: NodeJS.Timeout | undefined;
  private soon: NodeJS.Timeout | undefined;
  private scanning: Promise<ScanResult> | undefined;
  private stopped = false;

  constructor(private readonly options: SubmissionResumerOptions) {}

  /** Scans now, then every `intervalMs`, until {@link stop}. */
  start(): void {
    this.stopped = false;
    this.trigger();
    this.timer = setInterval(() => this.trigger(), this.options.intervalMs ?? 60_000);
    this.timer.unref();
  }

  /** Stops scanning and waits for a scan in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    if (this.soon) clearTimeout(this.soon);
    await this.scanning?.catch(() => undefined);
  }

  /** Runs one scan (or joins the one running) and returns what it did. */
  scan(): Promise<ScanResult> {
    if (!this.scanning) {
      this.scanning = this.scanOnce().finally(() => {
        this.scanning = undefined;
      });
    }
    return this.scanning;
  }

  private trigger(): void {
    this.scan()
      .then((result) => {
        if (result.waiting.length === 0 || this.stopped || this.soon) return;
        this.soon = setTimeout(() => {
          this.soon = undefined;
          if (!this.stopped) this.trigger();
        }, this.options.owner.ttlMs + 500);
        this.soon.unref();
      })
      .catch((err: unknown) => this.options.logger.warn({ err }, 'submission resume scan failed'));
  }

  private async scanOnce(): Promise<ScanResult> {
    const { store, keys, owner, logger } = this.options;
    const result: ScanResult = { resumed: [], waiting: [] };
    await this.options.outbox?.sweepAll(this.options.sinkFor);
    const index = keys.submissionsInFlight();
    for (const thread_id of await store.members(index)) {
      if (this.stopped) break;
      if (owner.running.has(thread_id)) continue;
      const state = await store.get<ThreadState>(keys.thread(thread_id));
      if (!state || state.status !== 'submitting') {
        await store.removeMember(index, thread_id);
        continue;
      }
      const by = state.submission?.owner;
      if (by && by !== owner.id && !(await owner.isGone(by))) {
        result.waiting.push(thread_id);
        continue;
      }
      logger.info({ thread_id }, 'resuming an interrupted submission');
      await this.options.engine.handle(
        {
          type: 'submission_resume',
          event_id: `resume:${randomUUID()}`,
          thread_id: state.thread_id,
          platform: state.platform,
          workspace_id: state.workspace_id,
          channel_id: state.channel_id,
          user: state.requester,
        },
        this.options.sinkFor(state.platform),
      );
      result.resumed.push(thread_id);
    }
    return result;
  }
}
