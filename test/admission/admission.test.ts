import { randomUUID } from 'node:crypto';
import { AdmissionControl, QUEUED_TEXT, TOO_BUSY_TEXT } from '../../src/admission/admission';
import { BoundedTurnModel } from '../../src/admission/bounded-model';
import { Semaphore } from '../../src/admission/semaphore';
import { StaticAccessResolver } from '../../src/engine/access';
import type { ChatEvent } from '../../src/engine/chat-event';
import { ConversationEngine } from '../../src/engine/engine';
import type { Reply } from '../../src/engine/reply';
import type { ThreadState } from '../../src/engine/thread-state';
import { silentLogger } from '../../src/logging/logger';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import type { Proposal, TurnInput, TurnModel } from '../../src/model/proposal';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';
import type { AdsApi } from '../../src/tiktok/ads-api';
import { deleteRedisPrefix, TEST_REDIS_URL, testSettings } from '../support/harness';

/** These turns never reach TikTok; any call fails the test. */
const NO_TIKTOK = new Proxy({} as AdsApi, {
  get: () => () => {
    throw new Error('unexpected TikTok call');
  },
});

/** The offline model, held at a gate: each call waits until the test opens it. */
class GatedModel implements TurnModel {
  readonly name = 'gated';
  private readonly offline = new OfflineTurnModel();
  private readonly gates: Array<() => void> = [];
  calls = 0;
  inFlight = 0;
  peak = 0;
  async propose(input: TurnInput): Promise<Proposal> {
    this.calls += 1;
    this.inFlight += 1;
    this.peak = Math.max(this.peak, this.inFlight);
    await new Promise<void>((resolve) => this.gates.push(resolve));
    this.inFlight -= 1;
    return this.offline.propose(input);
  }
  /** Lets every waiting call through. */
  openAll(): void {
    for (const open of this.gates.splice(0)) open();
  }
  get waiting(): number {
    return this.gates.length;
  }
}

/**
 * Polls until `check` holds, with no deadline of its own: however slow a busy machine makes the
 * turns, this waits for them (the poll interval decides nothing); a state never reached fails
 * at Jest's test timeout, and the loop ends when the next test starts.
 */
const until = async (check: () => boolean, what: string): Promise<void> => {
  const waiting = expect.getState().currentTestName;
  while (!check()) {
    if (expect.getState().currentTestName !== waiting) throw new Error(`never saw ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

describe('AdmissionControl in front of the real engine (real Redis)', () => {
  const prefix = `test:admission:${randomUUID()}:`;
  const keys = new Keys(prefix);
  let store: RedisStateStore;
  let model: GatedModel;
  let engine: ConversationEngine;

  beforeAll(() => {
    store = new RedisStateStore(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await deleteRedisPrefix(prefix);
    await store.close();
  });
  beforeEach(() => {
    model = new GatedModel();
    engine = new ConversationEngine({
      store,
      keys,
      model,
      ads: NO_TIKTOK,
      access: new StaticAccessResolver({ access_token: 't', advertiser_id: 'a' }),
      settings: testSettings(),
      logger: silentLogger(),
    });
  });

  let n = 0;
  const message = (thread: string, text: string, event_id = randomUUID()): ChatEvent => ({
    type: 'message',
    event_id,
    thread_id: `console:admission-${prefix}:${thread}`,
    platform: 'console',
    workspace_id: 'w',
    channel_id: 'c',
    user: { id: `U${++n}` },
    text,
  });
  const texts = (replies: Reply[]) =>
    replies.flatMap((r) => r.blocks.map((b) => (b.type === 'text' ? b.text : b.type)));

  it('runs at most maxTurnsInFlight turns; the others are acked, told they are queued, then answered', async () => {
    const admission = new AdmissionControl(engine, { maxTurnsInFlight: 2, maxQueued: 10 });
    const told: Reply[] = [];
    const sink = (reply: Reply) => {
      told.push(reply);
    };
    const pending = ['a', 'b', 'c', 'd'].map((t) =>
      admission.handle(message(t, 'campaign called Spring Sale'), sink),
    );
    await until(() => admission.stats().queued === 2 && model.waiting === 2, 'two queued');
    expect(admission.stats()).toMatchObject({ inFlight: 2, queued: 2, queuedTotal: 2 });
    // The two queued events heard at once that they wait; the running two said nothing yet.
    await until(() => told.length === 2, 'two notices');
    expect(told.map((r) => r.thread_id)).toEqual([
      message('c', '').thread_id,
      message('d', '').thread_id,
    ]);
    expect(texts(told)).toEqual([QUEUED_TEXT, QUEUED_TEXT]);
    while (model.calls < 4 || model.waiting > 0) {
      model.openAll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const results = await Promise.all(pending);
    expect(model.peak).toBe(2);
    expect(admission.stats().peakInFlight).toBe(2);
    for (const replies of results) expect(texts(replies)).toContain('question');
    expect(texts(results[2] ?? [])[0]).toBe(QUEUED_TEXT);
    // Every thread saved its turn: nothing was dropped.
    for (const t of ['a', 'b', 'c', 'd']) {
      const saved = await store.get<ThreadState>(keys.thread(message(t, '').thread_id));
      expect(saved?.draft.campaign_name).toBe('Spring Sale');
    }
    await admission.drain();
  });

  it('keeps the order of one thread: a later message runs after the earlier one, silently', async () => {
    const admission = new AdmissionControl(engine, { maxTurnsInFlight: 4, maxQueued: 10 });
    const told: Reply[] = [];
    const first = admission.handle(message('order', 'campaign called First Name'), (r) => {
      told.push(r);
    });
    const second = admission.handle(message('order', 'campaign called Second Name'), (r) => {
      told.push(r);
    });
    await until(
      () => admission.stats().queued === 1 && model.waiting === 1,
      'the first at the model, the second queued',
    );
    expect(model.calls).toBe(1);
    expect(told).toEqual([]); // waiting behind its own thread is not "busy"
    while (model.calls < 2 || model.waiting > 0) {
      model.openAll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all([first, second]);
    const saved = await store.get<ThreadState>(keys.thread(message('order', '').thread_id));
    expect(saved?.draft.campaign_name).toBe('Second Name');
    expect(saved?.recent.filter((l) => l.role === 'user').map((l) => l.text)).toEqual([
      'campaign called First Name',
      'campaign called Second Name',
    ]);
  });

  it('a repeated delivery waiting behind its own thread runs once (claimed in the engine step)', async () => {
    const admission = new AdmissionControl(engine, { maxTurnsInFlight: 4, maxQueued: 10 });
    const first = admission.handle(message('repeat', 'campaign called First Name'));
    const again = message('repeat', 'campaign called Second Name');
    const second = admission.handle(again);
    const retry = admission.handle({ ...again });
    await until(() => admission.stats().queued === 2, 'both copies queued');
    while (model.waiting > 0 || admission.stats().inFlight > 0) {
      model.openAll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const [, answered, repeated] = await Promise.all([first, second, retry]);
    expect(texts(answered ?? [])).toContain('question');
    expect(repeated).toEqual([]);
    expect(model.calls).toBe(2);
  });

  it('past the queue limit says "too busy" and does not run the event; a repeat is dropped before any notice', async () => {
    const admission = new AdmissionControl(engine, { maxTurnsInFlight: 1, maxQueued: 1 });
    const told: Reply[] = [];
    const sink = (r: Reply) => {
      told.push(r);
    };
    const running = admission.handle(message('x', 'campaign called Xeno'), sink);
    const queuedEvent = message('y', 'campaign called Yak');
    const queued = admission.handle(queuedEvent, sink);
    await until(() => admission.stats().queued === 1 && told.length === 1, 'one queued');
    const refused = await admission.handle(message('z', 'campaign called Zed'), sink);
    expect(texts(refused)).toEqual([TOO_BUSY_TEXT]);
    expect(admission.stats().refusedTotal).toBe(1);
    // The same delivery again (a retry) is a repeat: no notice, not queued twice.
    expect(await admission.handle({ ...queuedEvent }, sink)).toEqual([]);
    expect(texts(told)).toEqual([QUEUED_TEXT, TOO_BUSY_TEXT]);
    while (model.calls < 2 || model.waiting > 0) {
      model.openAll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all([running, queued]);
    expect(model.calls).toBe(2);
    expect(await store.get(keys.thread(message('z', '').thread_id))).toBeNull();
  });

  it('drain waits for running and queued turns', async () => {
    const admission = new AdmissionControl(engine, { maxTurnsInFlight: 1, maxQueued: 5 });
    const work = [admission.handle(message('d1', 'hi')), admission.handle(message('d2', 'hi'))];
    await until(() => model.waiting === 1, 'first running');
    let drained = false;
    const drain = admission.drain().then(() => {
      drained = true;
    });
    // Held at the model, the first turn cannot end: drain must still be waiting, whatever the
    // clock says, after the event loop has run everything that was ready.
    await new Promise((resolve) => setImmediate(resolve));
    expect(model.waiting).toBe(1);
    expect(drained).toBe(false);
    while (model.calls < 2 || model.waiting > 0) {
      model.openAll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(work);
    await drain;
    expect(drained).toBe(true);
    expect(admission.stats()).toMatchObject({ inFlight: 0, queued: 0 });
  });
});

describe('BoundedTurnModel and Semaphore', () => {
  it('never lets more than the limit of model calls run, in arrival order', async () => {
    const gated = new GatedModel();
    const bounded = new BoundedTurnModel(gated, 3);
    const input: TurnInput = {
      draft: {},
      status: 'collecting',
      missing: [],
      last_question: null,
      recent: [],
      message: 'hello',
    };
    const calls = Array.from({ length: 10 }, () => bounded.propose(input));
    await until(() => gated.waiting === 3, 'three in flight');
    expect(bounded.inFlight).toBe(3);
    expect(bounded.waiting).toBe(7);
    while (gated.calls < 10 || gated.waiting > 0) {
      gated.openAll();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await Promise.all(calls);
    expect(gated.peak).toBe(3);
    expect(bounded.peak).toBe(3);
    expect(bounded.inFlight).toBe(0);
  });

  it('gives places back when work fails, and rejects a bad limit', async () => {
    const places = new Semaphore(1);
    await expect(places.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await places.run(async () => 'next')).toBe('next');
    expect(places.inFlight).toBe(0);
    expect(() => new Semaphore(0)).toThrow(RangeError);
  });
});
