import { instrumentStore } from '../../src/metrics/instrument';
import { createPrometheusMetrics } from '../../src/metrics/prometheus';
import { Keys } from '../../src/store/keys';
import { InMemoryStateStore } from '../../src/store/memory-state-store';
import type { StateStore } from '../../src/store/state-store';

const PREFIX = 'tab:';

async function sampleOf(metrics: ReturnType<typeof createPrometheusMetrics>, text: string) {
  const body = await metrics.registry.metrics();
  const line = body.split('\n').find((l) => l.startsWith(text));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
}

describe('the instrumented state store', () => {
  it('counts claims already taken as deduplicated events, by who claimed', async () => {
    const prometheus = createPrometheusMetrics();
    const store = instrumentStore(new InMemoryStateStore(), prometheus.metrics, PREFIX);
    const keys = new Keys(PREFIX);
    expect(await store.setIfAbsent(keys.event('e1'), 1, 60_000)).toBe(true);
    expect(await store.setIfAbsent(keys.event('e1'), 1, 60_000)).toBe(false);
    expect(await store.setIfAbsent(`${PREFIX}slack:claim:event:Ev1`, 1, 60_000)).toBe(true);
    expect(await store.setIfAbsent(`${PREFIX}slack:claim:event:Ev1`, 1, 60_000)).toBe(false);
    expect(await store.setIfAbsent(`${PREFIX}slack:claim:event:Ev1`, 1, 60_000)).toBe(false);
    const dedup = 'tiktok_ad_bot_events_deduplicated_total';
    expect(await sampleOf(prometheus, `${dedup}{source="engine"}`)).toBe(1);
    expect(await sampleOf(prometheus, `${dedup}{source="slack"}`)).toBe(2);
  });

  it('times lock waits and counts failed calls by operation', async () => {
    const prometheus = createPrometheusMetrics();
    const inner = new InMemoryStateStore();
    const failing: StateStore = Object.assign(Object.create(inner) as StateStore, {
      get: async () => {
        throw new Error('Stream isn\u2019t writeable');
      },
    });
    const store = instrumentStore(failing, prometheus.metrics, PREFIX);
    const lock = await store.acquireLock(`${PREFIX}lock:{t}`, 1000, 1000);
    await store.releaseLock(lock);
    await expect(store.get('x')).rejects.toThrow('writeable');
    expect(await sampleOf(prometheus, 'tiktok_ad_bot_lock_wait_seconds_count')).toBe(1);
    expect(await sampleOf(prometheus, 'tiktok_ad_bot_redis_errors_total{operation="get"}')).toBe(1);
  });
});
