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
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';
import type { ThreadState } from '../../src/engine/thread-state';
import { allCrashPoints } from './crash-points';

type Obj = Record<string, unknown>;
interface Objects {
  campaigns: Obj[];
  adgroups: Obj[];
  ads: Obj[];
}

const args = process.argv.slice(2);
const runs =
  Number(args[args.indexOf('--runs') + 1] ?? '') || Number(process.env.CHAOS_RUNS ?? 200);
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const prefix = `chaos:${randomBytes(4).toString('hex')}:`;
const LOSABLE = ['campaign/create/', 'adgroup/create/', 'ad/create/'];

interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  events: Obj[];
}

function run(child: ChildProcess): Promise<Exit> {
  const events: Obj[] = [];
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  lines.on('line', (line) => {
    try {
      events.push(JSON.parse(line) as Obj);
    } catch {
      // not ours
    }
  });
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  return new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      if (code) process.stderr.write(stderr.slice(-2000));
      resolve({ code, signal, events });
    });
  });
}

async function startEmulator(): Promise<{ child: ChildProcess; baseUrl: string }> {
  const child = spawn(process.execPath, [join(__dirname, '../../src/tiktok/emulator/main.js')], {
    env: { ...process.env, PORT: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const baseUrl = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const m = /listening on (http:\/\/\S+)/.exec(line);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error('emulator exited')));
  });
  return { child, baseUrl };
}

async function post(url: string, body: unknown): Promise<void> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
}

async function objects(baseUrl: string): Promise<Objects> {
  return (await (await fetch(`${baseUrl}/_emulator/objects`)).json()) as Objects;
}

const on = (o: Obj | undefined) => o?.operation_status === 'ENABLE';

/** Enabled campaigns / ad groups whose tree lacks an enabled ad under an enabled ad group. */
function liveIncomplete(all: Objects): number {
  let count = 0;
  for (const c of all.campaigns.filter(on)) {
    const groups = all.adgroups.filter((g) => g.campaign_id === c.campaign_id && on(g));
    const complete = groups.some((g) =>
      all.ads.some((a) => a.adgroup_id === g.adgroup_id && on(a)),
    );
    if (!complete) count += 1;
  }
  for (const g of all.adgroups.filter(on)) {
    const campaign = all.campaigns.find((c) => c.campaign_id === g.campaign_id);
    const hasAd = all.ads.some((a) => a.adgroup_id === g.adgroup_id && on(a));
    if (on(campaign) && !hasAd) count += 1;
  }
  return count;
}

/** Objects per run, by the `Chaos <run> - <tag>` names, deleted ones left out. */
function perRun(list: Obj[], field: string, total: number): number[] {
  const counts = new Array<number>(total).fill(0);
  for (const o of list) {
    if (o.operation_status === 'DELETE') continue;
    const m = /^Chaos (\d+) - /.exec(String(o[field]));
    if (m) counts[Number(m[1])] = (counts[Number(m[1])] ?? 0) + 1;
  }
  return counts;
}

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
    const dup = (counts: number[]) => counts.reduce((s, c) => s + Math.max(0, c - 1), 0);
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

main().catch((err: unknown) => {
  process.stderr.write(`chaos failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
