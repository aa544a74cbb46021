/**
 * `npm run bench [-- --quick]`: the load figures of docs/performance.md, each the median of
 * repeats with min–max.
 *
 * 1. The engine alone over a realistic script (to a submitted ad), Redis round trips counted at
 *    the server for the engine's own connection; tokens per completed ad, today's prompt against
 *    a whole-transcript prompt.
 * 2. The whole Slack path over HTTP, in separate processes: signed requests into the real
 *    server (`runServer`), the Web API and Gemini stand-ins, and a bare Bolt app as the baseline
 *    in the same run: ack p50/p99 at 20, 100 and 300 commands/s with the offline model and a
 *    10 s model; model calls in flight; RSS after the burst; thread-message throughput at 1, 50
 *    and 200 threads as a ratio to a bare echo app; Redis round trips per turn.
 * 3. Memory with 0, 1,000 and 10,000 idle threads (heap after forced GC, RSS); Redis bytes per
 *    idle thread.
 * 4. Account linking (`linking.ts`), and the spend and usage guards (spend-cap reservation, LLM
 *    quota count, audit append) against a bare Redis GET (`guards.ts`).
 *
 * The machine is shared: compare the ratios measured side by side, not absolute times.
 * Settings: REDIS_URL (default redis://127.0.0.1:6379). `--quick`: one repeat, shorter runs.
 */
import { cpus, loadavg } from 'node:os';
import { StandIns } from './bench-rig';
import { engineAloneFigures } from './engine-alone';
import { guardFigures } from './guards';
import { linkingFigures } from './linking';
import { ackFigures, memoryFigures, type Plan, throughputFigures } from './slack-path';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const quick = process.argv.includes('--quick');
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);

const PLAN: Plan = quick
  ? {
      repeats: 1,
      ackSeconds: 2,
      throughputSeconds: 2,
      afterBurstSeconds: 15,
      memoryThreads: [200, 1000],
    }
  : {
      repeats: 3,
      ackSeconds: 4,
      throughputSeconds: 3,
      afterBurstSeconds: 60,
      memoryThreads: [1000, 10000],
    };

async function main(): Promise<void> {
  const started = Date.now();
  console.log(
    `npm run bench${quick ? ' --quick' : ''}: ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(
        ' ',
      )}, ${new Date().toISOString()}; ${PLAN.repeats} repeat(s), figures are median (min–max)`,
  );
  const want = (section: string) => !only || only.split(',').includes(section);
  if (want('engine')) await engineAloneFigures(REDIS_URL, PLAN.repeats);
  const standins = await StandIns.start();
  try {
    if (want('acks')) await ackFigures(standins, REDIS_URL, PLAN);
    if (want('throughput')) await throughputFigures(standins, REDIS_URL, PLAN);
    if (want('memory')) await memoryFigures(standins, REDIS_URL, PLAN);
  } finally {
    await standins.child.kill();
  }
  if (want('linking')) await linkingFigures(REDIS_URL);
  if (want('guards')) await guardFigures(REDIS_URL);
  console.log(`\nbench took ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
