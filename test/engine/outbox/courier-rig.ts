import { ReplyCourier } from '../../../src/engine/outbox/courier';
import type { Reply } from '../../../src/engine/reply';
import { silentLogger } from '../../../src/logging/logger';
import { Keys } from '../../../src/store/keys';
import { InMemoryStateStore } from '../../../src/store/memory-state-store';

/** The thread most courier tests deliver to. */
export const THREAD = 'slack:T1:C1:1700000000.000100';

/** The text of a reply's first block ('' when it is not a text block). */
export function textOf(reply: Reply): string {
  const block = reply.blocks[0];
  return block?.type === 'text' ? block.text : '';
}

/** A plain (unkeyed) text reply in `thread`. */
export function note(text: string, thread = THREAD): Reply {
  return { thread_id: thread, blocks: [{ type: 'text', text }] };
}

/**
 * Couriers of several processes over one in-memory store, with a fake clock: `courierOf(id)`
 * is the courier of process `id` (`gone` holds the ids of processes known dead), `save` puts
 * replies in a thread's outbox as that process's turn would, `tick` moves the clock.
 */
export function courierRig() {
  let nowMs = Date.parse('2026-01-01T00:00:00Z');
  const now = () => new Date(nowMs);
  const store = new InMemoryStateStore({ now: () => nowMs });
  const keys = new Keys(`courier-test-${Math.random().toString(16).slice(2)}:`);
  const gone = new Set<string>();
  const courierOf = (id: string) =>
    new ReplyCourier({
      store,
      keys,
      logger: silentLogger(),
      now,
      owner: { id, isGone: async (other) => gone.has(other) },
    });
  /** Saves `replies` in `thread`'s outbox as `courier`'s process would; returns the entries. */
  const save = async (courier: ReplyCourier, replies: Reply[], thread = THREAD) => {
    const entries = courier.entriesFor(replies);
    const lock = await store.acquireLock(keys.thread(thread), 10_000, 1_000);
    const saved = await store.saveWithOutbox(
      lock,
      keys.thread(thread),
      { status: 'submitting' },
      60_000,
      { ...courier.outboxOf(thread), entries, ttlMs: 3_600_000 },
      true,
    );
    if (!saved) throw new Error('the test save lost its lock');
    return entries;
  };
  const tick = (ms: number) => {
    nowMs += ms;
  };
  const pending = (thread = THREAD) => store.outboxPending(keys.outbox(thread));
  return { store, keys, gone, courierOf, save, tick, pending };
}
