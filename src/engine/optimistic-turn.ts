// An optimistic turn: a chat message answered from this process's copy of the thread's state.
// The turn is computed while the one store step that takes the thread (claim, lock, "still
// as the copy says") travels, instead of after a load.
import { LRUCache } from 'lru-cache';
import type { AuditRecord } from '../audit/record';
import type { Turn as ModelTurn, TurnInput, TurnModel } from '../model/turn';
import type { Lock } from '../store/state-store';
import type { ChatEvent } from './chat-event';
import type { EngineDeps, OptimisticOptions } from './deps';
import type { Reply } from './reply';
import type { ThreadState } from './thread-state';
import { Turn } from './turn';

/** Default {@link OptimisticOptions}: about 4 MB of copies, each kept 5 minutes. */
export const DEFAULT_OPTIMISTIC_OPTIONS: OptimisticOptions = {
  maxChars: 4_000_000,
  ttlMs: 5 * 60_000,
};

/** A turn computed optimistically: the state to save (`null`: keep), its replies and records. */
export interface ComputedTurn {
  next: ThreadState | null;
  replies: Reply[];
  audits: AuditRecord[];
}

/**
 * What {@link OptimisticTurns.run} found:
 * - `duplicate`: the event was handled before; nothing to do.
 * - `unlocked`: nothing was taken (no copy, or a turn runs, or the thread changed): the caller
 *   takes the thread as usual.
 * - `locked`: the event is claimed and the thread locked by `lock`, its state exactly `saved`
 *   (a fresh copy). `computed` is the turn to finish (send its replies, save, write its
 *   records); when absent (the turn needs a port), the caller runs the turn on `saved`.
 * `model`, when the model was asked, answers that same input once more from memory, so a turn
 * run again from the same state does not ask twice (and `model_calls_total` counts one call per
 * message); other inputs go to the engine's model.
 */
export type OptimisticRun =
  | { kind: 'duplicate' }
  | { kind: 'unlocked'; model?: TurnModel | undefined }
  | {
      kind: 'locked';
      lock: Lock;
      saved: ThreadState;
      computed?: ComputedTurn | undefined;
      model?: TurnModel | undefined;
    };

/** A port an optimistic turn reached; the turn is thrown away. */
class PortClosed extends Error {
  override readonly name = 'PortClosed';
}

/**
 * Optimistic turns (speculative execution, validated by the lock) for the common case of a
 * chat message in a thread this process saved last: the turn is computed from the copy while
 * {@link StateStore.lockIfUnchanged} claims the event and locks the thread only if it is still
 * exactly that copy, so the turn's time and the round trip overlap, and the state is never
 * sent back by Redis. Taken only when the turn can have no effect outside its own state and
 * replies:
 * - a plain `message` event without files, with a `pure` model (offline) and no LLM quota to
 *   count;
 * - the turn touches no port: the store, TikTok, access, audit trail, metrics and submission
 *   owner are closed to it, and reaching one throws the turn away (also when the turn's own
 *   code catches the error); its replies are held, and sent only once the thread is locked.
 * The copies are the texts this process last saved per thread, bounded by
 * {@link OptimisticOptions}.
 */
export class OptimisticTurns {
  private readonly copies: LRUCache<string, string>;

  constructor(
    private readonly deps: EngineDeps,
    private readonly now: () => Date,
    options: OptimisticOptions = DEFAULT_OPTIMISTIC_OPTIONS,
  ) {
    this.copies = new LRUCache<string, string>({
      maxSize: options.maxChars,
      sizeCalculation: (json) => Math.max(1, json.length),
      ttl: options.ttlMs,
    });
  }

  /** Keeps `json`, the text just saved for `thread_id`, as the thread's copy. */
  remember(thread_id: string, json: string): void {
    this.copies.set(thread_id, json);
  }

  /** Drops the copy of `thread_id` (its saved state is not known any more). */
  forget(thread_id: string): void {
    this.copies.delete(thread_id);
  }

  /** Copies kept now (for tests and the bench). */
  get size(): number {
    return this.copies.size;
  }

  /**
   * Starts `event` optimistically when it qualifies (see the class). `claim`: the event's claim,
   * or `null` when the caller claimed it; `lockTtlMs`: the thread lock's TTL.
   * @throws StoreUnavailableError when the store step fails (its outcome is unknown; the copy is
   *   dropped and nothing was sent).
   */
  async run(
    event: ChatEvent,
    claim: { key: string; ttlMs: number } | null,
    lockTtlMs: number,
  ): Promise<OptimisticRun> {
    if (!this.qualifies(event)) return { kind: 'unlocked' };
    const seenJson = this.copies.get(event.thread_id);
    if (seenJson === undefined) return { kind: 'unlocked' };
    const { store, keys } = this.deps;
    // The store step goes out first; the turn is computed while it travels.
    const starting = store.lockIfUnchanged(
      claim,
      keys.threadLock(event.thread_id),
      lockTtlMs,
      keys.thread(event.thread_id),
      seenJson,
    );
    // Settled below in every case; this only keeps an early rejection from being "unhandled".
    starting.catch(() => undefined);
    const asked = new AskedOnce(this.deps.model);
    const computed = await this.compute(event, seenJson, asked);
    let start: Awaited<typeof starting>;
    try {
      start = await starting;
    } catch (error) {
      this.forget(event.thread_id);
      throw error;
    }
    const model = asked.replay();
    switch (start.outcome) {
      case 'duplicate':
        return { kind: 'duplicate' };
      case 'busy':
        return { kind: 'unlocked', model };
      case 'changed':
        this.forget(event.thread_id);
        return { kind: 'unlocked', model };
      case 'locked':
        return {
          kind: 'locked',
          lock: start.lock,
          saved: JSON.parse(seenJson) as ThreadState,
          computed,
          model,
        };
    }
  }

  /** The turn on a fresh copy with every port closed; `undefined` when it needs one (or threw). */
  private async compute(
    event: ChatEvent,
    seenJson: string,
    model: TurnModel,
  ): Promise<ComputedTurn | undefined> {
    let reached: string | null = null;
    const replies: Reply[] = [];
    const turn = new Turn(
      closedPorts({ ...this.deps, model }, (port) => {
        reached ??= port;
      }),
      event,
      async (reply) => {
        replies.push(reply);
      },
      this.now,
    );
    try {
      const next = await turn.run(JSON.parse(seenJson) as ThreadState);
      if (reached === null) return { next, replies, audits: turn.audits };
    } catch (error) {
      if (reached === null) {
        this.deps.logger.debug(
          { err: error, thread_id: event.thread_id },
          'optimistic turn threw; it runs again locked',
        );
        return undefined;
      }
    }
    this.deps.logger.debug(
      { port: reached, thread_id: event.thread_id },
      'optimistic turn needs a port; it runs again locked',
    );
    return undefined;
  }

  /** A plain message without files, a pure model, no LLM quota counted in the store. */
  private qualifies(event: ChatEvent): boolean {
    if (event.type !== 'message' || (event.files?.length ?? 0) > 0) return false;
    if (this.deps.model.pure !== true) return false;
    const guards = this.deps.settings.guards;
    return (
      (guards?.llm_calls_per_user_per_hour ?? null) === null &&
      (guards?.llm_calls_per_workspace_per_hour ?? null) === null
    );
  }
}

/**
 * The engine's model, remembering the one proposal of an optimistic turn so that the locked turn
 * that follows gets it again for the same input (compared as JSON) without a second call.
 */
class AskedOnce implements TurnModel {
  readonly name: string;
  readonly pure: boolean;
  /** The input and the proposal, as JSON texts (the turn goes on to change its objects). */
  private asked: { input: string; turn: string } | undefined;

  constructor(private readonly model: TurnModel) {
    this.name = model.name;
    this.pure = model.pure === true;
  }

  async propose(input: TurnInput): Promise<ModelTurn> {
    const turn = await this.model.propose(input);
    this.asked = { input: JSON.stringify(input), turn: JSON.stringify(turn) };
    return turn;
  }

  /** A model that answers the remembered input once from memory; `undefined` if none. */
  replay(): TurnModel | undefined {
    const asked = this.asked;
    if (!asked) return undefined;
    let used = false;
    const model = this.model;
    return {
      name: model.name,
      pure: model.pure === true,
      async propose(input: TurnInput): Promise<ModelTurn> {
        if (!used && JSON.stringify(input) === asked.input) {
          used = true;
          return JSON.parse(asked.turn) as ModelTurn;
        }
        return model.propose(input);
      },
    };
  }
}

/**
 * `deps` with every port that reaches outside the turn closed: any use calls `reached(port)`
 * and throws {@link PortClosed}. The model, keys, settings, logger and clock stay open.
 */
function closedPorts(deps: EngineDeps, reached: (port: string) => void): EngineDeps {
  const closed = <T extends object>(port: string): T =>
    new Proxy({} as T, {
      get(_target, property) {
        // Not a thenable: `await port` must not look like a use.
        if (property === 'then') return undefined;
        const name = `${port}.${String(property)}`;
        reached(name);
        throw new PortClosed(name);
      },
    });
  return {
    ...deps,
    store: closed('store'),
    ads: closed('ads'),
    access: closed('access'),
    auditTrail: closed('auditTrail'),
    metrics: closed('metrics'),
    owner: closed('owner'),
    audit: async () => {
      reached('audit');
      throw new PortClosed('audit');
    },
  };
}
