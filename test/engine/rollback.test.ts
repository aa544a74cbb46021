import Redis from 'ioredis';
import { deleteRedisPrefix, Harness, TEST_REDIS_URL, VIDEO_SCRIPT } from '../support/harness';

/** Every key under `prefix`, dumped with its time to live: a snapshot of this suite's data. */
async function snapshot(redis: Redis, prefix: string) {
  const keys = await redis.keys(`${prefix}*`);
  const out: { key: string; dump: Buffer; ttl: number }[] = [];
  for (const key of keys) {
    const dump = await redis.dumpBuffer(key);
    if (dump) out.push({ key, dump, ttl: Math.max(0, await redis.pttl(key)) });
  }
  return out;
}

/** Puts `prefix`'s keys back as they were in `snap`, as Redis does when it restarts from it. */
async function restore(redis: Redis, prefix: string, snap: Awaited<ReturnType<typeof snapshot>>) {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
  for (const { key, dump, ttl } of snap) await redis.restore(key, ttl, dump);
}

const redis = new Redis(TEST_REDIS_URL);
const prefixes: string[] = [];
afterAll(async () => {
  for (const p of prefixes) await deleteRedisPrefix(p);
  redis.disconnect();
});

/** Objects made at TikTok, and how many are switched on. */
function made(h: Harness) {
  const s = h.emulator.state;
  const live = (m: Map<string, Record<string, unknown>>) =>
    [...m.values()].filter((o) => o.operation_status === 'ENABLE').length;
  return {
    campaigns: s.campaigns.size,
    adgroups: s.adgroups.size,
    ads: s.ads.size,
    live: live(s.campaigns) + live(s.adgroups) + live(s.ads),
  };
}

describe('Redis restored from a snapshot taken before the approval', () => {
  it.each([
    ['replay', 'the first submission finished'],
    ['40050', 'the first submission finished'],
    ['replay', 'the first submission stopped after its ad'],
    ['40050', 'the first submission stopped after its ad'],
  ] as const)(
    'repeats answered %s, %s: the second approval adopts everything, one ad',
    async (mode, when) => {
      const h = await Harness.start({ redis: true });
      prefixes.push(h.prefix);
      h.emulator.state.duplicateMode = mode;
      const t = h.thread();
      await t.script(VIDEO_SCRIPT);
      const before = await snapshot(redis, h.prefix);
      expect((await t.state())?.status).toBe('awaiting_approval');
      // Stopping the enable step leaves campaign, ad group and ad made but switched off.
      if (when !== 'the first submission finished')
        h.emulator.faults.set({ kind: 'server', endpoint: 'ad/status/update/', times: 10 });
      await t.act('approve');
      h.emulator.faults.clear();
      await restore(redis, h.prefix, before);
      const back = await t.state();
      expect(back?.status).toBe('awaiting_approval');
      expect(back?.submission).toBeUndefined();
      await t.act('approve');
      expect((await t.state())?.status).toBe('submitted');
      expect(made(h)).toEqual({ campaigns: 1, adgroups: 1, ads: 1, live: 3 });
      await h.close();
    },
  );
});
