import { randomUUID } from 'node:crypto';
import type { LoopFigures } from './loop-stats';
import { Child } from './processes';
import { deletePrefix } from './redis-monitor';
import { command, SlackSender, threadMessage } from './slack-load';
import type { Posted } from './standins';

export const SIGNING_SECRET = 'bench-signing-secret';

/** The stand-ins child and what the bench learns from its posts. */
export class StandIns {
  private readonly perThread = new Map<string, number>();
  private readonly threadWaiters = new Map<
    string,
    Array<{ target: number; resolve: () => void }>
  >();
  private readonly rootWaiters = new Map<string, (ts: string) => void>();

  private constructor(
    readonly child: Child,
    readonly slackUrl: string,
    readonly geminiUrl: string,
  ) {
    child.onPost = (posted) => this.onPost(posted);
  }

  static async start(): Promise<StandIns> {
    const child = await Child.start('standins', process.env);
    const { slackUrl, geminiUrl } = await child.ask<{ slackUrl: string; geminiUrl: string }>(
      'urls',
    );
    await child.ask('watch', { on: true });
    return new StandIns(child, slackUrl, geminiUrl);
  }

  /** Posts seen so far in thread `thread_ts`. */
  posts(thread_ts: string): number {
    return this.perThread.get(thread_ts) ?? 0;
  }

  /** Resolves when thread `thread_ts` has `target` posts (false after `timeoutMs`). */
  waitPosts(thread_ts: string, target: number, timeoutMs = 30_000): Promise<boolean> {
    if (this.posts(thread_ts) >= target) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const list = this.threadWaiters.get(thread_ts) ?? [];
      list.push({
        target,
        resolve: () => {
          clearTimeout(timer);
          resolve(true);
        },
      });
      this.threadWaiters.set(thread_ts, list);
    });
  }

  /** Resolves with the `ts` of the thread root whose text contains `marker`. */
  waitRoot(marker: string, timeoutMs = 30_000): Promise<string | null> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.rootWaiters.delete(marker);
        resolve(null);
      }, timeoutMs);
      this.rootWaiters.set(marker, (ts) => {
        clearTimeout(timer);
        resolve(ts);
      });
    });
  }

  private onPost(posted: Posted): void {
    if (!posted.thread_ts) {
      const marker = /bm-[0-9a-f]+-\d+/.exec(posted.text)?.[0];
      const waiter = marker ? this.rootWaiters.get(marker) : undefined;
      if (marker && waiter) {
        this.rootWaiters.delete(marker);
        waiter(posted.ts);
      }
      return;
    }
    const count = this.posts(posted.thread_ts) + 1;
    this.perThread.set(posted.thread_ts, count);
    const waiters = this.threadWaiters.get(posted.thread_ts);
    if (!waiters) return;
    const still = waiters.filter((w) => {
      if (w.target > count) return true;
      w.resolve();
      return false;
    });
    if (still.length > 0) this.threadWaiters.set(posted.thread_ts, still);
    else this.threadWaiters.delete(posted.thread_ts);
  }

  stats() {
    return this.child.ask<{
      slack: Record<string, number>;
      gemini: { requests: number; connections: number; inFlight: number; peakInFlight: number };
    }>('stats');
  }
}

/** Stats a bot child reports (see `child.ts`). */
export interface BotStats {
  memory: { rss: number; heapUsed: number };
  admission: {
    inFlight: number;
    peakInFlight: number;
    queued: number;
    queuedTotal: number;
    refusedTotal: number;
  };
  model: { limit: number; inFlight: number; peak: number; waiting: number };
  usage: { calls: number; promptTokens: number; cachedTokens: number; outputTokens: number };
  /** Event-loop delay and GC pauses since the previous `stats` call (see `loop-stats.ts`). */
  loop: LoopFigures;
}

/** One app under test (the bot or the bare Bolt app) in its own process. */
export class AppUnderTest {
  private constructor(
    readonly kind: 'bot' | 'bare',
    readonly child: Child,
    readonly sender: SlackSender,
    /** The bot's key prefix and Redis client name (empty for the bare app). */
    readonly prefix: string,
    readonly redisName: string,
    private readonly redisUrl: string,
  ) {}

  /**
   * Starts the bot (`runServer`, offline model, or Gemini through the stand-in with
   * `geminiDelayMs`) or the bare app, both with the Web API pointed at the stand-in.
   */
  static async start(
    kind: 'bot' | 'bare',
    standins: StandIns,
    redisUrl: string,
    options: { gemini?: boolean; env?: Record<string, string> } = {},
  ): Promise<AppUnderTest> {
    const prefix = kind === 'bot' ? `bench:bot:${randomUUID()}:` : '';
    const redisName = kind === 'bot' ? `bench-bot-${randomUUID().slice(0, 8)}` : '';
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH ?? '',
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: standins.slackUrl,
      HTTP_PORT: '0',
      // The load never follows an account link; the server needs both to start.
      TIKTOK_EMULATOR: 'on',
      PUBLIC_URL: 'http://127.0.0.1',
      STATE_PREFIX: prefix,
      REDIS_URL: `${redisUrl}${redisUrl.includes('?') ? '&' : '?'}connectionName=${redisName}`,
      ...(options.gemini
        ? { GEMINI_API_KEY: 'bench-key', GEMINI_BASE_URL: standins.geminiUrl }
        : {}),
      ...options.env,
    };
    if (kind === 'bare') delete env.REDIS_URL;
    const child = await Child.start(kind, env);
    const { url } = await child.ask<{ url: string }>('url');
    return new AppUnderTest(
      kind,
      child,
      new SlackSender(url, SIGNING_SECRET),
      prefix,
      redisName,
      redisUrl,
    );
  }

  stats(): Promise<BotStats> {
    return this.child.ask<BotStats>('stats');
  }

  /** Memory now, without a collection (and without resetting the loop figures `stats` reads). */
  async memory(): Promise<{ rss: number; heapUsed: number }> {
    return (await this.child.ask<{ memory: { rss: number; heapUsed: number } }>('memory')).memory;
  }

  /** Memory after two forced collections (`--expose-gc`). */
  async collected(): Promise<{ rss: number; heapUsed: number }> {
    return (await this.child.ask<{ memory: { rss: number; heapUsed: number } }>('gc')).memory;
  }

  /** Waits until no turn runs or waits (bot only; at most `timeoutMs`). */
  async settle(timeoutMs = 60_000): Promise<void> {
    if (this.kind !== 'bot') return;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const { admission } = await this.stats();
      if (admission.inFlight === 0 && admission.queued === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  async stop(): Promise<void> {
    await this.sender.close();
    await this.child.kill();
    if (this.prefix) await deletePrefix(this.redisUrl, this.prefix);
  }
}

let markers = 0;
const run = randomUUID()
  .slice(0, 8)
  .replace(/[^0-9a-f]/g, '0');

/** A marker a thread root's text carries, to find its `ts`. */
export function nextMarker(): string {
  markers += 1;
  return `bm-${run}-${markers}`;
}

/**
 * Opens `n` threads on the bot with `/tiktok-ad` (at most `concurrency` at once) and waits for
 * each start turn's first reply; resolves with the roots' `ts`.
 */
export async function openThreads(
  app: AppUnderTest,
  standins: StandIns,
  n: number,
  concurrency = 20,
): Promise<string[]> {
  const roots: string[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, n) }, async () => {
      while (next < n) {
        next += 1;
        const marker = nextMarker();
        const root = standins.waitRoot(marker);
        await app.sender.send(command(`Create a campaign called Bench ${marker} for traffic`));
        const ts = await root;
        if (!ts) throw new Error(`no thread root for ${marker}`);
        await standins.waitPosts(ts, 1);
        roots.push(ts);
      }
    }),
  );
  return roots;
}

/**
 * Closed loop over `threads`: each sends a thread message, waits for the app's next post in
 * that thread, and sends the next, for `durationMs`. Returns answered messages per second.
 */
export async function threadThroughput(
  app: AppUnderTest,
  standins: StandIns,
  threads: string[],
  durationMs: number,
): Promise<{ perSec: number; answered: number; lost: number }> {
  let answered = 0;
  let lost = 0;
  const started = performance.now();
  const end = started + durationMs;
  await Promise.all(
    threads.map(async (thread_ts, t) => {
      let k = 0;
      while (performance.now() < end) {
        k += 1;
        const target = standins.posts(thread_ts) + 1;
        const reply = standins.waitPosts(thread_ts, target);
        await app.sender.send(
          threadMessage(thread_ts, `change the ad text to Bench line ${t} ${k}`),
        );
        if (await reply) answered += 1;
        else lost += 1;
      }
    }),
  );
  return { perSec: answered / ((performance.now() - started) / 1000), answered, lost };
}
