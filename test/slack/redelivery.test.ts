import Redis from 'ioredis';
import { StaticAccessResolver } from '../../src/engine/access';
import type { StateStore } from '../../src/store/state-store';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { TEST_REDIS_URL } from '../support/harness';
import { CHANNEL, SlackRig, TEAM } from './slack-rig';
import { draftToApproval } from './to-approval';

// Slack has no idempotency key for posts: a reply posted just before the process died, its
// delivery mark never written, is sent again by the next process's sweep. Each post carries
// its outbox entry id in its metadata, and a resend first looks for it in the thread.
const ANA = 'U0ANA';
const BEN = 'U0BEN';
const access = () =>
  new StaticAccessResolver({
    access_token: EMULATOR_ACCESS_TOKEN,
    advertiser_id: EMULATOR_ADVERTISER_ID,
  });

/** `store`, except that no delivery mark is written: as if the process died after each post. */
function marksLost(store: StateStore): StateStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'outboxDelivered') return async () => false;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/** Deletes the keys matching `pattern`; returns how many there were. */
async function deleteKeys(pattern: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(pattern);
    if (keys.length > 0) await redis.del(...keys);
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

const APPROVAL_CARD = '"action_id":"tab:approve"';

describe('Slack: a reply posted before a crash is not posted again after the restart', () => {
  let rig: SlackRig | undefined;
  /** What outlives the first process (the stand-in and the emulator), closed after each test. */
  const shared: Array<{ close(): Promise<void> }> = [];
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
    for (const resource of shared.splice(0)) await resource.close();
  });

  it('the next process finds each post by its delivery id: one message each, and the card still works', async () => {
    const first = await SlackRig.start({
      access: access(),
      settings: { allow_self_approval: false },
      wrapStore: marksLost,
    });
    const thread = await draftToApproval(first, ANA);
    const thread_id = `slack:${TEAM}:${CHANNEL}:${thread}`;
    const posted = first.standin.messagesIn(CHANNEL, thread);
    const card = posted.find((m) => JSON.stringify(m.blocks).includes(APPROVAL_CARD));
    if (!card) throw new Error('no approval card');
    const waiting = await first.store.outboxPending(first.keys.outbox(thread_id));
    expect(waiting.length).toBeGreaterThan(3);
    expect(card.metadata?.event_type).toBe('tiktok_ad_bot_reply');
    // The crash came before the card's own keys too: its ts for edits and for reactions.
    expect(await deleteKeys(`${first.keys.prefix}slack:reply:*`)).toBeGreaterThan(0);
    expect(await deleteKeys(first.keys.messageRef(`slack:${TEAM}:${CHANNEL}:${card.ts}`))).toBe(1);
    const { standin, emulator, keys } = first;
    shared.push(standin, emulator);
    await first.close({ keepKeys: true, keepStandin: true, keepEmulator: true });

    rig = await SlackRig.start({
      access: access(),
      settings: { allow_self_approval: false },
      prefix: keys.prefix,
      standin,
      emulator,
    });
    const current = rig;
    const looked = standin.callsTo('conversations.replies').length;
    expect(await rig.engine.courier.sweepAll(() => current.adapter.sink)).toBe(waiting.length);
    await rig.idle();

    expect(standin.messagesIn(CHANNEL, thread).map((m) => m.ts)).toEqual(posted.map((m) => m.ts));
    expect(await rig.store.outboxPending(keys.outbox(thread_id))).toEqual([]);
    const lookUps = standin.callsTo('conversations.replies').slice(looked);
    expect(lookUps.length).toBeGreaterThan(0);
    expect(lookUps.length).toBeLessThanOrEqual(waiting.length);
    expect(lookUps.every((c) => c.params.include_all_metadata === 'true')).toBe(true);

    // The card found by its metadata was remembered again: a ✅ on it approves, and its later
    // states edit that same message instead of posting a second card.
    await rig.react(card.ts, BEN, 'white_check_mark');
    expect(rig.find(thread, 'Created on TikTok')).toBeDefined();
    const cards = standin
      .messagesIn(CHANNEL, thread)
      .filter((m) => m.versions.some((v) => JSON.stringify(v.blocks).includes(APPROVAL_CARD)));
    expect(cards.map((m) => m.ts)).toEqual([card.ts]);
    expect(card.versions.length).toBeGreaterThan(1);
  });

  it('a first attempt does not look anything up', async () => {
    rig = await SlackRig.start({ access: access(), settings: { allow_self_approval: false } });
    await draftToApproval(rig, ANA);
    expect(rig.standin.callsTo('conversations.replies')).toEqual([]);
    expect(rig.standin.callsTo('chat.postMessage').length).toBeGreaterThan(3);
  });
});
