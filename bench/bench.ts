/**
 * `npm run bench`: the engine's own cost per turn, with the offline model and a real Redis.
 *
 * Prints: turn overhead p50/p99 (ms) with 1 thread and with 200 threads, turns per second,
 * Redis commands per turn (server-side count from INFO), heap per thread, and the Gemini prompt
 * size at turns 1, 10 and 20 of one conversation. Targets: p99 < 5 ms at 200 threads, ≤ 6 Redis
 * round trips per turn, prompt at turn 20 ≤ 1.3× turn 1. Figures are compared within one run;
 * the machine is shared, so absolute times vary between runs.
 *
 * Settings: REDIS_URL (default redis://127.0.0.1:6379), BENCH_TURNS (turns per thread, default 20).
 */
import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { loadConfig } from '../src/config';
import { StaticAccessResolver } from '../src/engine/access';
import { ConversationEngine } from '../src/engine/engine';
import { engineSettingsFrom } from '../src/engine-settings';
import { silentLogger } from '../src/logger';
import { OfflineTurnModel } from '../src/model/offline-model';
import { promptSize } from '../src/model/prompt';
import type { TurnInput, TurnModel } from '../src/model/turn';
import { Keys } from '../src/store/keys';
import { RedisStateStore } from '../src/store/redis-state-store';
import { NO_TIKTOK } from './no-tiktok';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const TURNS = Number(process.env.BENCH_TURNS ?? 20);

/** Messages that exercise the rules but never call TikTok (no music or media turns). */
const LINES = [
  'I want to create a campaign called Bench Campaign for traffic',
  'Fast shipping on every order',
  'Shop now',
  'set budget to 80',
  'change the ad text to Free returns all month',
  'landing page: https://shop.example.com/bench',
  'set call to action to Learn more',
  'set budget to 120',
];

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, i)] ?? Number.NaN;
}

async function commandsProcessed(redis: Redis): Promise<number> {
  const info = await redis.info('stats');
  const m = /total_commands_processed:(\d+)/.exec(info);
  return Number(m?.[1] ?? 0);
}

function engineFor(store: RedisStateStore, prefix: string, model: TurnModel): ConversationEngine {
  return new ConversationEngine({
    store,
    keys: new Keys(prefix),
    model,
    ads: NO_TIKTOK,
    access: new StaticAccessResolver({ access_token: 'bench', advertiser_id: 'bench' }),
    settings: engineSettingsFrom(loadConfig({}), 'console'),
    logger: silentLogger(),
  });
}

async function runThreads(
  engine: ConversationEngine,
  threads: number,
  turns: number,
): Promise<{ latencies: number[]; wallMs: number }> {
  const latencies: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: threads }, async (_, n) => {
      const thread_id = `console:bench:${n}`;
      for (let i = 0; i < turns; i++) {
        const t0 = performance.now();
        await engine.handle({
          type: 'message',
          text: LINES[i % LINES.length] ?? '',
          event_id: randomUUID(),
          thread_id,
          platform: 'console',
          workspace_id: 'bench',
          channel_id: 'bench',
          user: { id: 'U_BENCH' },
        });
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), wallMs: performance.now() - started };
}

async function measure(
  label: string,
  threads: number,
  model: TurnModel,
  admin: Redis,
): Promise<number> {
  const prefix = `bench:${randomUUID()}:`;
  const store = new RedisStateStore(REDIS_URL);
  const engine = engineFor(store, prefix, model);
  await runThreads(engine, Math.min(threads, 20), 2);
  const heapBefore = process.memoryUsage().heapUsed;
  const before = await commandsProcessed(admin);
  const { latencies, wallMs } = await runThreads(engine, threads, TURNS);
  const after = await commandsProcessed(admin);
  const heapAfter = process.memoryUsage().heapUsed;
  const turns = latencies.length;
  const perTurn = (after - before - 1) / turns;
  console.log(
    `${label.padEnd(30)} p50 ${percentile(latencies, 50).toFixed(2).padStart(6)} ms   p99 ${percentile(latencies, 99).toFixed(2).padStart(6)} ms   ${(turns / (wallMs / 1000)).toFixed(0).padStart(6)} turns/s   ${perTurn.toFixed(2)} Redis cmds/turn   heap Δ ${((heapAfter - heapBefore) / 1024 / threads).toFixed(1)} KiB/thread`,
  );
  await store.close();
  const keys = await admin.keys(`${prefix}*`);
  for (let i = 0; i < keys.length; i += 500) await admin.del(...keys.slice(i, i + 500));
  return perTurn;
}

async function promptGrowth(): Promise<number[]> {
  const sizes: number[] = [];
  const offline = new OfflineTurnModel();
  const recorder: TurnModel = {
    name: 'recorder',
    async propose(input: TurnInput) {
      sizes.push(promptSize(input));
      return offline.propose(input);
    },
  };
  const store = new RedisStateStore(REDIS_URL);
  const prefix = `bench:${randomUUID()}:`;
  const engine = engineFor(store, prefix, recorder);
  await runThreads(engine, 1, 20);
  await store.close();
  const admin = new Redis(REDIS_URL);
  const keys = await admin.keys(`${prefix}*`);
  if (keys.length) await admin.del(...keys);
  admin.disconnect();
  return [sizes[0] ?? 0, sizes[9] ?? 0, sizes[19] ?? 0];
}

async function main(): Promise<void> {
  const admin = new Redis(REDIS_URL);
  console.log(
    `Engine turn overhead: offline model, Redis at ${REDIS_URL.replace(/\/\/[^@]*@/, '//***@')}, ${TURNS} turns per thread, no TikTok calls`,
  );
  const offline = new OfflineTurnModel();
  const one = await measure('1 thread', 1, offline, admin);
  const many = await measure('200 threads (all concurrent)', 200, offline, admin);
  admin.disconnect();
  const [p1, p10, p20] = await promptGrowth();
  console.log(
    `Gemini prompt size (chars, system + schema + contents): turn 1 ${p1}, turn 10 ${p10}, turn 20 ${p20}  → turn 20 / turn 1 = ${((p20 ?? 0) / (p1 || 1)).toFixed(2)}x`,
  );
  console.log(
    `Redis commands per turn: ${one.toFixed(2)} (1 thread), ${many.toFixed(2)} (200 threads); target ≤ 6`,
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
