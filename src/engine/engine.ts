import { fromSubmission } from '../audit/submission';
import { AuditTrail } from '../audit/trail';
import { BotError } from '../errors/bot-error';
import { guardedStore } from '../store/guarded-store';
import { type Lock, StoreUnavailableError } from '../store/state-store';
import type { ChatEvent } from './chat-event';
import type { EngineDeps } from './deps';
import { ReplyCourier } from './outbox/courier';
import { TurnOutbox } from './outbox/turn-outbox';
import type { Claimable, HandleOptions, Readiness } from './ports';
import { sayError } from './remediation';
import type { Reply, ReplySink } from './reply';
import { resumeEventOf } from './resume-event';
import { newDraftId } from './submission/record';
import type { ThreadId } from './thread-id';
import type { ThreadState } from './thread-state';
import { ThreadTurn } from './turn/thread-turn';

export type { EngineDeps } from './deps';
export type { HandleOptions } from './ports';
export { STILL_SUBMITTING_TEXT, STORAGE_DOWN_START_TEXT, STORE_FAILED_TEXT } from './store-texts';

/** Default thread lock TTL: short, since a heartbeat renews it while a turn works. */
export const THREAD_LOCK_TTL_MS = 5_000;

/** How long the engine itself retries a submission interrupted by a store failure (10 min). */
export const RESUME_RETRY_FOR_MS = 10 * 60_000;

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
  /**
   * Delivers the replies saved in thread outboxes; `sweepAll` on start sends what a dead
   * process saved but did not deliver.
   */
  readonly courier: ReplyCourier;
  /** Threads whose interrupted submission waits for the store to answer again. */
  private readonly resuming = new Set<string>();

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
    this.courier = new ReplyCourier({
      store,
      keys: deps.keys,
      logger: deps.logger,
      now: this.now,
      ...(deps.owner ? { owner: deps.owner } : {}),
    });
    this.lockTtlMs = deps.lock?.ttlMs ?? THREAD_LOCK_TTL_MS;
    this.lockWaitMs = deps.lock?.waitMs ?? 60_000;
  }

  /**
   * Claims `event` (handled once, kept {@link EVENT_TTL_MS}): true when this call took it, false
   * for a repeat or a bot's own message. One Redis round trip. A caller that claims first (to
   * dedupe before it queues or posts anything) then passes `{claimed: true}` to {@link handle}.
   */
  async claim(event: Claimable): Promise<boolean> {
    if (event.user?.is_bot) return false;
    return this.deps.store.setIfAbsent(this.deps.keys.event(event.event_id), 1, EVENT_TTL_MS);
  }

  /** Forgets the claim of `event_id`, so the same id counts again (an undone toggle). */
  async release(event_id: string): Promise<void> {
    await this.deps.store.delete(this.deps.keys.event(event_id));
  }

  /** Whether `thread_id` has saved state (a conversation the engine holds). */
  async hasConversation(thread_id: ThreadId): Promise<boolean> {
    return (await this.deps.store.get(this.deps.keys.thread(thread_id))) !== null;
  }

  /** Whether the store answers (one GET of a key never written), for `/readyz`. */
  async readiness(): Promise<Readiness> {
    await this.deps.store.get(this.deps.keys.readiness());
    return { ok: true };
  }

  /**
   * Handles one event. Replies are held until the state they report is saved, saved with it in
   * the same store step (the thread's outbox), then passed to `sink`, and marked delivered once
   * `sink` resolves; a restart sends what was saved but not delivered ({@link courier}). A turn
   * that saves nothing sends its replies straight away. All replies are also returned, once
   * delivered. A repeated `event_id` returns `[]` and does nothing. The claim, the thread lock
   * and the load are one store step unless another turn holds the lock; `options.claimed` says
   * the caller already claimed the event.
   * When the store fails during the turn (Redis down), nothing of the turn is saved or said;
   * the user is told so through `sink` (which needs no Redis): {@link STORE_FAILED_TEXT},
   * {@link STORAGE_DOWN_START_TEXT} for a new draft, or {@link STILL_SUBMITTING_TEXT} when a
   * submission had started (it is then resumed once the store answers again).
   * @throws LockTimeoutError when the thread stays busy longer than the lock wait.
   */
  async handle(event: ChatEvent, sink?: ReplySink, options: HandleOptions = {}): Promise<Reply[]> {
    const replies: Reply[] = [];
    if (event.user.is_bot) return replies;
    const out = new TurnOutbox(
      {
        store: this.deps.store,
        keys: this.deps.keys,
        courier: this.courier,
        ttlMs: this.deps.settings.draft_ttl_ms,
        now: this.now,
      },
      event.thread_id,
      sink,
    );
    const emit = async (reply: Reply): Promise<void> => {
      replies.push(reply);
      if (reply.live) out.sendNow(reply);
      else out.hold(reply);
    };
    try {
      await this.turn(event, emit, out, options);
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) {
        await out.delivered();
        throw error;
      }
      const unsaid = new Set(out.drop());
      const said = replies.filter((reply) => !unsaid.has(reply));
      replies.splice(0, replies.length, ...said);
      const told = await this.storeFailed(event, error, out, sink);
      if (told) replies.push(told);
    }
    if (options.detachDelivery) options.detachDelivery(out.delivered());
    else await out.delivered();
    return replies;
  }

  /**
   * The store failed during `event`'s turn: logs it, frees the event id (so a redelivery is
   * handled), and returns what the user is told (already handed to the courier). A submission
   * that had started is resumed once the store answers again.
   */
  private async storeFailed(
    event: ChatEvent,
    error: StoreUnavailableError,
    out: TurnOutbox,
    sink: ReplySink | undefined,
  ): Promise<Reply | null> {
    const { logger, store, keys } = this.deps;
    logger.error(
      { err: error.cause, operation: error.operation, thread_id: event.thread_id },
      'state store failed during a turn; nothing saved',
    );
    await store.delete(keys.event(event.event_id)).catch(() => false);
    const submitting = out.saved?.status === 'submitting' || event.type === 'submission_resume';
    if (submitting && this.resuming.has(event.thread_id)) return null;
    const reply: Reply = {
      thread_id: event.thread_id,
      blocks: [sayError(error, { submitting, starting: event.type === 'start' })],
    };
    out.sendNow(reply);
    if (submitting) this.resumeWhenStoreAnswers(event, sink);
    return reply;
  }

  /**
   * Resumes the thread's submission once the store answers again: tries after 1 s, then
   * doubling up to 30 s, for {@link RESUME_RETRY_FOR_MS} in all (after that the resumer's
   * regular scan takes it). The resume turn posts the outcome.
   */
  private resumeWhenStoreAnswers(event: ChatEvent, sink: ReplySink | undefined): void {
    if (this.resuming.has(event.thread_id)) return;
    this.resuming.add(event.thread_id);
    const started = Date.now();
    const attempt = (waitMs: number): void => {
      const timer = setTimeout(() => {
        void this.resumeOnce(event, sink).then((done) => {
          if (done || Date.now() - started > RESUME_RETRY_FOR_MS) {
            this.resuming.delete(event.thread_id);
            return;
          }
          attempt(Math.min(waitMs * 2, 30_000));
        });
      }, waitMs);
      timer.unref();
    };
    attempt(1000);
  }

  /** One try of {@link resumeWhenStoreAnswers}; true when nothing is left to retry. */
  private async resumeOnce(event: ChatEvent, sink: ReplySink | undefined): Promise<boolean> {
    const { store, keys, logger } = this.deps;
    const threadKey = keys.thread(event.thread_id);
    try {
      const state = await store.get<ThreadState>(threadKey);
      if (state?.status !== 'submitting') return true;
      await this.handle(resumeEventOf(state, 'store_back'), sink);
      return (await store.get<ThreadState>(threadKey))?.status !== 'submitting';
    } catch (err) {
      if (err instanceof StoreUnavailableError) return false;
      logger.error({ err, thread_id: event.thread_id }, 'resuming the submission failed');
      return true;
    }
  }

  /** One claimed, locked turn: load, run, save (with its replies), then write its audit records. */
  private async turn(
    event: ChatEvent,
    emit: (reply: Reply) => Promise<void>,
    out: TurnOutbox,
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
    let turn: ThreadTurn | undefined;
    const checkpoint = async (state: ThreadState): Promise<void> => {
      if (!(await out.save(lock, state, false))) throw new TurnLostError(event.thread_id);
    };
    try {
      const saved = withDraftId(
        start.lock ? start.value : await store.get<ThreadState>(keys.thread(event.thread_id)),
      );
      turn = new ThreadTurn(this.deps, event, emit, this.now, checkpoint);
      const next = await turn.run(saved);
      if (next) {
        released = true;
        if (!(await out.save(lock, next, true))) throw new TurnLostError(event.thread_id);
      }
    } finally {
      clearInterval(heartbeat);
      if (!released)
        await store
          .releaseLock(lock)
          .catch((error: unknown) => logger.warn({ err: error }, 'lock release failed'));
    }
    out.sendHeld();
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
export class TurnLostError extends BotError {
  override readonly name = 'TurnLostError';
  declare readonly code: 'turn_lost';
  constructor(readonly thread_id: string) {
    super(
      'turn_lost',
      `The turn for ${thread_id} lost its lock before saving; its changes were not saved`,
    );
  }
}
