import { StaticAccessResolver } from '../../src/engine/access';
import {
  STILL_SUBMITTING_TEXT,
  STORAGE_DOWN_START_TEXT,
  STORE_FAILED_TEXT,
} from '../../src/engine/engine';
import type { AdsApi } from '../../src/tiktok/ads-api';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { OwnRedis } from '../support/own-redis';
import { CHANNEL, SlackRig } from './slack-rig';
import { draftToApproval } from './to-approval';

const ANA = 'U0ANA'; // requester
const BEN = 'U0BEN'; // approver

/** Polls `check` until it holds (an outcome that follows a timer in the bot), at most 20 s. */
async function until(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * Redis stops answering (its own redis-server, paused with SIGSTOP by pid), and each user is
 * told the truth: a new draft is refused in private with nothing started, a thread message
 * changes nothing and says so, and a submission in flight says it is still working (never "try
 * again"), then posts its outcome once Redis answers again, without a second approval.
 */
describe('Slack: a Redis outage is said every time', () => {
  let redis: OwnRedis;
  let rig: SlackRig | undefined;
  beforeAll(async () => {
    redis = await OwnRedis.start();
  });
  afterEach(async () => {
    redis.resume();
    await rig?.close({ keepKeys: true });
  });
  afterAll(async () => {
    await redis.stop();
  });

  it('slash command, thread message, and a submission paused after its campaign', async () => {
    const pause = { armed: false };
    const wrapAds = (ads: AdsApi): AdsApi =>
      new Proxy(ads, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver);
          if (typeof value !== 'function') return value;
          // Bound to the client itself: its methods use private fields.
          if (prop !== 'createCampaign') return value.bind(target);
          return async (...args: unknown[]) => {
            const created = await value.apply(target, args);
            // TikTok made the campaign; Redis stops before its id can be saved.
            if (pause.armed) redis.pause();
            pause.armed = false;
            return created;
          };
        },
      });
    rig = await SlackRig.start({
      access: new StaticAccessResolver({
        access_token: EMULATOR_ACCESS_TOKEN,
        advertiser_id: EMULATOR_ADVERTISER_ID,
      }),
      settings: { allow_self_approval: false },
      redisUrl: redis.url,
      wrapAds,
    });
    const thread = await draftToApproval(rig, ANA);
    const roots = () => rig?.standin.messages.filter((m) => m.channel === CHANNEL && !m.thread_ts);
    const rootsBefore = roots()?.length;

    // 1. /tiktok-ad while Redis is paused: told in private, no thread opened.
    redis.pause();
    await rig.command('Create a campaign called Winter Sale for traffic', BEN);
    const responses = rig.standin.calls.filter((c) => c.method === 'response_url');
    expect(responses.at(-1)?.params).toMatchObject({
      response_type: 'ephemeral',
      text: STORAGE_DOWN_START_TEXT,
    });
    expect(roots()?.length).toBe(rootsBefore);

    // 2. A thread message while Redis is paused: nothing changes, and the thread says so.
    await rig.say(thread, ANA, 'budget 80');
    expect(rig.threadText(thread)).toContain(STORE_FAILED_TEXT);
    redis.resume();
    expect((await rig.saved(thread))?.draft.budget).toBeUndefined();

    // 3. Approved; Redis pauses right after TikTok created the campaign.
    const card = rig.find(thread, '"action_id":"tab:approve"');
    if (!card) throw new Error(`no approval card in ${rig.threadText(thread)}`);
    pause.armed = true;
    await rig.click(card, BEN, 'tab:approve');
    expect(rig.threadText(thread)).toContain('Approved. Submitting to TikTok');
    expect(rig.threadText(thread)).toContain(STILL_SUBMITTING_TEXT);
    expect(rig.threadText(thread)).not.toMatch(/something went wrong|try again/i);
    redis.resume();

    // The engine resumes once Redis answers; the outcome is posted once, no duplicate objects.
    await until(
      async () => (await rig?.saved(thread))?.status === 'submitted',
      'the submission to finish',
    );
    await until(
      () => (rig?.threadText(thread) ?? '').includes('Your ad was created on TikTok'),
      'the result',
    );
    await rig.idle();
    const text = rig.threadText(thread);
    expect(text.match(/Your ad was created on TikTok and switched on/g)).toHaveLength(1);
    expect(rig.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
  }, 60_000);
});
