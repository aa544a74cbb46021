import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import type { TurnInput, TurnModel } from '../../src/model/proposal';
import type { AdsApi } from '../../src/tiktok/ads-api';
import { blocksOf, CAROUSEL_SCRIPT, deleteRedisPrefix, Harness } from '../support/harness';

/** An AdsApi that forwards every call to `ads` (methods can then be replaced one by one). */
function delegateTo(ads: AdsApi): AdsApi {
  return {
    checkMusic: (...a) => ads.checkMusic(...a),
    listMusic: (...a) => ads.listMusic(...a),
    uploadMusic: (...a) => ads.uploadMusic(...a),
    uploadImage: (...a) => ads.uploadImage(...a),
    uploadVideo: (...a) => ads.uploadVideo(...a),
    listImages: (...a) => ads.listImages(...a),
    listVideos: (...a) => ads.listVideos(...a),
    listIdentities: (...a) => ads.listIdentities(...a),
    createIdentity: (...a) => ads.createIdentity(...a),
    createCampaign: (...a) => ads.createCampaign(...a),
    createAdGroup: (...a) => ads.createAdGroup(...a),
    createAd: (...a) => ads.createAd(...a),
    listAds: (...a) => ads.listAds(...a),
    findCampaigns: (...a) => ads.findCampaigns(...a),
    findAdGroups: (...a) => ads.findAdGroups(...a),
    updateStatus: (...a) => ads.updateStatus(...a),
    updateAdGroupBudget: (...a) => ads.updateAdGroupBudget(...a),
  };
}

/** Forwards to the real client, but "crashes the process" at one step, once. */
function crashingAt(step: 'after-campaign-saved' | 'after-campaign-sent'): (ads: AdsApi) => AdsApi {
  let crashed = false;
  return (ads) => {
    const wrapper = delegateTo(ads);
    wrapper.createCampaign = async (auth, body) => {
      const created = await ads.createCampaign(auth, body);
      if (step === 'after-campaign-sent' && !crashed) {
        crashed = true;
        throw new Error('simulated crash: process died before saving the campaign id');
      }
      return created;
    };
    wrapper.createAdGroup = async (auth, body) => {
      if (step === 'after-campaign-saved' && !crashed) {
        crashed = true;
        throw new Error('simulated crash: process died after the campaign step');
      }
      return ads.createAdGroup(auth, body);
    };
    return wrapper;
  };
}

describe('restarts, crashes, concurrency and duplicates (real Redis)', () => {
  const prefixes: string[] = [];
  afterAll(async () => {
    for (const p of prefixes) await deleteRedisPrefix(p);
  });

  it('a restart in the middle of a conversation continues where it was', async () => {
    const first = await Harness.start({ redis: true });
    prefixes.push(first.prefix);
    await first.thread().script(CAROUSEL_SCRIPT.slice(0, 3));
    await first.close({ keepEmulator: true });

    const second = await Harness.start({
      redis: true,
      prefix: first.prefix,
      emulator: first.emulator,
    });
    const t = second.thread();
    const replies = await t.say(CAROUSEL_SCRIPT[3] ?? '');
    expect(blocksOf(replies).find((b) => b.type === 'question')).toMatchObject({
      field: 'landing_page_url',
    });
    await t.script(CAROUSEL_SCRIPT.slice(4));
    const done = await t.act('approve');
    expect(blocksOf(done).some((b) => b.type === 'result')).toBe(true);
    expect((await t.state())?.draft).toMatchObject({
      campaign_name: 'SoluLab',
      ad_text: 'Grow your business with SoluLab blockchain experts',
    });
    await second.close();
    await first.emulator.close();
  });

  it.each(['after-campaign-saved', 'after-campaign-sent'] as const)(
    'a crash %s resumes on retry without a second campaign',
    async (step) => {
      const first = await Harness.start({ redis: true, wrapAds: crashingAt(step) });
      prefixes.push(first.prefix);
      const t1 = first.thread();
      await t1.script(CAROUSEL_SCRIPT);
      await expect(t1.act('approve')).rejects.toThrow(/simulated crash/);
      expect(first.emulator.counts().campaigns).toBe(1);
      const interrupted = await t1.state();
      expect(interrupted?.status).toBe('submitting');
      await first.close({ keepEmulator: true });

      const second = await Harness.start({
        redis: true,
        prefix: first.prefix,
        emulator: first.emulator,
      });
      const t2 = second.thread();
      const notice = await t2.say('hello?');
      expect(JSON.stringify(notice)).toMatch(/interrupted/);
      const replies = await t2.act('retry');
      expect(blocksOf(replies).find((b) => b.type === 'result')).toMatchObject({
        campaign_id: expect.any(String),
      });
      expect(first.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
      await second.close();
      await first.emulator.close();
    },
  );

  it('two events for one thread at once are handled one after the other, across processes', async () => {
    const spans: Array<[string, number, number]> = [];
    const offline = new OfflineTurnModel();
    const slow: TurnModel = {
      name: 'slow',
      async propose(input: TurnInput) {
        const start = Date.now();
        await new Promise((r) => setTimeout(r, 150));
        spans.push([input.message, start, Date.now()]);
        return offline.propose(input);
      },
    };
    const a = await Harness.start({ redis: true, model: slow });
    prefixes.push(a.prefix);
    const b = await Harness.start({
      redis: true,
      model: slow,
      prefix: a.prefix,
      emulator: a.emulator,
    });
    await a.thread().say('Create a campaign called Parallel Test for traffic');
    spans.length = 0;
    await Promise.all([
      a.thread().say('set budget to 75'),
      b.thread().say('set call to action to Shop now'),
    ]);
    expect(spans).toHaveLength(2);
    const [first, second] = [...spans].sort((x, y) => x[1] - y[1]);
    expect(second?.[1]).toBeGreaterThanOrEqual(first?.[2] ?? Number.POSITIVE_INFINITY);
    const saved = await a.thread().state();
    expect(saved?.draft).toMatchObject({
      budget: 75,
      call_to_action: 'SHOP_NOW',
      campaign_name: 'Parallel Test',
    });
    await b.close({ keepEmulator: true });
    await a.close();
  });

  it('a repeated event id is handled once, even when both arrive at once', async () => {
    let calls = 0;
    const offline = new OfflineTurnModel();
    const counting: TurnModel = {
      name: 'counting',
      propose(input) {
        calls += 1;
        return offline.propose(input);
      },
    };
    const h = await Harness.start({ redis: true, model: counting });
    prefixes.push(h.prefix);
    const t = h.thread();
    const [r1, r2] = await Promise.all([
      t.say('Create a campaign called Once Only for traffic', { event_id: 'Ev-1' }),
      t.say('Create a campaign called Once Only for traffic', { event_id: 'Ev-1' }),
    ]);
    const r3 = await t.say('Create a campaign called Once Only for traffic', { event_id: 'Ev-1' });
    expect(calls).toBe(1);
    expect([r1.length, r2.length].sort()).toEqual([0, expect.any(Number)]);
    expect(Math.max(r1.length, r2.length)).toBeGreaterThan(0);
    expect(r3).toEqual([]);
    expect((await t.state())?.revision).toBe(1);
    await h.close();
  });
});
