import { randomUUID } from 'node:crypto';
import type { Reply } from '../../src/engine/reply';
import type { ThreadState } from '../../src/engine/thread-state';
import { OfflineTurnModel } from '../../src/model/offline';
import type { TurnInput, TurnModel } from '../../src/model/turn';
import { RedisStateStore } from '../../src/store/redis-state-store';
import type { StateStore } from '../../src/store/state-store';
import { deleteRedisPrefix, Harness, TEST_REDIS_URL, textOf } from '../support/harness';

/** `store` with the name of every call recorded, in order. */
function recording(store: StateStore): { store: StateStore; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.push(String(property));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { store: proxy, calls };
}

/** The offline model, counting its proposals. */
class CountingModel implements TurnModel {
  readonly name = 'offline';
  readonly pure = true;
  calls = 0;
  private readonly inner = new OfflineTurnModel();
  propose(input: TurnInput) {
    this.calls += 1;
    return this.inner.propose(input);
  }
}

const START = 'Campaign called Fall Boots for traffic';

describe('optimistic turns: a message answered from this process’s copy, without the lock', () => {
  const prefix = `test:${randomUUID()}:`;
  const stores: RedisStateStore[] = [];
  const harnesses: Harness[] = [];
  /** A bot process on the shared Redis and prefix; `calls` lists its store calls. */
  async function bot(options: { model?: TurnModel; optimistic?: false } = {}) {
    const redis = new RedisStateStore(TEST_REDIS_URL);
    stores.push(redis);
    const { store, calls } = recording(redis);
    const harness = await Harness.start({
      redis: true,
      prefix,
      ...(options.model ? { model: options.model } : {}),
      engineDeps: { store, ...(options.optimistic === false ? { optimistic: false } : {}) },
    });
    harnesses.push(harness);
    return { harness, calls };
  }
  afterEach(async () => {
    for (const h of harnesses.splice(0)) await h.close();
    for (const s of stores.splice(0)) await s.close();
    await deleteRedisPrefix(prefix);
  });

  it('takes the thread in one step without a load, and says and saves what a locked turn does', async () => {
    const { harness, calls } = await bot();
    const thread = harness.thread('one-step');
    await thread.say(START);
    calls.length = 0;
    const replies = await thread.say('Ad text: Warm boots for cold days!');
    expect(calls).toEqual(['lockIfUnchanged', 'setAndReleaseLock']);

    // The same two messages on a bot without optimistic turns: the same replies and state.
    const locked = await bot({ optimistic: false });
    const other = locked.harness.thread('one-step-locked');
    await other.say(START);
    const lockedReplies = await other.say('Ad text: Warm boots for cold days!');
    expect(locked.calls).toContain('claimLockAndGet');
    expect(textOf(replies)).toBe(textOf(lockedReplies));
    const [mine, theirs] = [await thread.state(), await other.state()];
    expect(mine?.draft).toEqual(theirs?.draft);
    expect(mine?.revision).toBe(theirs?.revision);
  });

  it('never loses a change another process saved: its stale copy is thrown away and the locked turn runs', async () => {
    const a = await bot();
    const b = await bot();
    const id = 'two-processes';
    await a.harness.thread(id).say(START);
    await a.harness.thread(id).say('Ad text: Warm boots for cold days!');
    // Process B changes the thread; A's copy is now stale.
    await b.harness.thread(id).say('budget 80');
    a.calls.length = 0;
    const replies = await a.harness.thread(id).say('call to action: shop now');
    expect(a.calls.slice(0, 2)).toEqual(['lockIfUnchanged', 'claimLockAndGet']);
    const state = (await a.harness.saved(`console:local:${id}`)) as ThreadState;
    expect(state.draft.ad_text).toBe('Warm boots for cold days!');
    expect(state.draft.budget).toBe(80);
    expect(state.draft.call_to_action).toBe('SHOP_NOW');
    expect(textOf(replies)).toContain('Shop now');
    // A saved last, so its next message is optimistic again.
    a.calls.length = 0;
    await a.harness.thread(id).say('no music');
    expect(a.calls).toEqual(['lockIfUnchanged', 'setAndReleaseLock']);
  });

  it('handles a repeated event once, with one reply', async () => {
    const { harness } = await bot();
    const thread = harness.thread('repeat');
    await thread.say(START);
    const event_id = randomUUID();
    const first = await thread.say('Ad text: Warm boots for cold days!', { event_id });
    const state = await thread.state();
    const again = await thread.say('Ad text: Warm boots for cold days!', { event_id });
    expect(first.length).toBeGreaterThan(0);
    expect(again).toEqual([]);
    expect(await thread.state()).toEqual(state);
  });

  it('waits for a locked turn that is running, then sees its result', async () => {
    const { harness } = await bot();
    const thread = harness.thread('busy');
    await thread.say(START);
    await thread.say('Ad text: Warm boots for cold days!');
    const lock = await harness.store.acquireLock(harness.keys.threadLock(thread.id), 5000, 0);
    let answered = false;
    const pending = thread.say('budget 80').then((replies: Reply[]) => {
      answered = true;
      return replies;
    });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(answered).toBe(false);
    // What the locked turn saved while holding the lock.
    const saved = (await thread.state()) as ThreadState;
    saved.draft.call_to_action = 'SHOP_NOW';
    saved.revision += 1;
    await harness.store.setAndReleaseLock(lock, harness.keys.thread(thread.id), saved, 60_000);
    await pending;
    const state = (await thread.state()) as ThreadState;
    expect(state.draft.budget).toBe(80);
    expect(state.draft.call_to_action).toBe('SHOP_NOW');
  });

  it('a turn that needs TikTok (a music id) runs again on the locked copy, and the model is asked once', async () => {
    const model = new CountingModel();
    const { harness, calls } = await bot({ model });
    const thread = harness.thread('music');
    await thread.say('Campaign called Fall Boots for conversions');
    calls.length = 0;
    const before = model.calls;
    await thread.say('music_pop_2024');
    expect(model.calls).toBe(before + 1);
    // Locked from the copy: no second claim or load; the turn reads the link, then saves.
    expect(calls[0]).toBe('lockIfUnchanged');
    expect(calls).not.toContain('claimLockAndGet');
    expect(calls.at(-1)).toBe('setAndReleaseLock');
    expect((await thread.state())?.draft.music).toEqual({
      kind: 'existing',
      music_id: 'music_pop_2024',
    });
  });

  it('is not taken with a model that is not pure (it could cost or call out)', async () => {
    const offline = new OfflineTurnModel();
    const model: TurnModel = { name: 'gemini', propose: (input) => offline.propose(input) };
    const { harness, calls } = await bot({ model });
    const thread = harness.thread('not-pure');
    await thread.say(START);
    calls.length = 0;
    await thread.say('Ad text: Warm boots for cold days!');
    expect(calls).not.toContain('lockIfUnchanged');
    expect(calls[0]).toBe('claimLockAndGet');
  });
});
