/**
 * `npm run chaos [-- --runs N]`: crash-tests submissions. Starts the TikTok emulator as its own
 * process (objects survive bot restarts), then for each run starts a bot process
 * (`bot.ts`: real engine + Redis store + TikTok client) that drafts and approves an ad and is
 * killed with SIGKILL at one crash point (round robin over every point: after each create and
 * each enable, before and after each save). The next bot process starts on the same Redis,
 * resumes the dead one's submission (owner gone) and runs the next ad. Half the runs answer
 * 40050 to repeated request ids; every third run also loses one create reply (HTTP 502 after
 * the object exists).
 *
 * Prints: runs, duplicates (campaigns, ad groups, ads), objects live without a complete ad
 * (looked at right after every kill, and at the end), submissions not finished within 30 s of
 * the restart. Target 0, 0, 0. Needs Redis (`REDIS_URL`, default redis://127.0.0.1:6379);
 * keys go under a random `chaos:<id>:` prefix, deleted at the end.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { ThreadState } from '../../src/engine/thread-state';
import { allCrashPoints } from './crash-points';
import { killAfterApproval } from './kill-after-approval';
import { runRollbackChaos } from './rollback';
import {
  duplicates as dup,
  liveIncomplete,
  objects,
  perRun,
  post,
  run,
  startEmulator,
} from './world';

const args = process.argv.slice(2);
const runs =
  Number(args[args.indexOf('--runs') + 1] ?? '') || Number(process.env.CHAOS_RUNS ?? 200);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `chaos:${randomBytes(4).toString('hex')}:`;
const LOSABLE = ['campaign/create/', 'adgroup/create/', 'ad/create/'];

async function main(): Promise<void> {
  const started = Date.now();
  const emulator = await startEmulator();
  const redis = new Redis(redisUrl);
  const points = allCrashPoints();
  const hits = new Map<string, number>();
  const restartAt: number[] = [];
  const resumeMs: number[] = [];
  let liveAtCrash = 0;
  let crashed = 0;
  let lostReplies = 0;
  const bot = join(__dirname, 'bot.js');
  const spawnBot = (extra: Record<string, string>) =>
    spawn(process.execPath, [bot], {
      env: {
        ...process.env,
        CHAOS_PREFIX: prefix,
        CHAOS_REDIS_URL: redisUrl,
        TIKTOK_BASE_URL: emulator.baseUrl,
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  try {
    for (let i = 0; i < runs; i++) {
      const point = points[i % points.length] ?? '';
      await post(`${emulator.baseUrl}/_emulator/duplicates`, { mode: i % 2 ? '40050' : 'replay' });
      await post(`${emulator.baseUrl}/_emulator/faults`, 'off');
      if (i % 3 === 0) {
        lostReplies += 1;
        const endpoint = LOSABLE[Math.floor(Math.random() * LOSABLE.length)];
        await post(`${emulator.baseUrl}/_emulator/faults`, { kind: 'lose_reply', endpoint });
      }
      const exit = await run(
        spawnBot({ CHAOS_THREAD: `console:chaos:${i}`, CHAOS_CRASH_AT: point }),
      );
      restartAt[i] = Date.now();
      for (const e of exit.events) if (e.event === 'resumed') resumeMs.push(Number(e.ms));
      if (exit.signal === 'SIGKILL') {
        crashed += 1;
        hits.set(point, (hits.get(point) ?? 0) + 1);
        liveAtCrash += liveIncomplete(await objects(emulator.baseUrl));
      } else if (exit.code !== 0) {
        throw new Error(`bot run ${i} failed (exit ${exit.code})`);
      }
      if ((i + 1) % 50 === 0)
        process.stderr.write(
          `  ${i + 1}/${runs} runs, ${Math.round((Date.now() - started) / 1000)} s\n`,
        );
    }
    // One last restart resumes the last run's submission.
    const last = await run(spawnBot({}));
    for (const e of last.events) if (e.event === 'resumed') resumeMs.push(Number(e.ms));

    const all = await objects(emulator.baseUrl);
    const campaigns = perRun(all.campaigns, 'campaign_name', runs);
    const adgroups = perRun(all.adgroups, 'adgroup_name', runs);
    const ads = perRun(all.ads, 'ad_name', runs);
    let late = 0;
    let neverStarted = 0;
    for (let i = 0; i < runs; i++) {
      const raw = await redis.get(`${prefix}thread:{console:chaos:${i}}`);
      const state = raw ? (JSON.parse(raw) as ThreadState) : null;
      const finished = state?.submission?.finished_at;
      if (state?.status === 'submitted' && finished) {
        // Finished by run i's own bot, or by the next one within 30 s of its start.
        if (Date.parse(finished) - (restartAt[i] ?? 0) > 30_000) late += 1;
      } else if (state && state.status === 'awaiting_approval' && (campaigns[i] ?? 0) === 0) {
        // Killed before the submission was saved: nothing was sent, the approval must be repeated.
        neverStarted += 1;
      } else {
        late += 1;
      }
      if (process.env.CHAOS_VERBOSE)
        process.stderr.write(
          `  run ${i} ${points[i % points.length]}: ${state?.status} campaigns=${campaigns[i]} ${finished ?? ''} restart=${new Date(restartAt[i] ?? 0).toISOString()}\n`,
        );
    }
    const missed = points.filter((p) => !hits.has(p));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const sorted = [...resumeMs].sort((a, b) => a - b);
    const pct = (q: number) =>
      sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
    const lines = [
      `chaos: ${runs} runs in ${seconds} s (${crashed} killed with SIGKILL, ${lostReplies} with a lost create reply, half answering 40050)`,
      `  crash points: ${points.length}, each hit ${Math.min(...points.map((p) => hits.get(p) ?? 0))}-${Math.max(...points.map((p) => hits.get(p) ?? 0))} times${missed.length ? `; never hit: ${missed.join(', ')}` : ''}`,
      `  duplicates: campaigns ${dup(campaigns)}, ad groups ${dup(adgroups)}, ads ${dup(ads)}`,
      `  objects live without a complete ad: ${liveAtCrash} right after the kills, ${liveIncomplete(all)} at the end`,
      `  submissions not finished within 30 s of restart: ${late}`,
      `  killed before the submission was saved (nothing sent; approval to repeat): ${neverStarted}`,
      `  resume after restart (bot start → resumed submission done): median ${pct(0.5)} ms, p95 ${pct(0.95)} ms, max ${sorted.at(-1) ?? 0} ms`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (dup(campaigns) + dup(adgroups) + dup(ads) + liveAtCrash + liveIncomplete(all) + late > 0)
      process.exitCode = 1;
  } finally {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    emulator.child.kill('SIGTERM');
  }
}

(args.includes('--kill-after-approval')
  ? killAfterApproval({ runs, redisUrl, prefix })
  : args.includes('--rollback')
    ? runRollbackChaos(runs)
    : main()
).catch((err: unknown) => {
  process.stderr.write(`chaos failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
