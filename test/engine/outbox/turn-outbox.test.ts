import { ReplyCourier } from '../../../src/engine/outbox/courier';
import { TurnOutbox } from '../../../src/engine/outbox/turn-outbox';
import type { Reply } from '../../../src/engine/reply';
import { silentLogger } from '../../../src/logging/logger';
import { useRedisStore } from '../../store/redis-test-support';
import { stateOf } from '../../support/thread-states';

const { keys, admin, store } = useRedisStore('turn-outbox');
const NOW = new Date('2026-12-07T12:00:00Z');
const courier = new ReplyCourier({ store, keys, logger: silentLogger(), now: () => NOW });

function setup(thread: string) {
  const state = stateOf({ thread_id: `slack:T1:C1:${thread}` });
  const seen: string[] = [];
  const sink = async (reply: Reply) => {
    const block = reply.blocks[0];
    seen.push(block?.type === 'text' ? block.text : (block?.type ?? ''));
  };
  const outbox = new TurnOutbox(
    { store, keys, courier, ttlMs: 60_000, now: () => NOW },
    state.thread_id,
    sink,
  );
  const say = (text: string): Reply => ({
    thread_id: state.thread_id,
    blocks: [{ type: 'text', text }],
  });
  return { state, seen, outbox, say };
}

describe('TurnOutbox (real Redis)', () => {
  it('says nothing before the save, then delivers the held replies with the state saved', async () => {
    const { state, seen, outbox, say } = setup('1.1');
    outbox.hold(say('Approved. Submitting…'));
    expect(seen).toEqual([]);
    const lock = await store.acquireLock(keys.threadLock(state.thread_id), 5_000, 1_000);
    expect(await outbox.save(lock, { ...state, status: 'submitting' }, true)).toBe(true);
    await outbox.delivered();
    expect(seen).toEqual(['Approved. Submitting…']);
    expect(outbox.saved).toMatchObject({ status: 'submitting', updated_at: NOW.toISOString() });
    expect(await store.get(keys.thread(state.thread_id))).toMatchObject({ status: 'submitting' });
    expect(await admin.llen(courier.outboxOf(state.thread_id).key)).toBe(0);
  });

  it('drops the replies and saves nothing when the lock was lost', async () => {
    const { state, seen, outbox, say } = setup('2.2');
    const lock = await store.acquireLock(keys.threadLock(state.thread_id), 5_000, 1_000);
    await store.releaseLock(lock);
    const thief = await store.acquireLock(keys.threadLock(state.thread_id), 5_000, 1_000);
    outbox.hold(say('Saved.'));
    expect(await outbox.save(lock, { ...state, status: 'submitted' }, true)).toBe(false);
    await outbox.delivered();
    expect(seen).toEqual([]);
    expect(outbox.saved).toBeNull();
    expect(await store.get(keys.thread(state.thread_id))).toBeNull();
    await store.releaseLock(thief);
  });

  it('sends held replies of a turn that saved nothing, and forgets dropped ones', async () => {
    const { seen, outbox, say } = setup('3.3');
    outbox.hold(say('dropped'));
    expect(outbox.drop().map((r) => r.blocks[0])).toEqual([{ type: 'text', text: 'dropped' }]);
    outbox.hold(say('Nothing to approve yet.'));
    outbox.sendHeld();
    outbox.sendNow(say("I couldn't save that; nothing changed."));
    await outbox.delivered();
    expect(seen).toEqual(['Nothing to approve yet.', "I couldn't save that; nothing changed."]);
  });
});
