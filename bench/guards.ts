import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { AuditTrail } from '../src/audit/trail';
import { Keys } from '../src/store/keys';
import { RedisStateStore } from '../src/store/redis-state-store';

const ROUNDS = 2000;
const REPEATS = 3;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

async function timed(n: number, step: (i: number) => Promise<unknown>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await step(i);
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

/**
 * The spend and usage guards, each against a bare Redis `GET` measured side by side in the same
 * run, repeated {@link REPEATS} times (min–max of the p50 ratios shown as the spread): the
 * spend-cap reservation (`reserveWithinCap`, one Lua script over a hash of the day's launches, here
 * 50 members), an LLM quota count (`increment`, one Lua script), and an audit record
 * (`AuditTrail.append`: scrub + `XADD`). Keys live under a random prefix and are deleted after.
 */
export async function guardFigures(redisUrl: string): Promise<void> {
  const store = new RedisStateStore(redisUrl);
  const raw = new Redis(redisUrl);
  const keys = new Keys(`bench:guards:${randomUUID()}:`);
  const audit = new AuditTrail({ store, keys });
  const day = keys.spendDay('slack:T0BENCH', '2026-12-02');
  for (let m = 0; m < 50; m++) await store.reserveWithinCap(day, `thread-${m}`, 10, 1e9, 60_000);
  await raw.set(`${keys.prefix}plain`, '1');
  const ratios: Record<string, number[]> = { reserve: [], increment: [], audit: [] };
  const p50s: Record<string, number[]> = { get: [], reserve: [], increment: [], audit: [] };
  try {
    for (let r = 0; r < REPEATS; r++) {
      const get = percentile(await timed(ROUNDS, () => raw.get(`${keys.prefix}plain`)), 50);
      const reserve = percentile(
        await timed(ROUNDS, (i) =>
          store.reserveWithinCap(day, `thread-${i % 50}`, 10, 1e9, 60_000),
        ),
        50,
      );
      const increment = percentile(
        await timed(ROUNDS, () => store.increment(keys.llmCalls('slack:T0BENCH:U1', 1), 60_000)),
        50,
      );
      const appended = percentile(
        await timed(ROUNDS, (i) =>
          audit.append({ kind: 'approval', thread_id: 'slack:T0BENCH:C1:1.2', actor: `U${i}` }),
        ),
        50,
      );
      p50s.get?.push(get);
      p50s.reserve?.push(reserve);
      p50s.increment?.push(increment);
      p50s.audit?.push(appended);
      ratios.reserve?.push(reserve / get);
      ratios.increment?.push(increment / get);
      ratios.audit?.push(appended / get);
    }
    const span = (xs: number[] = []) =>
      `${Math.min(...xs).toFixed(2)}–${Math.max(...xs).toFixed(2)}`;
    console.log(
      `guards, ${REPEATS}×${ROUNDS} calls each, p50 ms: bare GET ${span(p50s.get)}, spend-cap reserve (50 launches today) ${span(p50s.reserve)}, LLM quota increment ${span(p50s.increment)}, audit append (XADD) ${span(p50s.audit)}`,
    );
    console.log(
      `guards vs bare GET (p50 ratio, min–max over ${REPEATS} runs): reserve ${span(ratios.reserve)}×, increment ${span(ratios.increment)}×, audit append ${span(ratios.audit)}×`,
    );
  } finally {
    const left = await raw.keys(`${keys.prefix}*`);
    if (left.length > 0) await raw.del(...left);
    raw.disconnect();
    await store.close();
  }
}
