/**
 * Child processes of `npm run bench`, one per role, so each is measured on its own event loop:
 * - `bot`: the real server (`runServer`, settings from the environment the bench passes);
 * - `bare`: a bare `@slack/bolt` app on the same `ExpressReceiver`, that only acks commands and
 *   echoes thread messages (the baseline);
 * - `standins`: the Slack Web API and Gemini stand-ins (`standins.ts`).
 * Each answers the bench's requests over the IPC channel: `{id, op}` → `{id, ...}`.
 */
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { App, ExpressReceiver } from '@slack/bolt';
import { runServer } from '../src/app/server';
import { LoopStats } from './loop-stats';
import { BenchGemini, BenchSlackApi } from './standins';

type Request = { id: number; op: string; [key: string]: unknown };
type Handler = (request: Request) => Promise<Record<string, unknown>> | Record<string, unknown>;

function serve(handler: Handler): void {
  process.on('message', (message: Request) => {
    void Promise.resolve(handler(message)).then(
      (answer) => process.send?.({ id: message.id, ...answer }),
      (error: unknown) => process.send?.({ id: message.id, error: String(error) }),
    );
  });
}

const loop = new LoopStats();
const inspector = new Session();

/** Starts or stops the CPU profiler of this process (the bench's `--profile=FILE`). */
async function profile(on: boolean, path: string): Promise<Record<string, unknown>> {
  const post = (method: string) =>
    new Promise<unknown>((resolve, reject) =>
      inspector.post(method, (error, result) => (error ? reject(error) : resolve(result))),
    );
  if (on) {
    inspector.connect();
    await post('Profiler.enable');
    await post('Profiler.start');
    return {};
  }
  const result = (await post('Profiler.stop')) as { profile: unknown };
  inspector.disconnect();
  writeFileSync(path, JSON.stringify(result.profile));
  return { path };
}

function memory(): Record<string, number> {
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, heapTotal: m.heapTotal, external: m.external };
}

function collect(): Record<string, number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  gc?.();
  return memory();
}

async function bot(): Promise<void> {
  const server = await runServer({ env: process.env });
  const { runtime } = server;
  serve(async (request) => {
    switch (request.op) {
      case 'url':
        return { url: runtime.httpBase };
      case 'stats':
        return {
          memory: memory(),
          admission: runtime.admission.stats(),
          model: {
            limit: runtime.model.limit,
            inFlight: runtime.model.inFlight,
            peak: runtime.model.peak,
            waiting: runtime.model.waiting,
          },
          usage: { ...runtime.usage },
          loop: loop.take(),
        };
      case 'gc':
        return { memory: collect() };
      case 'memory':
        return { memory: memory() };
      case 'profile':
        // `{on: true}` starts the V8 CPU profiler; `{on: false}` stops it and writes `path`.
        return profile(Boolean(request.on), String(request.path ?? 'bot.cpuprofile'));
      case 'exit':
        // A normal exit, so `--cpu-prof` / `--heap-prof` in BENCH_NODE_ARGS write their files.
        setImmediate(() => process.exit(0));
        return {};
      default:
        return {};
    }
  });
}

async function bare(): Promise<void> {
  const receiver = new ExpressReceiver({
    signingSecret: process.env.SLACK_SIGNING_SECRET ?? '',
    endpoints: '/slack/events',
  });
  const app = new App({
    receiver,
    token: process.env.SLACK_BOT_TOKEN ?? '',
    botId: 'B0BOT',
    botUserId: 'U0BOT',
    clientOptions: { slackApiUrl: process.env.SLACK_API_URL ?? '' },
  });
  app.command(process.env.SLACK_COMMAND ?? '/tiktok-ad', async ({ ack }) => {
    await ack();
  });
  app.event('message', async ({ event, client }) => {
    const m = event as {
      channel: string;
      thread_ts?: string;
      ts: string;
      text?: string;
      user?: string;
    };
    if (!m.thread_ts || m.thread_ts === m.ts || !m.user || m.user === 'U0BOT') return;
    await client.chat.postMessage({
      channel: m.channel,
      thread_ts: m.thread_ts,
      text: m.text ?? '',
    });
  });
  const server = receiver.app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  serve((request) => {
    if (request.op === 'url') return { url: `http://127.0.0.1:${port}` };
    if (request.op === 'stats') return { memory: memory(), loop: loop.take() };
    if (request.op === 'gc') return { memory: collect() };
    if (request.op === 'memory') return { memory: memory() };
    if (request.op === 'profile')
      return profile(Boolean(request.on), String(request.path ?? 'bare.cpuprofile'));
    return {};
  });
}

async function standins(): Promise<void> {
  const slack = new BenchSlackApi();
  const gemini = new BenchGemini();
  const slackUrl = await slack.listen();
  const geminiUrl = await gemini.listen();
  serve((request) => {
    switch (request.op) {
      case 'urls':
        return { slackUrl, geminiUrl };
      case 'watch':
        slack.onPost = request.on ? (posted) => process.send?.({ post: posted }) : undefined;
        return {};
      case 'gemini':
        gemini.delayMs = Number(request.delayMs ?? 0);
        gemini.requests = 0;
        gemini.connections = 0;
        gemini.peakInFlight = gemini.inFlight;
        return {};
      case 'stats':
        return {
          slack: Object.fromEntries(slack.counts),
          gemini: {
            requests: gemini.requests,
            connections: gemini.connections,
            inFlight: gemini.inFlight,
            peakInFlight: gemini.peakInFlight,
          },
        };
      default:
        return {};
    }
  });
}

const roles: Record<string, () => Promise<void>> = { bot, bare, standins };
const role = roles[process.argv[2] ?? ''];
if (!role) {
  console.error(`usage: child.js bot|bare|standins (got ${process.argv[2]})`);
  process.exit(2);
}
role().then(
  () => process.send?.({ ready: true }),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
