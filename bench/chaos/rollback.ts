/**
 * `npm run chaos -- --rollback [--runs N]`: Redis goes back in time under a submission. Runs on
 * a redis-server of its own (`own-redis.ts`) and the emulator process. Each run:
 * 1. a bot process drafts an ad (`Chaos <n>`), says `ready`; the Redis snapshot is taken (SAVE)
 *    and the bot approves;
 * 2. 40-200 ms after the approval (half the runs; the other half 40-200 ms after the approval
 *    turn ended), Redis is killed (SIGKILL) and restarted from that snapshot: the thread is back
 *    at `awaiting_approval`, with nothing saved of the submission, while TikTok keeps whatever
 *    was made (nothing, a campaign, an ad group, an ad, or all of it switched on);
 * 3. once that bot has exited, a second bot process approves the same draft again.
 * Half the runs answer 40050 to repeated request ids, half replay the first object.
 *
 * Prints the runs by what TikTok held at the rollback, duplicates (campaigns, ad groups, ads),
 * objects live without a complete ad (after each rollback and at the end) and submissions not
 * finished after the second approval. Target 0, 0, 0.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { ThreadState } from '../../src/engine/thread-state';
import { OwnRedis } from './own-redis';
import {
  duplicates,
  liveIncomplete,
  type Objects,
  objects,
  perRun,
  post,
  run,
  startEmulator,
} from './world';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** What TikTok held for run `i` just after the rollback. */
function stage(all: Objects, i: number): string {
  const mine = (list: Record<string, unknown>[], field: string) =>
    list.filter((o) => new RegExp(`^Chaos ${i}(?: - |$)`).test(String(o[field])));
  const ads = mine(all.ads, 'ad_name');
  if (ads.some((a) => a.operation_status === 'ENABLE')) {
    const on = mine(all.campaigns, 'campaign_name').some((c) => c.operation_status === 'ENABLE');
    return on ? 'all on' : 'ad made, switching on';
  }
  if (ads.length > 0) return 'ad made';
  if (mine(all.adgroups, 'adgroup_name').length > 0) return 'ad group made';
  if (mine(all.campaigns, 'campaign_name').length > 0) return 'campaign made';
  return 'nothing made';
}

/** Runs the rollback chaos `runs` times and prints the figures (exit code 1 if any is not 0). */
export async function runRollbackChaos(runs: number): Promise<void> {
  const started = Date.now();
  const redis = await OwnRedis.start();
  const emulator = await startEmulator();
  const prefix = `chaos:${randomBytes(4).toString('hex')}:`;
  const spawnBot = (thread: string, extra: Record<string, string>) =>
    spawn(process.execPath, [join(__dirname, 'bot.js')], {
      env: {
        ...process.env,
        CHAOS_PREFIX: prefix,
        CHAOS_REDIS_URL: redis.url,
        TIKTOK_BASE_URL: emulator.baseUrl,
        CHAOS_THREAD: thread,
        ...extra,
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
  const stages = new Map<string, number>();
  const delays: number[] = [];
  let liveAtRollback = 0;
  let unfinished = 0;
  let approvalErrors = 0;
  const reader = new Redis(redis.url, { lazyConnect: true });
  // It reconnects by itself after each restart; the refused connections meanwhile are expected.
  reader.on('error', () => undefined);
  try {
    for (let i = 0; i < runs; i++) {
      await post(`${emulator.baseUrl}/_emulator/duplicates`, { mode: i % 2 ? '40050' : 'replay' });
      const thread = `console:chaos:${i}`;
      const delay = 40 + Math.floor(Math.random() * 161);
      delays.push(delay);
      // Half the runs roll back while the approval turn runs (40-200 ms after the click), half
      // 40-200 ms after it ended (everything made and switched on, the case).
      const late = Math.floor(i / 2) % 2 === 1;
      const first = spawnBot(thread, { CHAOS_ROLLBACK: '1' });
      let rolledBack: Promise<void> | undefined;
      const rollBack = async () => {
        await sleep(delay);
        await redis.crashAndRestore();
      };
      const exit = await run(first, (event) => {
        if (event.event === 'approval_error') approvalErrors += 1;
        if (event.event === 'ready') {
          const snapshot = redis.snapshot().then(() => {
            first.stdin?.write('go\n');
          });
          rolledBack = late ? snapshot : snapshot.then(rollBack);
        }
        if (event.event === 'turn_done' && rolledBack) {
          if (late) rolledBack = rolledBack.then(rollBack);
          void rolledBack.then(() => first.stdin?.write('exit\n'));
        }
      });
      if (!rolledBack)
        throw new Error(`run ${i}: the bot never got to the approval (${exit.code})`);
      await rolledBack;
      const atRollback = await objects(emulator.baseUrl);
      const s = stage(atRollback, i);
      stages.set(s, (stages.get(s) ?? 0) + 1);
      liveAtRollback += liveIncomplete(atRollback);
      const second = await run(spawnBot(thread, { CHAOS_APPROVE_ONLY: '1' }));
      if (second.code !== 0) throw new Error(`run ${i}: second approval bot exited ${second.code}`);
      if (reader.status === 'wait' || reader.status === 'end') await reader.connect();
      const raw = await reader.get(`${prefix}thread:{${thread}}`);
      const state = raw ? (JSON.parse(raw) as ThreadState) : null;
      if (state?.status !== 'submitted' || !state.submission?.finished_at) {
        unfinished += 1;
        process.stderr.write(`  run ${i} (${s}): ${state?.status ?? 'no state'}\n`);
      }
      if ((i + 1) % 25 === 0)
        process.stderr.write(
          `  ${i + 1}/${runs} runs, ${Math.round((Date.now() - started) / 1000)} s\n`,
        );
    }
    const all = await objects(emulator.baseUrl);
    const campaigns = duplicates(perRun(all.campaigns, 'campaign_name', runs));
    const adgroups = duplicates(perRun(all.adgroups, 'adgroup_name', runs));
    const ads = duplicates(perRun(all.ads, 'ad_name', runs));
    const byStage = [...stages].map(([k, v]) => `${k} ${v}`).join(', ');
    const lines = [
      `chaos --rollback: ${runs} runs in ${((Date.now() - started) / 1000).toFixed(1)} s (Redis killed ${Math.min(...delays)}-${Math.max(...delays)} ms after the approval click, or after the approval turn ended, and restored from the snapshot taken just before the click; half answering 40050)`,
      `  TikTok at the rollback: ${byStage}`,
      `  first approval turns that failed with Redis down: ${approvalErrors}`,
      `  duplicates: campaigns ${campaigns}, ad groups ${adgroups}, ads ${ads}`,
      `  objects live without a complete ad: ${liveAtRollback} right after the rollbacks, ${liveIncomplete(all)} at the end`,
      `  submissions not finished after the second approval: ${unfinished}`,
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
    if (campaigns + adgroups + ads + liveAtRollback + liveIncomplete(all) + unfinished > 0)
      process.exitCode = 1;
  } finally {
    reader.disconnect();
    emulator.child.kill('SIGTERM');
    await redis.stop();
  }
}
