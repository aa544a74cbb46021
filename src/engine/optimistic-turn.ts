// An optimistic turn: a chat message answered from this process's copy of the thread's state,
// without taking the thread lock, and committed in one store step only if the thread is
// exactly as that copy says. Otherwise nothing happened and the locked turn runs.
import { LRUCache } from 'lru-cache';
import type { AuditRecord } from '../audit/record';
import type { Turn as ModelTurn, TurnInput, TurnModel } from '../model/turn';
import type { CommitOutcome } from '../store/state-store';
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

/**
 * What {@link OptimisticTurns.run} did:
 * - `done: true`: the turn is over (committed, or a repeat of an event already handled);
 *   `audits` are its records, to write now that its state is saved;
 * - `done: false`: nothing happened (no copy, a turn that needs a port, a thread that changed or
 *   is busy), so the caller runs the locked turn. `model`, when the model was asked, answers
 *   that same input once more from memory (so a locked turn that starts from the same state
 *   does not ask again, and `model_calls_total` counts one call per message); other inputs go
 *   to the engine's model.
 */
export type OptimisticRun =
  | { done: true; outcome: CommitOutcome; audits: AuditRecord[] }
  | { done: false; model?: TurnModel | undefined };

/** A port an optimistic turn reached; the turn is thrown away. */
class PortClosed extends Error {
  override readonly name = 'PortClosed';
}

/**
 * Optimistic turns (optimistic concurrency control) for the common case of a chat message in a
 * thread this process answered last: no lock, one store round trip instead of two, and the
 * reply posted only after the state is saved. Taken only when the turn can have no effect
 * outside its own state and replies:
 * - a plain `message` event without files, with a `pure` model (offline) and no LLM quota to
 *   count;
 * - the turn touches no port: the store, TikTok, access, audit trail, metrics and submission
 *   owner are closed to it, and reaching one throws the turn away (also when the turn's own
 *   code catches the error);
 * - its replies are held back until {@link StateStore.commitIfUnchanged} saved the state over
 *   the exact JSON text the turn started from, with no locked turn running and the event not
 *   handled before. `busy` and `changed` leave everything as it was, for the locked turn.
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
   * Runs `event` optimistically when it qualifies (see the class), emitting its replies only
   * after the commit. `claim`: the event's claim, or `null` when the caller claimed it.
   * @throws StoreUnavailableError when the commit's store step fails (its outcome is unknown;
   *   the copy is dropped and nothing was emitted).
   */
  async run(
    event: ChatEvent,
    emit: (reply: Reply) => Promise<void>,
    claim: { key: string; ttlMs: number } | null,
  ): Promise<OptimisticRun> {
    if (!this.qualifies(event)) return { done: false };
    const seenJson = this.copies.get(event.thread_id);
    if (seenJson === undefined) return { done: false };
    let reached: string | null = null;
    const held: Reply[] = [];
    const asked = new AskedOnce(this.deps.model);
    const turn = new Turn(
      closedPorts({ ...this.deps, model: asked }, (port) => {
        reached ??= port;
      }),
      event,
      async (reply) => {
        held.push(reply);
      },
      this.now,
    );
    let next: ThreadState | null;
    try {
      next = await turn.run(JSON.parse(seenJson) as ThreadState);
    } catch (error) {
      this.deps.logger.debug(
        { err: error, port: reached, thread_id: event.thread_id },
        'optimistic turn thrown away',
      );
      return { done: false, model: asked.replay() };
    }
    if (reached !== null) {
      this.deps.logger.debug(
        { port: reached, thread_id: event.thread_id },
        'optimistic turn needs a port',
      );
      return { done: false, model: asked.replay() };
    }
    if (next) next.updated_at = this.now().toISOString();
    const nextJson = next ? JSON.stringify(next) : null;
    const { store, keys, settings } = this.deps;
    let outcome: CommitOutcome;
    try {
      outcome = await store.commitIfUnchanged(
        claim,
        keys.threadLock(event.thread_id),
        keys.thread(event.thread_id),
        seenJson,
        nextJson,
        settings.draft_ttl_ms,
      );
    } catch (error) {
      this.forget(event.thread_id);
      throw error;
    }
    if (outcome === 'busy') return { done: false, model: asked.replay() };
    if (outcome === 'changed') {
      this.forget(event.thread_id);
      return { done: false, model: asked.replay() };
    }
    if (outcome === 'duplicate') {
      this.deps.logger.debug(
        { event_id: event.event_id, thread_id: event.thread_id },
        'duplicate event ignored',
      );
      return { done: true, outcome, audits: [] };
    }
    if (nextJson !== null) this.remember(event.thread_id, nextJson);
    for (const reply of held) await emit(reply);
    return { done: true, outcome, audits: turn.audits };
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
