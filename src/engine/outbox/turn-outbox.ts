import type { Lock, StateStore } from '../../store/state-store';
import type { Reply, ReplySink } from '../reply';
import type { ThreadState } from '../thread-state';
import type { ReplyCourier } from './courier';

/** What {@link TurnOutbox} needs from the engine. */
export interface TurnOutboxDeps {
  store: StateStore;
  keys: { thread(thread_id: string): string };
  courier: ReplyCourier;
  /** How long a thread's state (and its outbox) is kept, in ms. */
  ttlMs: number;
  now: () => Date;
}

/**
 * One turn's replies on their way out: held until the state they report is saved, then saved
 * with it in the same store step (`saveWithOutbox`) and handed to the courier, which delivers
 * them and marks each one delivered. Replies of a turn that saves nothing report nothing
 * saved; they go straight to the courier. Replies whose state could not be saved are dropped:
 * nothing is said that was not kept.
 */
export class TurnOutbox {
  private held: Reply[] = [];
  private readonly sending: Array<Promise<unknown>> = [];
  /** The last state this turn saved, if any. */
  saved: ThreadState | null = null;

  constructor(
    private readonly deps: TurnOutboxDeps,
    private readonly thread_id: string,
    private readonly sink: ReplySink | undefined,
  ) {}

  /** Keeps `reply` until the next save (or the end of a turn that saves nothing). */
  hold(reply: Reply): void {
    this.held.push(reply);
  }

  /**
   * Saves `state` (with `updated_at` set now) and the held replies in one step, under `lock`;
   * releases the lock when `release`. Then delivers those replies (not awaited).
   * @returns false when the lock was lost: nothing saved, the replies are dropped.
   */
  async save(lock: Lock, state: ThreadState, release: boolean): Promise<boolean> {
    const { store, keys, courier, ttlMs } = this.deps;
    const replies = this.held.splice(0);
    const value: ThreadState = { ...state, updated_at: this.deps.now().toISOString() };
    const entries = courier.entriesFor(replies);
    const { key, index } = courier.outboxOf(this.thread_id);
    const kept = await store.saveWithOutbox(
      lock,
      keys.thread(state.thread_id),
      value,
      ttlMs,
      { key, entries, ttlMs, ...(entries.length > 0 ? { index } : {}) },
      release,
    );
    if (!kept) return false;
    this.saved = value;
    if (entries.length > 0) this.sending.push(courier.send(this.thread_id, entries, this.sink));
    return true;
  }

  /** Delivers the held replies of a turn that saved nothing more (not awaited). */
  sendHeld(): void {
    const replies = this.held.splice(0);
    if (replies.length > 0)
      this.sending.push(this.deps.courier.sendUnsaved(this.thread_id, replies, this.sink));
  }

  /** Forgets the held replies: the state they report was not saved. */
  drop(): Reply[] {
    return this.held.splice(0);
  }

  /** Delivers `reply` now, without saving it (what the user is told when the store fails). */
  sendNow(reply: Reply): void {
    this.sending.push(this.deps.courier.sendUnsaved(this.thread_id, [reply], this.sink));
  }

  /** Resolves once everything this turn handed to the courier was delivered (or kept). */
  async delivered(): Promise<void> {
    await Promise.all(this.sending);
  }
}
