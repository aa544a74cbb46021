import type { ChatEngine, ChatEvent, HandleOptions, Reply, ReplySink } from '../engine/ports';
import type { Proposal, TurnInput, TurnModel } from '../model/proposal';
import { ModelError } from '../model/proposal';
import type { StateStore } from '../store/state-store';
import { LockTimeoutError } from '../store/state-store';
import type { Metrics } from './port';

const seconds = (startedMs: number) => (performance.now() - startedMs) / 1000;

/**
 * Counts every handled event as a turn: `turns_total{platform,outcome}` with `outcome` `ok`,
 * `lock_timeout` (the thread stayed busy) or `error`, and its duration.
 */
export function instrumentEngine<E extends ChatEngine>(engine: E, metrics: Metrics): E {
  const handle = async (
    event: ChatEvent,
    sink?: ReplySink,
    options?: HandleOptions,
  ): Promise<Reply[]> => {
    const started = performance.now();
    let outcome = 'ok';
    try {
      return await engine.handle(event, sink, options);
    } catch (error) {
      outcome = error instanceof LockTimeoutError ? 'lock_timeout' : 'error';
      throw error;
    } finally {
      metrics.turn(event.platform, outcome, seconds(started));
    }
  };
  return new Proxy(engine, {
    get: (target, key, receiver) =>
      key === 'handle' ? handle : Reflect.get(target, key, receiver),
  });
}

/**
 * Counts each proposal: `model_calls_total{model,outcome}` (`ok`, or the `ModelError` kind)
 * and its latency. Token counts come from the model itself (Gemini reports them).
 */
export function instrumentModel(model: TurnModel, metrics: Metrics, modelId: string): TurnModel {
  return {
    name: model.name,
    async propose(input: TurnInput): Promise<Proposal> {
      const started = performance.now();
      let outcome = 'ok';
      try {
        return await model.propose(input);
      } catch (error) {
        outcome = error instanceof ModelError ? error.kind : 'error';
        throw error;
      } finally {
        metrics.modelCall(modelId, outcome, seconds(started));
      }
    },
  };
}

/** Which claim a key is, for `events_deduplicated_total{source}` (keys.ts and the adapters' keys). */
function claimSource(prefix: string, key: string): string {
  const rest = key.startsWith(prefix) ? key.slice(prefix.length) : key;
  if (rest.startsWith('event:')) return 'engine';
  if (rest.startsWith('slack:')) return 'slack';
  if (rest.startsWith('discord:')) return 'discord';
  return 'other';
}

/**
 * The store with: failures counted as `redis_errors_total{operation}`, time spent in
 * `acquireLock` as `lock_wait_seconds`, and claims already taken (`setIfAbsent` → false: every
 * caller uses it to claim a delivery once) as `events_deduplicated_total{source}`. A proxy, so
 * methods added to `StateStore` later are forwarded (and their failures counted) unchanged.
 */
export function instrumentStore<S extends StateStore>(
  store: S,
  metrics: Metrics,
  prefix: string,
): S {
  const counted = async (operation: string, call: () => Promise<unknown>): Promise<unknown> => {
    try {
      return await call();
    } catch (error) {
      if (!(error instanceof LockTimeoutError)) metrics.redisError(operation);
      throw error;
    }
  };
  return new Proxy(store, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string' || key === 'close') return value;
      const method = value as (...args: unknown[]) => Promise<unknown>;
      return async (...args: unknown[]) => {
        const started = performance.now();
        try {
          const result = await counted(key, () => method.apply(target, args));
          if (key === 'setIfAbsent' && result === false)
            metrics.eventDeduplicated(claimSource(prefix, String(args[0])));
          // The turn's claim + lock + load step: a claim already taken is a repeat too, and a
          // lock taken in the step is a lock wait of that step's length (else `acquireLock`
          // follows and is timed itself).
          if (key === 'claimLockAndGet') {
            const start = result as { claimed: boolean; lock?: unknown };
            if (!start.claimed && args[0])
              metrics.eventDeduplicated(claimSource(prefix, (args[0] as { key: string }).key));
            if (start.claimed && start.lock) metrics.lockWait(seconds(started));
          }
          return result;
        } finally {
          if (key === 'acquireLock') metrics.lockWait(seconds(started));
        }
      };
    },
  });
}
