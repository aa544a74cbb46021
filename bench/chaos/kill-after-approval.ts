/**
 * `npm run chaos -- --kill-after-approval [--runs N]`: kills the bot with SIGKILL at a random
 * moment after an approval and checks what the thread was told after the restart. For each run
 * a bot process drafts an ad and approves it; the harness kills it `U(0, CHAOS_KILL_WITHIN_MS)`
 * ms (default 400, about one uninterrupted submission here) after the approval was handed to
 * the engine, unless it finished first. The next bot process starts on the same Redis with no
 * `/retry`: it sends what the outboxes hold, resumes the dead one's submission, then runs its
 * own ad. Replies go to a chat stand-in in this process (`chat.ts`), which keeps every
 * message and each edit of a progress card, and drops a repeated nonce as Discord does
 * (`CHAOS_CHAT_NONCE=off`: no nonce, a resend looks for its delivery id first, as the Slack
 * adapter does; `none`: every post shows).
 *
 * Per run it checks: an approval acknowledged ("Approved. Submitting to TikTok…" shown) always
 * ends submitted with the result posted (else: approval lost); the result is posted exactly
 * once, and the acknowledgement too; the progress card's last version shows every step done;
 * no duplicate TikTok objects. Target: 0 lost, 0 missing, 0 repeated.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import type { ThreadState } from '../../src/engine/thread-state';
import { type Chat, type ChatGuard, type ChatMessage, chatGuardOf, startChat } from './chat';
import { type Obj, objects, perRun, run, startEmulator } from './world';

const APPROVED = 'Approved. Submitting to TikTok';
const GUARDS: Record<ChatGuard, string> = {
  nonce: 'drops repeated nonces (as Discord)',
  lookup: 'without nonces, a resend looks for its delivery id first (as the Slack adapter)',
  none: 'without nonces or look-ups (every resend shows)',
};
const RESULT = 'Created on TikTok:';

/** Options of {@link killAfterApproval}. */
export interface KillLoopOptions {
  runs: number;
  redisUrl: string;
  prefix: string;
}

/** What one run's thread shows, and where its state ended. */
interface RunOutcome {
  run: number;
  /** The thread's messages (last version of each), for the report of a failed check. */
  messages: string[];
  killed: boolean;
  acknowledged: number;
  results: number;
  progressDone: boolean;
  status: string | undefined;
  objects: number;
}

export async function killAfterApproval(options: KillLoopOptions): Promise<void> {
  const { runs, redisUrl, prefix } = options;
  const started = Date.now();
  const withinMs = Number(process.env.CHAOS_KILL_WITHIN_MS ?? 400);
  const emulator = await startEmulator();
  const guard = chatGuardOf(process.env.CHAOS_CHAT_NONCE);
  const chat = await startChat({ nonce: guard === 'nonce' });
  const redis = new Redis(redisUrl);
  const spawnBot = (extra: Record<string, string>): ChildProcess =>
    spawn(process.execPath, [join(__dirname, 'bot.js')], {
      env: {
        ...process.env,
        CHAOS_PREFIX: prefix,
        CHAOS_REDIS_URL: redisUrl,
        CHAOS_CHAT_URL: chat.url,
        TIKTOK_BASE_URL: emulator.baseUrl,
        ...extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  const killed: boolean[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const child = spawnBot({ CHAOS_THREAD: threadOf(i) });
      const exit = await run(child, (event: Obj) => {
        if (event.event !== 'approving') return;
        setTimeout(() => child.kill('SIGKILL'), Math.random() * withinMs).unref();
      });
      killed[i] = exit.signal === 'SIGKILL';
      if (!killed[i] && exit.code !== 0) throw new Error(`bot run ${i} failed (exit ${exit.code})`);
      if ((i + 1) % 50 === 0)
        process.stderr.write(
          `  ${i + 1}/${runs} runs, ${Math.round((Date.now() - started) / 1000)} s\n`,
        );
    }
    // One last restart resumes the last run's submission.
    await run(spawnBot({}));
    const all = await objects(emulator.baseUrl);
    const campaigns = perRun(all.campaigns, 'campaign_name', runs);
    const adgroups = perRun(all.adgroups, 'adgroup_name', runs);
    const ads = perRun(all.ads, 'ad_name', runs);
    const outcomes: RunOutcome[] = [];
    for (let i = 0; i < runs; i++) {
      const raw = await redis.get(`${prefix}thread:{${threadOf(i)}}`);
      const state = raw ? (JSON.parse(raw) as ThreadState) : null;
      outcomes.push({
        run: i,
        messages: (chat.threads.get(threadOf(i)) ?? []).map((m) => m.versions.at(-1) ?? ''),
        ...shown(chat, threadOf(i)),
        killed: killed[i] ?? false,
        status: state?.status,
        objects: (campaigns[i] ?? 0) + (adgroups[i] ?? 0) + (ads[i] ?? 0),
      });
    }
    const dup = (counts: number[]) => counts.reduce((s, c) => s + Math.max(0, c - 1), 0);
    const duplicates = dup(campaigns) + dup(adgroups) + dup(ads);
    const report = summarise(outcomes, duplicates);
    for (const o of report.failed.slice(0, 5)) {
      const outbox = await redis.lrange(`${prefix}outbox:{${threadOf(o.run)}}`, 0, -1);
      const indexed = await redis.sismember(`${prefix}outboxes`, threadOf(o.run));
      process.stderr.write(
        `  run ${o.run}: status ${o.status}, killed ${o.killed}, acknowledged ${o.acknowledged}, results ${o.results}, outbox left ${outbox.length} (indexed ${indexed})\n    ${o.messages.slice(-3).join('\n    ')}\n    ${outbox.map((e) => e.slice(0, 200)).join('\n    ')}\n`,
      );
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(
      `chaos --kill-after-approval: ${runs} runs in ${seconds} s, killed within ${withinMs} ms of the approval, chat ${GUARDS[guard]}\n${report.lines.join('\n')}\n`,
    );
    if (report.failures > 0) process.exitCode = 1;
  } finally {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await chat.close();
    emulator.child.kill('SIGTERM');
  }
}

function threadOf(i: number): string {
  return `console:chaos:${i}`;
}

/** What the chat shows in `thread`: acknowledgements, results, the progress card's end. */
function shown(
  chat: Chat,
  thread: string,
): Pick<RunOutcome, 'acknowledged' | 'results' | 'progressDone'> {
  const messages: ChatMessage[] = chat.threads.get(thread) ?? [];
  const count = (needle: string) =>
    messages.filter((m) => m.key === undefined && m.versions[0]?.includes(needle)).length;
  const progress = messages.find((m) => m.key?.startsWith('progress:'));
  return {
    acknowledged: count(APPROVED),
    results: count(RESULT),
    progressDone: progress?.versions.at(-1)?.includes('✓ Switch all on') ?? false,
  };
}

/** The report's lines and the number of failed checks. */
function summarise(outcomes: RunOutcome[], duplicates: number) {
  const kills = outcomes.filter((o) => o.killed);
  const acked = outcomes.filter((o) => o.acknowledged > 0);
  const lost = acked.filter((o) => o.status !== 'submitted' || o.results === 0);
  const unsaid = outcomes.filter(
    (o) => o.acknowledged === 0 && o.status === 'awaiting_approval' && o.objects === 0,
  );
  const strays = outcomes.filter((o) => o.acknowledged === 0 && o.status !== 'awaiting_approval');
  const resultTwice = outcomes.filter((o) => o.results > 1);
  const ackTwice = outcomes.filter((o) => o.acknowledged > 1);
  const cardStuck = outcomes.filter((o) => o.status === 'submitted' && !o.progressDone);
  const failures =
    lost.length +
    strays.length +
    resultTwice.length +
    ackTwice.length +
    cardStuck.length +
    duplicates;
  const failed = [...new Set([...lost, ...strays, ...resultTwice, ...ackTwice, ...cardStuck])];
  return {
    failures,
    failed,
    lines: [
      `  killed with SIGKILL after the approval: ${kills.length} (the others finished first)`,
      `  approvals acknowledged: ${acked.length}; lost (acknowledged, not submitted or no outcome posted): ${lost.length}`,
      `  killed before the approval was saved (nothing said, nothing sent, the card still asks): ${unsaid.length}`,
      `  submitted or changed without an acknowledgement: ${strays.length}`,
      `  outcome posted: once ${outcomes.filter((o) => o.results === 1).length}, twice or more ${resultTwice.length}; acknowledgement twice or more ${ackTwice.length}`,
      `  progress card left unfinished on a submitted ad: ${cardStuck.length}`,
      `  duplicate TikTok objects: ${duplicates}`,
    ],
  };
}
