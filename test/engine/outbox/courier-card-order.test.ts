import { ReplyCourier } from '../../../src/engine/outbox/courier';
import type { Reply } from '../../../src/engine/reply';
import { silentLogger } from '../../../src/logging/logger';
import { Keys } from '../../../src/store/keys';
import { InMemoryStateStore } from '../../../src/store/memory-state-store';

// A progress card (replies sharing `key`) must end on its newest state: an older keyed entry
// must never be delivered after a newer one with the same key, whichever path sends it.
const THREAD = 'slack:T1:C1:1700000000.000100';
const CARD = 'submission-progress';

function card(text: string): Reply {
  return { thread_id: THREAD, key: CARD, blocks: [{ type: 'text', text }] };
}

function textOf(reply: Reply): string {
  const block = reply.blocks[0];
  return block?.type === 'text' ? block.text : '';
}

function setup() {
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
  /** Saves `replies` in the thread's outbox as `courier`'s process would; returns the entries. */
  const save = async (courier: ReplyCourier, replies: Reply[]) => {
    const entries = courier.entriesFor(replies);
    const lock = await store.acquireLock(keys.thread(THREAD), 10_000, 1_000);
    const saved = await store.saveWithOutbox(
      lock,
      keys.thread(THREAD),
      { status: 'submitting' },
      60_000,
      { ...courier.outboxOf(THREAD), entries, ttlMs: 3_600_000 },
      true,
    );
    expect(saved).toBe(true);
    return entries;
  };
  const shown: string[] = [];
  const sink = async (reply: Reply) => {
    if (reply.key === CARD) shown.push(textOf(reply));
  };
  const tick = (ms: number) => {
    nowMs += ms;
  };
  return { store, keys, gone, courierOf, save, shown, sink, tick };
}

describe('ReplyCourier: a progress card never goes back to an older state', () => {
  it('does not send a dead process’s card state after the new process sent a newer one', async () => {
    const t = setup();
    const dead = t.courierOf('host:1');
    const live = t.courierOf('host:2');
    // The dead process saved "Creating ads…" and was killed before delivering it.
    await t.save(dead, [card('Creating ads…')]);
    // The new process sweeps while the old owner is not yet known gone: nothing due.
    expect(await live.sweep(THREAD, t.sink)).toBe(0);
    // It resumes the submission and delivers the card's final state at once.
    t.tick(1_000);
    await live.send(THREAD, await t.save(live, [card('✓ Switch all on')]), t.sink);
    expect(t.shown).toEqual(['✓ Switch all on']);
    // Later the old owner is known gone; the next sweep must not bring the stale state back.
    t.gone.add('host:1');
    t.tick(1_000);
    await live.sweep(THREAD, t.sink);
    expect(t.shown.at(-1)).toBe('✓ Switch all on');
    expect(t.shown).not.toContain('Creating ads…');
    expect(await t.store.outboxPending(t.keys.outbox(THREAD))).toEqual([]);
  });

  it('does not resend an older card state the sink refused once a newer one went out', async () => {
    const t = setup();
    const courier = t.courierOf('host:1');
    let refuse = true;
    const flaky = async (reply: Reply) => {
      if (refuse) throw new Error('rate limited');
      await t.sink(reply);
    };
    await courier.send(THREAD, await t.save(courier, [card('Creating ads…')]), flaky);
    expect(t.shown).toEqual([]);
    refuse = false;
    t.tick(1_000);
    await courier.send(THREAD, await t.save(courier, [card('✓ Switch all on')]), flaky);
    t.tick(1_000);
    await courier.sweep(THREAD, flaky);
    expect(t.shown).toEqual(['✓ Switch all on']);
    expect(await t.store.outboxPending(t.keys.outbox(THREAD))).toEqual([]);
  });

  it('still sends every unkeyed reply and an older card state that nothing replaced', async () => {
    const t = setup();
    const dead = t.courierOf('host:1');
    const live = t.courierOf('host:2');
    const all: string[] = [];
    const sink = async (reply: Reply) => {
      all.push(textOf(reply));
    };
    await t.save(dead, [
      card('Creating ads…'),
      { thread_id: THREAD, blocks: [{ type: 'text', text: 'note' }] },
    ]);
    t.gone.add('host:1');
    expect(await live.sweep(THREAD, sink)).toBe(2);
    expect(all).toEqual(['Creating ads…', 'note']);
  });
});
