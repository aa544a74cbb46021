import type { ChatEvent } from '../../src/engine/chat-event';
import type { Keys } from '../../src/store/keys';
import type { RedisStateStore } from '../../src/store/redis-state-store';

/**
 * Which events handed to the engine were really taken: the engine claims each event id once
 * (`Keys.event`), so an event counts when its claim key holds this test's claim. Repeats share
 * the key; only the first one handed over counts.
 */
export class TurnsTaken {
  private readonly claimed = new Set<string>();
  constructor(
    store: RedisStateStore,
    private readonly keys: Keys,
    private readonly passed: ChatEvent[],
  ) {
    const claimLockAndGet = store.claimLockAndGet.bind(store);
    store.claimLockAndGet = async <T>(
      claim: { key: string; ttlMs: number } | null,
      lockKey: string,
      lockTtlMs: number,
      key: string,
    ) => {
      const start = await claimLockAndGet<T>(claim, lockKey, lockTtlMs, key);
      if (claim && start.claimed) this.claimed.add(claim.key);
      return start;
    };
    const setIfAbsent = store.setIfAbsent.bind(store);
    store.setIfAbsent = async (key, value, ttlMs) => {
      const took = await setIfAbsent(key, value, ttlMs);
      if (took) this.claimed.add(key);
      return took;
    };
  }

  events(): ChatEvent[] {
    const seen = new Set<string>();
    return this.passed.filter((event) => {
      const key = this.keys.event(event.event_id);
      if (!this.claimed.has(key) || seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }
}
