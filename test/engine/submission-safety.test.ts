import { THREAD_LOCK_TTL_MS } from '../../src/engine/engine';
import type { Reply } from '../../src/engine/reply';
import { ProcessOwner } from '../../src/engine/submission/owner';
import { SubmissionResumer } from '../../src/engine/submission/resume';
import type { SubmissionAuditRecord } from '../../src/engine/submission/submit-draft';
import { silentLogger } from '../../src/logging/logger';
import type { AdsApi } from '../../src/tiktok/ads-api';
import type { TikTokEmulator } from '../../src/tiktok/emulator';
import { blocksOf, deleteRedisPrefix, Harness, textOf, VIDEO_SCRIPT } from '../support/harness';

/** Forwards every call to `ads`; `crashAfter` throws (a "process death") after that call returns. */
function crashingAfter(method: keyof AdsApi, nth = 1): (ads: AdsApi) => AdsApi {
  let seen = 0;
  return (ads) =>
    new Proxy(ads, {
      get(target, prop, receiver) {
        const value = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const result = await value.apply(target, args);
          if (prop === method && ++seen === nth) throw new Error(`simulated crash after ${method}`);
          return result;
        };
      },
    });
}

function statuses(emulator: TikTokEmulator) {
  const s = emulator.state;
  const of = (m: Map<string, Record<string, unknown>>) =>
    [...m.values()].map((o) => String(o.operation_status));
  return { campaigns: of(s.campaigns), adgroups: of(s.adgroups), ads: of(s.ads) };
}

function liveCount(emulator: TikTokEmulator): number {
  const all = statuses(emulator);
  return [...all.campaigns, ...all.adgroups, ...all.ads].filter((x) => x === 'ENABLE').length;
}

const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await deleteRedisPrefix(p);
});

async function start(options: Parameters<typeof Harness.start>[0] = {}): Promise<Harness> {
  const h = await Harness.start({ redis: true, ...options });
  prefixes.push(h.prefix);
  return h;
}

/**
 * A harness whose first draft was approved while ad/create/ kept failing (campaign and ad group
 * made, no ad): the thread, and its state just after the failure. Faults are still set.
 */
async function failedAtAdCreate() {
  const h = await start();
  const t = h.thread();
  await t.script(VIDEO_SCRIPT);
  h.emulator.faults.set({ kind: 'server', endpoint: 'ad/create/', times: 10 });
  await t.act('approve');
  return { h, t, failed: await t.state() };
}

describe('nothing live until it is complete', () => {
  it('creates all three DISABLE, then switches them on in a final step shown in the progress', async () => {
    const audit: SubmissionAuditRecord[] = [];
    const h = await start({ engineDeps: { audit: async (r) => void audit.push(r) } });
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    const replies = await t.act('approve');
    const progress = blocksOf(replies).filter((b) => b.type === 'progress');
    const last = progress.at(-1);
    expect(last).toMatchObject({
      steps: [
        { step: 'campaign', status: 'done' },
        { step: 'adgroup', status: 'done' },
        { step: 'ad', status: 'done' },
        { step: 'enable', label: 'Switch all on', status: 'done' },
      ],
    });
    expect(
      progress.some((b) =>
        JSON.stringify(b).includes('"step":"enable","label":"Switch all on","status":"running"'),
      ),
    ).toBe(true);
    expect(statuses(h.emulator)).toEqual({
      campaigns: ['ENABLE'],
      adgroups: ['ENABLE'],
      ads: ['ENABLE'],
    });
    expect(h.emulator.counts().calls).toMatchObject({
      'campaign/status/update/': 1,
      'adgroup/status/update/': 1,
      'ad/status/update/': 1,
    });
    expect(audit.map((r) => `${r.event}${'level' in r ? `:${r.level}` : ''}`)).toEqual([
      'submission_started',
      'tiktok_create:campaign',
      'tiktok_create:adgroup',
      'tiktok_create:ad',
      'tiktok_enable:ad',
      'tiktok_enable:adgroup',
      'tiktok_enable:campaign',
      'submission_finished',
    ]);
    const created = audit.find((r) => r.event === 'tiktok_create' && r.level === 'campaign');
    expect(created).toMatchObject({
      request_id: expect.stringMatching(/^\d+$/),
      tiktok_request_id: expect.stringMatching(/^\d{20}$/),
      object_id: expect.any(String),
      thread_id: t.id,
    });
    expect(JSON.stringify(audit)).not.toContain('emulator-access-token');
    await h.close();
  });

  it.each(['createCampaign', 'createAdGroup', 'createAd', 'updateStatus'] as const)(
    'a crash after %s leaves only disabled objects',
    async (method) => {
      const h = await start({ wrapAds: crashingAfter(method) });
      const t = h.thread();
      await t.script(VIDEO_SCRIPT);
      await expect(t.act('approve')).rejects.toThrow(/simulated crash/);
      const all = statuses(h.emulator);
      // After the first enable (the ad) nothing delivers: its ad group and campaign are still off.
      expect(all.campaigns).not.toContain('ENABLE');
      expect(all.adgroups).not.toContain('ENABLE');
      expect((await t.state())?.status).toBe('submitting');
      await h.close();
    },
  );
});

describe('creates that are never doubled', () => {
  it('a lost ad/create reply (502 after the ad exists) yields one ad, adopted by name', async () => {
    const h = await start();
    h.emulator.faults.set({ kind: 'lose_reply', endpoint: 'ad/create/' });
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    const replies = await t.act('approve');
    expect(blocksOf(replies).find((b) => b.type === 'result')).toBeDefined();
    expect(h.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    expect(h.emulator.counts().calls['ad/create/']).toBe(1);
    expect(statuses(h.emulator).ads).toEqual(['ENABLE']);
    await h.close();
  });

  it('a lost ad/create reply by timeout yields one ad too', async () => {
    const h = await start({ timeoutMs: 400 });
    h.emulator.faults.set({ kind: 'lose_reply', endpoint: 'ad/create/', as: 'timeout' });
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    await t.act('approve');
    expect(h.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    expect((await t.state())?.status).toBe('submitted');
    await h.close();
  });

  it.each(['campaign/create/', 'adgroup/create/'])(
    'with 40050 answers, a lost %s reply is adopted by name (one object, submitted)',
    async (endpoint) => {
      const h = await start();
      h.emulator.state.duplicateMode = '40050';
      h.emulator.faults.set({ kind: 'lose_reply', endpoint });
      const t = h.thread();
      await t.script(VIDEO_SCRIPT);
      const replies = await t.act('approve');
      expect(textOf(replies)).not.toMatch(/remediation/);
      expect(h.emulator.counts().calls[endpoint]).toBe(2);
      expect(h.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
      expect((await t.state())?.status).toBe('submitted');
      await h.close();
    },
  );

  it('names stay within 512 characters for a 512-character campaign name', async () => {
    const h = await start();
    const t = h.thread();
    const long = `Campaign ${'x'.repeat(503)}`;
    expect(long).toHaveLength(512);
    await t.script([`Create a campaign called ${long} for traffic`, ...VIDEO_SCRIPT.slice(1)]);
    expect((await t.state())?.draft.campaign_name).toHaveLength(512);
    await t.act('approve');
    const s = h.emulator.state;
    const names = [
      ...[...s.campaigns.values()].map((o) => String(o.campaign_name)),
      ...[...s.adgroups.values()].map((o) => String(o.adgroup_name)),
      ...[...s.ads.values()].map((o) => String(o.ad_name)),
    ];
    expect(names).toHaveLength(3);
    for (const n of names) expect(n.length).toBeLessThanOrEqual(512);
    expect((await t.state())?.status).toBe('submitted');
    await h.close();
  });
});

describe('one submission identity per draft attempt', () => {
  it('a reset after a failed submission makes a new draft with its own campaign', async () => {
    const { h, t, failed } = await failedAtAdCreate();
    expect(failed?.status).toBe('failed');
    h.emulator.faults.clear();
    await t.act('reset');
    expect((await t.state())?.draft_id).not.toBe(failed?.draft_id);
    await t.script(VIDEO_SCRIPT);
    const replies = await t.act('approve');
    const result = blocksOf(replies).find((b) => b.type === 'result');
    expect(result).toMatchObject({ campaign_id: expect.any(String) });
    expect(result && 'campaign_id' in result && result.campaign_id).not.toBe(
      failed?.submission?.campaign_id,
    );
    expect(h.emulator.counts()).toMatchObject({ campaigns: 2, adgroups: 2, ads: 1 });
    // The abandoned attempt's objects were never switched on, and are now deleted.
    const oldId = failed?.submission?.campaign_id ?? '';
    expect(h.emulator.state.campaigns.get(oldId)?.operation_status).toBe('DELETE');
    expect(textOf(replies)).toContain('Cleaned up after the draft this thread started over from');
    expect(textOf(replies)).toContain(`Deleted campaign ${oldId}`);
    expect((await t.state())?.abandoned).toBeUndefined();
    await h.close();
  });

  it('a saved draft from before draft ids gets one when loaded', async () => {
    const h = await start();
    const t = h.thread();
    await t.say('Create a campaign called Legacy for traffic');
    const saved = await t.state();
    if (!saved) throw new Error('no state');
    delete saved.draft_id;
    await h.store.set(h.keys.thread(t.id), saved);
    await t.say('set budget to 75');
    const loaded = await t.state();
    expect(loaded?.draft_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(loaded?.draft).toMatchObject({ campaign_name: 'Legacy', budget: 75 });
    await h.close();
  });

  it('two terminal sessions (both console:local:1) against one emulator each create their own campaign', async () => {
    const a = await Harness.start();
    const b = await Harness.start({ emulator: a.emulator });
    for (const h of [a, b]) {
      const t = h.thread('1');
      expect(t.id).toBe('console:local:1');
      await t.script(VIDEO_SCRIPT);
      await t.act('approve');
      expect((await t.state())?.status).toBe('submitted');
    }
    const ids = [
      (await a.saved('console:local:1'))?.submission,
      (await b.saved('console:local:1'))?.submission,
    ];
    expect(ids[0]?.campaign_id).not.toBe(ids[1]?.campaign_id);
    expect(a.emulator.counts()).toMatchObject({ campaigns: 2, adgroups: 2, ads: 2 });
    await b.close();
    await a.close();
  });

  it('a budget edit after a partial failure reuses the campaign and ad group and updates the budget', async () => {
    const { h, t, failed } = await failedAtAdCreate();
    h.emulator.faults.clear();
    await t.say('budget 80');
    const replies = await t.act('approve');
    const text = textOf(replies);
    expect(text).toContain(`Reusing campaign ${failed?.submission?.campaign_id}`);
    expect(text).toMatch(/Changed the budget of ad group \d+ from 50 to 80/);
    expect(h.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    const group = h.emulator.state.adgroups.get(failed?.submission?.adgroup_id ?? '');
    expect(group).toMatchObject({ budget: 80, operation_status: 'ENABLE' });
    await h.close();
  });

  it('a name edit after a partial failure deletes the old campaign and says so', async () => {
    const { h, t, failed } = await failedAtAdCreate();
    h.emulator.faults.clear();
    await t.say('change the campaign name to Winter Sale');
    expect((await t.state())?.draft.campaign_name).toBe('Winter Sale');
    const replies = await t.act('approve');
    const oldId = failed?.submission?.campaign_id ?? '';
    expect(textOf(replies)).toContain(`Deleted campaign ${oldId}`);
    expect(h.emulator.state.campaigns.get(oldId)?.operation_status).toBe('DELETE');
    expect(
      h.emulator.state.adgroups.get(failed?.submission?.adgroup_id ?? '')?.operation_status,
    ).toBe('DELETE');
    const live = [...h.emulator.state.campaigns.values()].filter(
      (c) => c.operation_status === 'ENABLE',
    );
    expect(live.map((c) => String(c.campaign_name))).toEqual(['Winter Sale']);
    await h.close();
  });
});

describe('automatic resume', () => {
  it('a submission whose process died is resumed by another process and the thread is told', async () => {
    const first = await start();
    const dead = new ProcessOwner({ store: first.store, keys: first.keys, host: 'crashed-host' });
    const firstEngine = await Harness.start({
      redis: true,
      prefix: first.prefix,
      emulator: first.emulator,
      wrapAds: crashingAfter('createAdGroup'),
      engineDeps: { owner: dead },
    });
    const t = firstEngine.thread();
    await t.script(VIDEO_SCRIPT);
    await expect(t.act('approve')).rejects.toThrow(/simulated crash/);
    expect(liveCount(first.emulator)).toBe(0);
    const interrupted = await t.state();
    expect(interrupted?.submission?.owner).toBe(dead.id);
    await firstEngine.close({ keepEmulator: true });

    const second = await Harness.start({
      redis: true,
      prefix: first.prefix,
      emulator: first.emulator,
    });
    const owner = new ProcessOwner({ store: second.store, keys: second.keys, ttlMs: 1000 });
    await owner.start();
    const shown: Reply[] = [];
    const resumer = new SubmissionResumer({
      store: second.store,
      keys: second.keys,
      owner,
      engine: second.engine,
      sinkFor: () => (reply) => void shown.push(reply),
      logger: silentLogger(),
    });
    // The dead owner never wrote a heartbeat on this host's Redis: it counts as gone.
    const result = await resumer.scan();
    expect(result.resumed).toEqual([t.id]);
    expect(textOf(shown)).toMatch(/restarted while submitting/);
    expect(blocksOf(shown).find((b) => b.type === 'result')).toBeDefined();
    expect(first.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    expect((await second.saved(t.id))?.status).toBe('submitted');
    expect(await second.store.members(second.keys.submissionsInFlight())).toEqual([]);
    expect((await resumer.scan()).resumed).toEqual([]);
    await resumer.stop();
    await owner.stop();
    await second.close();
    await first.close();
  });

  it('a submission whose owner is alive elsewhere is left alone until its heartbeat stops', async () => {
    const h = await start({ wrapAds: crashingAfter('createCampaign') });
    const other = new ProcessOwner({
      store: h.store,
      keys: h.keys,
      host: 'other-host',
      ttlMs: 600,
    });
    await other.start();
    const worker = await Harness.start({
      redis: true,
      prefix: h.prefix,
      emulator: h.emulator,
      wrapAds: crashingAfter('createCampaign'),
      engineDeps: { owner: other },
    });
    const t = worker.thread();
    await t.script(VIDEO_SCRIPT);
    await expect(t.act('approve')).rejects.toThrow(/simulated crash/);
    const me = new ProcessOwner({ store: h.store, keys: h.keys });
    const resumer = new SubmissionResumer({
      store: h.store,
      keys: h.keys,
      owner: me,
      engine: h.engine,
      sinkFor: () => undefined,
      logger: silentLogger(),
    });
    expect(await resumer.scan()).toEqual({ resumed: [], waiting: [t.id] });
    // The other process dies: its heartbeat key expires after its TTL.
    await other.stop({ keepKey: true });
    await new Promise((r) => setTimeout(r, 700));
    expect((await resumer.scan()).resumed).toEqual([t.id]);
    expect((await h.saved(t.id))?.status).toBe('submitted');
    expect(h.emulator.counts()).toMatchObject({ campaigns: 1, adgroups: 1, ads: 1 });
    await worker.close({ keepEmulator: true });
    await h.close();
  });

  it('a crashed process thread lock is reclaimed within the default lock TTL (5 s), not 30 s', async () => {
    expect(THREAD_LOCK_TTL_MS).toBeLessThanOrEqual(5000);
    // No lock option: the engine's defaults.
    const h = await start({ engineDeps: { lock: undefined } as never });
    const t = h.thread();
    // A process took the lock and died (never renewed, never released).
    await h.store.acquireLock(h.keys.threadLock(t.id), THREAD_LOCK_TTL_MS, 0);
    const started = Date.now();
    await t.say('Create a campaign called Lock Test for traffic');
    // The turn waits for the dead lock to expire: about THREAD_LOCK_TTL_MS. The bound only tells
    // that apart from the old 30 s lock, with room for a turn on a busy machine.
    expect(Date.now() - started).toBeLessThan(THREAD_LOCK_TTL_MS + 10_000);
    expect((await t.state())?.draft.campaign_name).toBe('Lock Test');
    await h.close();
  });
});
