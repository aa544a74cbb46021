import { randomUUID } from 'node:crypto';
import { loadConfig } from '../src/app/config';
import { engineSettingsFrom } from '../src/app/engine-settings';
import { StaticAccessResolver } from '../src/engine/access';
import type { ChatEvent } from '../src/engine/chat-event';
import { ConversationEngine } from '../src/engine/engine';
import type { Reply } from '../src/engine/reply';
import type { EngineSettings } from '../src/engine/settings';
import type { ThreadState } from '../src/engine/thread-state';
import { silentLogger } from '../src/logging/logger';
import { OfflineTurnModel } from '../src/model/offline/offline-model';
import { buildContents, SYSTEM_PROMPT } from '../src/model/prompt';
import type { TurnInput, TurnModel } from '../src/model/proposal';
import { PROPOSAL_JSON_SCHEMA } from '../src/model/proposal-json-schema';
import { Keys } from '../src/store/keys';
import { RedisStateStore } from '../src/store/redis-state-store';
import { TikTokClient } from '../src/tiktok/client';
import {
  createTikTokEmulator,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
} from '../src/tiktok/emulator';
import { ClientCommandCounter, deletePrefix } from './redis-monitor';
import { fmt, percentile, spread } from './stats';

/**
 * A realistic conversation up to a submitted ad (Traffic, one video, no music): the draft goes
 * collecting → ready (preview + approval card) → a teammate approves → submitted to the
 * in-process TikTok emulator. Every turn is a fresh event id on a fresh thread id.
 */
export const SCRIPT = [
  'Create a campaign called Summer Sale for traffic',
  'Big summer deals on every order',
  'Shop now',
  'No music needed',
  'https://shop.example.com/summer',
  'set budget to 80',
  'vid_summer_1',
];

/** The shipped defaults for a team (a teammate approves), with a 1-hour draft lifetime. */
const SETTINGS: EngineSettings = {
  ...engineSettingsFrom(loadConfig({}), 'slack'),
  draft_ttl_ms: 60 * 60 * 1000,
  identity: { display_name: 'Emulator Brand' },
};

/** The same ad after a longer talk: eight edits before the video (a 16-turn conversation). */
const LONG_SCRIPT = [
  ...SCRIPT.slice(0, -1),
  'change the ad text to Summer deals on every single order',
  'set budget to 90',
  'set call to action to Learn more',
  'change the ad text to Free shipping on every summer order',
  'landing page: https://shop.example.com/summer-sale',
  'set budget to 120',
  'set call to action to Shop now',
  'change the ad text to Big summer deals, free returns',
  ...SCRIPT.slice(-1),
];

function eventsFor(thread_id: string, script = SCRIPT): ChatEvent[] {
  const base = {
    thread_id,
    platform: 'console' as const,
    workspace_id: 'bench',
    channel_id: 'bench',
  };
  const requester = { id: 'U_REQ', name: 'requester' };
  return [
    ...script.map(
      (text): ChatEvent => ({
        ...base,
        type: 'message',
        event_id: randomUUID(),
        user: requester,
        text,
      }),
    ),
    {
      ...base,
      type: 'action',
      action_id: 'approve',
      event_id: randomUUID(),
      user: { id: 'U_APPROVER', name: 'approver' },
    },
  ];
}

interface RunFigures {
  p50: number;
  p99: number;
  turnsPerSec: number;
  roundTrips: number;
  commands: number;
  submitted: number;
  threads: number;
}

async function run(
  redisUrl: string,
  threads: number,
  model: TurnModel,
  tiktokUrl: string,
): Promise<RunFigures> {
  const prefix = `bench:engine:${randomUUID()}:`;
  const name = `bench-engine-${process.pid}-${randomUUID().slice(0, 8)}`;
  const store = new RedisStateStore(
    `${redisUrl}${redisUrl.includes('?') ? '&' : '?'}connectionName=${name}`,
  );
  const keys = new Keys(prefix);
  const engine = new ConversationEngine({
    store,
    keys,
    model,
    ads: new TikTokClient({
      baseUrl: tiktokUrl,
      retry: { attempts: 2, baseDelayMs: 5, maxDelayMs: 20 },
    }),
    access: new StaticAccessResolver({
      access_token: EMULATOR_ACCESS_TOKEN,
      advertiser_id: EMULATOR_ADVERTISER_ID,
    }),
    settings: SETTINGS,
    logger: silentLogger(),
  });
  // Warm up the connection and the scripts on a thread of its own.
  for (const event of eventsFor(`console:warm:${randomUUID()}`).slice(0, 2))
    await engine.handle(event);
  const counter = await ClientCommandCounter.forClient(redisUrl, name);
  await counter.start();
  const latencies: number[] = [];
  const ids = Array.from({ length: threads }, () => `console:bench:${randomUUID()}`);
  const started = performance.now();
  await Promise.all(
    ids.map(async (thread_id) => {
      for (const event of eventsFor(thread_id)) {
        const t0 = performance.now();
        await engine.handle(event);
        latencies.push(performance.now() - t0);
      }
    }),
  );
  const wallMs = performance.now() - started;
  await counter.stop();
  let submitted = 0;
  for (const id of ids) {
    const state = await store.get<ThreadState>(keys.thread(id));
    if (state?.status === 'submitted') submitted += 1;
  }
  await store.close();
  await deletePrefix(redisUrl, prefix);
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    turnsPerSec: latencies.length / (wallMs / 1000),
    roundTrips: counter.roundTrips / latencies.length,
    commands: counter.commands / latencies.length,
    submitted,
    threads,
  };
}

/**
 * Tokens per completed ad (the script above, to submitted), estimated as characters / 4 (no
 * tokenizer can run offline; the Gemini stand-in counts the same way): the prompt as built
 * today (`prompt.ts`: system text + schema + compact state + last lines + message) against a
 * whole-transcript prompt (system text + schema + every earlier user and bot line in full +
 * message). Output tokens are the JSON turn. The fixed part is what implicit caching can serve.
 */
async function tokensPerAd(redisUrl: string, tiktokUrl: string, script: string[]) {
  const offline = new OfflineTurnModel();
  const transcript: Array<{ role: string; text: string }> = [];
  const fixed = SYSTEM_PROMPT.length + JSON.stringify(PROPOSAL_JSON_SCHEMA).length;
  let compact = 0;
  let whole = 0;
  let output = 0;
  let calls = 0;
  const recorder: TurnModel = {
    name: 'recorder',
    async propose(input: TurnInput) {
      calls += 1;
      compact += fixed + JSON.stringify(buildContents(input)).length;
      whole +=
        fixed + JSON.stringify([...transcript, { role: 'user', text: input.message }]).length;
      const turn = await offline.propose(input);
      output += JSON.stringify(turn).length;
      return turn;
    },
  };
  const prefix = `bench:tokens:${randomUUID()}:`;
  const store = new RedisStateStore(redisUrl);
  const engine = new ConversationEngine({
    store,
    keys: new Keys(prefix),
    model: recorder,
    ads: new TikTokClient({ baseUrl: tiktokUrl }),
    access: new StaticAccessResolver({
      access_token: EMULATOR_ACCESS_TOKEN,
      advertiser_id: EMULATOR_ADVERTISER_ID,
    }),
    settings: SETTINGS,
    logger: silentLogger(),
  });
  const sink = (reply: Reply) => {
    for (const block of reply.blocks)
      if (block.type === 'text' || block.type === 'question')
        transcript.push({ role: 'bot', text: block.text });
  };
  const threadId = `console:tokens:${randomUUID()}`;
  for (const event of eventsFor(threadId, script)) {
    if (event.type === 'message') transcript.push({ role: 'user', text: event.text });
    await engine.handle(event, sink);
  }
  const saved = await store.get<ThreadState>(new Keys(prefix).thread(threadId));
  await store.close();
  await deletePrefix(redisUrl, prefix);
  const t = (chars: number) => Math.round(chars / 4);
  return {
    submitted: saved?.status === 'submitted',
    calls,
    compact: t(compact),
    whole: t(whole),
    output: t(output),
    fixedShare: (fixed * calls) / compact,
  };
}

/** Prints the engine-alone figures (median and min–max over `repeats`). */
export async function engineAloneFigures(redisUrl: string, repeats: number): Promise<void> {
  const emulator = createTikTokEmulator();
  const tiktokUrl = await emulator.listen(0);
  console.log(
    `\n== Engine alone (no adapter): ${SCRIPT.length} messages + 1 approval per thread, to a submitted ad on the in-process emulator; offline model; Redis round trips counted at the server for the engine's own connection; ${repeats} repeats`,
  );
  for (const threads of [1, 50]) {
    const runs: RunFigures[] = [];
    for (let r = 0; r < repeats; r++)
      runs.push(await run(redisUrl, threads, new OfflineTurnModel(), tiktokUrl));
    const of = (f: (x: RunFigures) => number) => spread(runs.map(f));
    console.log(
      `${String(threads).padStart(3)} thread(s): turn p50 ${fmt(
        of((x) => x.p50),
        2,
      )} ms, p99 ${fmt(
        of((x) => x.p99),
        2,
      )} ms, ${fmt(
        of((x) => x.turnsPerSec),
        0,
      )} turns/s, ${fmt(
        of((x) => x.roundTrips),
        2,
      )} Redis round trips/turn (${fmt(
        of((x) => x.commands),
        2,
      )} commands incl. inside Lua), submitted ${runs.map((x) => `${x.submitted}/${x.threads}`).join(', ')}`,
    );
  }
  for (const [label, script] of [
    ['short talk', SCRIPT],
    ['with 8 edits', LONG_SCRIPT],
  ] as const) {
    const tokens = await tokensPerAd(redisUrl, tiktokUrl, [...script]);
    console.log(
      `Tokens per completed ad, ${label} (≈ chars/4, ${tokens.calls} model calls, submitted: ${tokens.submitted}): prompt as built now ${tokens.compact} in + ${tokens.output} out; whole-transcript prompt ${tokens.whole} in (${(tokens.whole / tokens.compact).toFixed(2)}x); fixed part (system + schema, byte-identical every call, cacheable) ${(tokens.fixedShare * 100).toFixed(0)}% of input`,
    );
  }
  await emulator.close();
}
