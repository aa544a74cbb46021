import { IMAGES } from '../../src/tiktok/emulator';
import { DEFAULT_RETRY } from '../../src/tiktok/http';
import { AUTH, apiError, useEmulator } from './helpers';

const h = useEmulator();

/** A fake clock: `sleep` advances it at once and records each wait (no real time passes). */
function fakeClock() {
  const clock = { now: 0, waits: [] as number[] };
  const sleep = async (ms: number) => {
    clock.waits.push(ms);
    clock.now += ms;
  };
  return { clock, sleep };
}

describe('TikTok rate limits are waited out before the user sees a failure', () => {
  it('four rate-limit answers in a row: the fifth try succeeds, after exponential waits', async () => {
    const { clock, sleep } = fakeClock();
    const client = h.newClient({ retry: DEFAULT_RETRY, sleep, random: () => 0.5 });
    h.emulator.faults.set({ kind: 'ratelimit', times: 4 });
    await expect(client.listImages(AUTH)).resolves.toHaveLength(IMAGES.length);
    expect(client.calls).toBe(5);
    // Equal jitter at random 0.5: three quarters of 500·2^(n-1) ms.
    expect(clock.waits).toEqual([375, 750, 1500, 3000]);
  });

  it('a throttle that lasts is retried for 30 s of waiting in all, each wait at least half its cap, then refused', async () => {
    for (const random of [0, 0.5, 0.999]) {
      const { clock, sleep } = fakeClock();
      const client = h.newClient({ retry: DEFAULT_RETRY, sleep, random: () => random });
      h.emulator.faults.set({ kind: 'ratelimit', times: 1000 });
      const err = await apiError(client.listImages(AUTH));
      h.emulator.faults.clear();
      expect(err.code).toBe('tiktok_rate_limited');
      expect(clock.now).toBe(30_000);
      expect(client.calls).toBe(clock.waits.length + 1);
      clock.waits.slice(0, -1).forEach((ms, i) => {
        const cap = Math.min(8000, 500 * 2 ** i);
        expect(ms).toBeGreaterThanOrEqual(cap / 2);
        expect(ms).toBeLessThan(cap);
      });
      // Bounded in tries too: 30 s at waits of at least 250 ms doubling to 4 s.
      expect(client.calls).toBeLessThanOrEqual(12);
    }
  });

  it('the jitter spreads clients apart: two random sources wait differently', async () => {
    const waits: number[][] = [];
    for (const random of [0.1, 0.9]) {
      const { clock, sleep } = fakeClock();
      const client = h.newClient({ retry: DEFAULT_RETRY, sleep, random: () => random });
      h.emulator.faults.set({ kind: 'ratelimit', times: 3 });
      await client.listImages(AUTH);
      waits.push(clock.waits);
    }
    expect(waits[0]).toEqual([275, 550, 1100]);
    expect(waits[1]).toEqual([475, 950, 1900]);
  });

  it('transient errors keep their bounded tries (4 by default)', async () => {
    const { clock, sleep } = fakeClock();
    const client = h.newClient({ retry: DEFAULT_RETRY, sleep, random: () => 0.5 });
    h.emulator.faults.set({ kind: 'server', times: 10 });
    await apiError(client.listImages(AUTH));
    expect(client.calls).toBe(4);
    expect(clock.waits).toEqual([250, 500, 1000]);
  });
});
