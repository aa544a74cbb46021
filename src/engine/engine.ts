import { fromSubmission } from '../audit/submission';
import { AuditTrail } from '../audit/trail';
import { guardedStore } from '../store/guarded-store';
import { type Lock, StoreUnavailableError } from '../store/state-store';
import type { ChatEvent } from './chat-event';
import type { EngineDeps } from './deps';
import type { Reply, ReplySink } from './reply';
import { newDraftId } from './submission/record';
import type { ThreadState } from './thread-state';
import { Turn } from './turn';

export type { EngineDeps } from './deps';

/** Options of {@link ConversationEngine.handle}. */
export interface HandleOptions {
  /** The caller already claimed the event with {@link ConversationEngine.claim}. */
  claimed?: boolean;
}

/** Default thread lock TTL: short, since a heartbeat renews it while a turn works. */
export const THREAD_LOCK_TTL_MS = 5_000;

/** What a user sees when the store fails during their turn (issue 9 point 9). */
export const STORE_FAILED_TEXT = "I couldn't save that; nothing changed, please send it again.";

/** How long a handled event id is remembered (Slack retries for up to ~5 minutes; keep 2 h). */
export const EVENT_TTL_MS = 2 * 60 * 60 * 1000;

/**
 * The conversation engine: one `ChatEvent` in, `Reply`s out, one turn at a time per thread.
 *
 * For each event: claim its id (handled once), take the thread lock (also across processes
 * sharing Redis), load the thread, act, save, release. The model proposes a turn; the ad
 * rules and the lifecycle decide. Submission happens only for a complete, rule-valid draft
 * with the approvals the policy asks for, never because model text asked.
 */
export class ConversationEngine {
  private readonly now: () => Date;
  private readonly lockTtlMs: number;
  private readonly lockWaitMs: number;
  private readonly deps: EngineDeps & { auditTrail: AuditTrail };

  constructor(deps: EngineDeps) {
    const store = guardedStore(deps.store);
    const auditTrail = deps.auditTrail ?? new AuditTrail({ store, keys: deps.keys });
    this.deps = {
      ...deps,
      store,
      auditTrail,
      audit: deps.audit ?? ((record) => auditTrail.append(fromSubmission(record))),
    };
    this.now = deps.now ?? (() => new Date());
    this.lockTtlMs = deps.lock?.ttlMs ?? THREAD_LOCK_TTL_MS;
    this.lockWaitMs = deps.lock?.waitMs ?? 60_000;
  }

  /**
   * Claims `event` (handled once, kept {@link EVENT_TTL_MS}): true when this call took it, false
   * for a repeat or a bot's own message. One Redis round trip. A caller that claims first (to
   * dedupe before it queues or posts anything) then passes `{claimed: true}` to {@link handle}.
   */
  async claim(event: ChatEvent): Promise<boolean> {
    if (event.user.is_bot) return false;
    return this.deps.store.setIfAbsent(this.deps.keys.event(event.event_id), 1, EVENT_TTL_MS);
  }

  /**
   * Handles one event. Replies are passed to `sink` as they are produced (so progress shows
   * during a submission) and also returned. A repeated `event_id` returns `[]` and does nothing.
   * The claim, the thread lock and the load are one store step (one Redis round trip) unless
   * another turn holds the lock; `options.claimed` says the caller already claimed the event.
   * When the store fails during the turn (Redis down), nothing of the turn is saved and the
   * user gets {@link STORE_FAILED_TEXT} through `sink` (which needs no Redis).
   * @throws LockTimeoutError when the thread stays busy longer than the lock wait.
   */
  async handle(event: ChatEvent, sink?: ReplySink, options: HandleOptions = {}): Promise<Reply[]> {
    const replies: Reply[] = [];
    const emit = async (reply: Reply): Promise<void> => {
      replies.push(reply);
      await sink?.(reply);
    };
    if (event.user.is_bot) return replies;
    try {
      await this.turn(event, emit, options);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      this.deps.logger.error(
        { err: error.cause, operation: error.operation, thread_id: event.thread_id },
        'state store failed during a turn; nothing saved',
      );
      await this.deps.store.delete(this.deps.keys.event(event.event_id)).catch(() => false);
      await emit({
        thread_id: event.thread_id,
        blocks: [{ type: 'text', tone: 'error', text: STORE_FAILED_TEXT }],
      });
    }
    return replies;
  }

  /** One claimed, locked turn: load, run, save, then write the turn's audit records. */
  private async turn(
    event: ChatEvent,
    emit: (reply: Reply) => Promise<void>,
    options: HandleOptions,
  ): Promise<void> {
    const { store, keys, logger } = this.deps;
    const start = await store.claimLockAndGet<ThreadState>(
      options.claimed ? null : { key: keys.event(event.event_id), ttlMs: EVENT_TTL_MS },
      keys.threadLock(event.thread_id),
      this.lockTtlMs,
      keys.thread(event.thread_id),
    );
    if (!start.claimed) {
      logger.debug(
        { event_id: event.event_id, thread_id: event.thread_id },
        'duplicate event ignored',
      );
      return;
    }
    const lock: Lock =
      start.lock ??
      (await store.acquireLock(keys.threadLock(event.thread_id), this.lockTtlMs, this.lockWaitMs));
    const heartbeat = setInterval(() => {
      store
        .extendLock(lock, this.lockTtlMs)
        .catch((error: unknown) => logger.warn({ err: error }, 'lock extend failed'));
    }, this.lockTtlMs / 3);
    heartbeat.unref();
    let released = false;
    let turn: Turn | undefined;
    try {
      const saved = withDraftId(
        start.lock ? start.value : await store.get<ThreadState>(keys.thread(event.thread_id)),
      );
      turn = new Turn(this.deps, event, emit, this.now);
      const next = await turn.run(saved);
      if (next) {
        next.updated_at = this.now().toISOString();
        released = true;
        const kept = await store.setAndReleaseLock(
          lock,
          keys.thread(next.thread_id),
          next,
          this.deps.settings.draft_ttl_ms,
        );
        if (!kept) throw new TurnLostError(event.thread_id);
      }
    } finally {
      clearInterval(heartbeat);
      if (!released)
        await store
          .releaseLock(lock)
          .catch((error: unknown) => logger.warn({ err: error }, 'lock release failed'));
    }
    // After the save: a record is never written for a turn whose state was not kept.
    for (const record of turn.audits)
      await this.deps.auditTrail
        .append(record)
        .catch((error: unknown) =>
          logger.error(
            { err: error, kind: record.kind, thread_id: record.thread_id },
            'audit record not written',
          ),
        );
  }
}

/** A state saved before draft ids existed gets one when loaded (its submissions then key on it). */
function withDraftId(state: ThreadState | null): ThreadState | null {
  if (state && !state.draft_id) state.draft_id = newDraftId();
  return state;
}

/**
 * The thread lock expired before the turn could save (the process stalled longer than the lock
 * TTL and another turn took over), so this turn's changes were not saved.
 */
export class TurnLostError extends Error {
  override readonly name = 'TurnLostError';
  constructor(readonly thread_id: string) {
    super(`The turn for ${thread_id} lost its lock before saving; its changes were not saved`);
  }
}
