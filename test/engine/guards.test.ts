import { STORE_FAILED_TEXT } from '../../src/engine/engine';
import type { Reply } from '../../src/engine/reply';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import type { TurnModel } from '../../src/model/proposal';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';
import {
  blocksOf,
  deleteRedisPrefix,
  Harness,
  TEST_REDIS_URL,
  textOf,
  VIDEO_SCRIPT,
} from '../support/harness';

/** The offline model, counting its calls. */
class CountingModel implements TurnModel {
  readonly name = 'counting';
  calls = 0;
  private readonly inner = new OfflineTurnModel();
  propose(input: Parameters<TurnModel['propose']>[0]) {
    this.calls += 1;
    return this.inner.propose(input);
  }
}

const alice = { id: 'U_ALICE', name: 'alice' };

describe('spend and usage guards', () => {
  let h: Harness;
  afterEach(async () => {
    await h.close();
    await deleteRedisPrefix(h.prefix);
  });

  it('WORKSPACE_DAILY_BUDGET_CAP refuses a launch past the cap with the figures, before any TikTok call', async () => {
    h = await Harness.start({
      redis: true,
      settings: { guards: { workspace_daily_budget_cap: 120 } },
    });
    for (const n of ['1', '2']) {
      const t = h.thread(n);
      await t.script(VIDEO_SCRIPT);
      expect(blocksOf(await t.act('approve', alice)).some((b) => b.type === 'result')).toBe(true);
    }
    const t = h.thread('3');
    await t.script(VIDEO_SCRIPT);
    const before = h.client.calls;
    const refused = await t.act('approve', alice);
    expect(textOf(refused)).toContain(
      "this workspace already launched 100 USD of daily budgets today (UTC), and this ad's 50 USD would make 150 USD, over the cap of 120 USD a day",
    );
    expect(textOf(refused)).toMatch(/Lower the budget to 20 USD or less/);
    expect(h.client.calls).toBe(before);
    expect(h.emulator.counts().campaigns).toBe(2);
    // "Try again" (retry) checks the cap again: still over.
    expect(textOf(await t.act('retry', alice))).toMatch(/over the cap of 120 USD/);
    // Lowering the budget within what is left gets it through.
    await t.say('set budget to 20');
    expect(blocksOf(await t.act('approve', alice)).some((b) => b.type === 'result')).toBe(true);
  });

  it('the cap holds under concurrent submissions in many threads', async () => {
    h = await Harness.start({
      redis: true,
      settings: { guards: { workspace_daily_budget_cap: 160 } },
    });
    const threads = ['a', 'b', 'c', 'd', 'e', 'f'].map((n) => h.thread(n));
    for (const t of threads) await t.script(VIDEO_SCRIPT);
    const results = await Promise.all(threads.map((t) => t.act('approve', alice)));
    const launched = results.filter((r) => blocksOf(r).some((b) => b.type === 'result'));
    expect(launched).toHaveLength(3);
    expect(h.emulator.counts().campaigns).toBe(3);
    expect(results.filter((r) => /over the cap of 160 USD/.test(textOf(r)))).toHaveLength(3);
  });

  it('LLM calls per user per hour: over quota the user is told when to go on and the model is not called', async () => {
    const model = new CountingModel();
    h = await Harness.start({
      redis: true,
      model,
      settings: { guards: { llm_calls_per_user_per_hour: 3 } },
    });
    const t = h.thread();
    await t.script(VIDEO_SCRIPT.slice(0, 3));
    expect(model.calls).toBe(3);
    const before = await t.state();
    const refused = await t.say('https://shop.example.com/summer');
    expect(textOf(refused)).toMatch(
      /I have answered 3 messages for you this hour.*You can go on at \d\d:\d\d UTC/,
    );
    expect(model.calls).toBe(3);
    expect(await t.state()).toEqual(before);
    // Someone else in the workspace is not limited by this user's quota.
    await t.say('https://shop.example.com/summer', { user: alice });
    expect(model.calls).toBe(4);
  });

  it('LLM calls per workspace per hour count every user of the workspace', async () => {
    const model = new CountingModel();
    h = await Harness.start({
      redis: true,
      model,
      settings: { guards: { llm_calls_per_workspace_per_hour: 2 } },
    });
    const t = h.thread();
    await t.say(VIDEO_SCRIPT[0] ?? '');
    await t.say(VIDEO_SCRIPT[1] ?? '', { user: alice });
    const refused = await h.thread('2', alice).say('Create a campaign called Other for traffic');
    expect(textOf(refused)).toMatch(/for this workspace this hour/);
    expect(model.calls).toBe(2);
  });

  it('a message longer than MAX_MESSAGE_CHARS is refused and never sent to the model', async () => {
    const model = new CountingModel();
    h = await Harness.start({ redis: true, model });
    const t = h.thread();
    await t.say(VIDEO_SCRIPT[0] ?? '');
    const before = await t.state();
    const refused = await t.say('x'.repeat(100_000));
    expect(textOf(refused)).toMatch(/That message is 100000 characters long; I read at most 2000/);
    expect(model.calls).toBe(1);
    expect(await t.state()).toEqual(before);
    const ok = await t.say('y'.repeat(1999));
    expect(model.calls).toBe(2);
    expect(textOf(ok)).not.toMatch(/characters long/);
  });
});

describe('Redis trouble is never silent', () => {
  it('a store failure mid-turn tells the user through the sink, and nothing of the turn is kept', async () => {
    let h: Harness | undefined;
    let failNext = false;
    const model = new CountingModel();
    const failing: TurnModel = {
      name: 'fails-redis',
      propose: async (input) => {
        // Redis goes away while the model is thinking, before the turn saves.
        if (failNext) await h?.store.close();
        return model.propose(input);
      },
    };
    h = await Harness.start({ redis: true, model: failing });
    const t = h.thread();
    await t.script(VIDEO_SCRIPT.slice(0, 2));
    const before = await t.state();
    failNext = true;
    const sunk: Reply[] = [];
    const replies = await h.engine.handle(
      {
        event_id: 'ev-redis-down',
        thread_id: t.id,
        platform: 'console',
        workspace_id: 'local',
        channel_id: 'local',
        user: t.user,
        type: 'message',
        text: 'Shop now',
      },
      (reply) => {
        sunk.push(reply);
      },
    );
    expect(textOf(sunk)).toContain(STORE_FAILED_TEXT);
    expect(replies.at(-1)?.blocks).toEqual([
      { type: 'text', tone: 'error', text: STORE_FAILED_TEXT },
    ]);
    const fresh = new RedisStateStore(TEST_REDIS_URL);
    try {
      expect(await fresh.get(new Keys(h.prefix).thread(t.id))).toEqual(before);
    } finally {
      await fresh.close();
      await h.close();
      await deleteRedisPrefix(h.prefix);
    }
  });
});
