/**
 * One bot process of `npm run chaos`: the real engine, Redis state store and TikTok client
 * against the emulator process at `TIKTOK_BASE_URL`. On start it resumes submissions whose
 * owner died (the resumer, as `npm start` does), then, when `CHAOS_THREAD` is set, drafts an ad
 * in that thread, approves it, and kills itself (SIGKILL) at `CHAOS_CRASH_AT`.
 * `CHAOS_APPROVE_ONLY=1` approves the thread's saved draft without typing it again (a second
 * approval); `CHAOS_ROLLBACK=1` says `ready` and waits for a line on stdin before approving,
 * then says `turn_done` and waits for another before it leaves (without a last resume scan:
 * its Redis was rolled back meanwhile).
 *
 * Prints one JSON line per event on stdout: `resumed` (thread, ms since start), `approving`
 * (the approval is handed to the engine now), `submitted`, `no_crash` (the crash point never
 * came), `crashing` (point), `ready`, `turn_done` (rollback mode), `approval_error` (the
 * approval turn threw, e.g. its Redis died). With `CHAOS_CHAT_URL` every reply is posted to the
 * harness's chat stand-in (`chat.ts`); the restart's resumer first sends what the outboxes hold.
 */

import { createInterface } from 'node:readline';
import { loadConfig } from '../../src/app/config';
import { engineSettingsFrom } from '../../src/app/engine-settings';
import { StaticAccessResolver } from '../../src/engine/access';
import type { ChatUser } from '../../src/engine/chat-event';
import { ConversationEngine } from '../../src/engine/engine';
import type { EngineSettings } from '../../src/engine/settings';
import { ProcessOwner } from '../../src/engine/submission/owner';
import { SubmissionResumer } from '../../src/engine/submission/resume';
import { silentLogger } from '../../src/logging/logger';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';
import type { StateStore } from '../../src/store/state-store';
import type { AdsApi } from '../../src/tiktok/ads-api';
import { TikTokClient } from '../../src/tiktok/client';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator/fixtures';
import { chatGuardOf, chatSink } from './chat';
import { die } from './crash-points';

const startedAt = Date.now();
const env = process.env;
const crashAt = env.CHAOS_CRASH_AT ?? '';
const thread = env.CHAOS_THREAD ?? '';
/** Where replies go (`--kill-after-approval`: the harness's chat); none: they are dropped. */
const sink = env.CHAOS_CHAT_URL
  ? chatSink(env.CHAOS_CHAT_URL, chatGuardOf(env.CHAOS_CHAT_NONCE))
  : undefined;

function say(event: Record<string, unknown>): void {
  process.stdout.write(`${JSON.stringify(event)}\n`);
}

/** Set while this run's own approval turn runs (never during the resume of an earlier run). */
const armed = { on: false };

function crash(point: string): void {
  if (!armed.on || point !== crashAt) return;
  say({ event: 'crashing', point });
  die();
}

/** Crashes right after TikTok answered a create or an enable. */
function crashingAds(ads: AdsApi): AdsApi {
  return new Proxy(ads, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const result = await value.apply(target, args);
        if (prop === 'createCampaign') crash('after-create:campaign');
        if (prop === 'createAdGroup') crash('after-create:adgroup');
        if (prop === 'createAd') crash('after-create:ad');
        if (prop === 'updateStatus' && args[3] === 'ENABLE')
          crash(`after-enable:${String(args[1])}`);
        return result;
      };
    },
  });
}

/** Crashes before or after the n-th save of the thread once `armed` (the approval turn). */
function crashingStore(
  store: StateStore,
  threadKey: string,
  counter: { armed: { on: boolean }; saves: number },
): StateStore {
  const around = async <T>(key: string, write: () => Promise<T>): Promise<T> => {
    if (!counter.armed.on || key !== threadKey) return write();
    counter.saves += 1;
    crash(`before-save:${counter.saves}`);
    const result = await write();
    crash(`after-save:${counter.saves}`);
    return result;
  };
  return new Proxy(store, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver);
      if (typeof value !== 'function') return value;
      if (prop === 'set')
        return (key: string, v: unknown, ttl?: number) =>
          around(key, () => target.set(key, v, ttl));
      if (prop === 'setAndReleaseLock')
        return (lock: { key: string; token: string }, key: string, v: unknown, ttl: number) =>
          around(key, () => target.setAndReleaseLock(lock, key, v, ttl));
      if (prop === 'saveWithOutbox')
        return (...a: Parameters<StateStore['saveWithOutbox']>) =>
          around(a[1], () => target.saveWithOutbox(...a));
      return value.bind(target);
    },
  });
}

/** The shipped defaults (as with no settings at all), with a 1-hour draft lifetime. */
const settings: EngineSettings = {
  ...engineSettingsFrom(loadConfig({}), 'console'),
  draft_ttl_ms: 60 * 60 * 1000,
  identity: { display_name: 'Emulator Brand' },
};

/** The next line on stdin (rollback mode: the chaos run's go-aheads). */
const stdinLines = createInterface({ input: process.stdin });
const pending: string[] = [];
const waiting: ((line: string) => void)[] = [];
stdinLines.on('line', (line) => {
  const next = waiting.shift();
  if (next) next(line);
  else pending.push(line);
});
function nextLine(): Promise<string> {
  const line = pending.shift();
  if (line !== undefined) return Promise.resolve(line);
  return new Promise((resolve) => waiting.push(resolve));
}

/**
 * Rollback mode: says `event` and waits for a line on stdin, so the chaos run can take its
 * Redis snapshot just before the approval, and roll Redis back before this process goes on.
 */
async function handOver(event: string): Promise<void> {
  say({ event });
  await nextLine();
}

async function main(): Promise<void> {
  const keys = new Keys(env.CHAOS_PREFIX ?? 'chaos:');
  const redis = new RedisStateStore(env.CHAOS_REDIS_URL ?? 'redis://127.0.0.1:6379');
  const counter = { armed, saves: 0 };
  const store = thread ? crashingStore(redis, keys.thread(thread), counter) : redis;
  const client = new TikTokClient({
    baseUrl: env.TIKTOK_BASE_URL ?? 'http://127.0.0.1:4010',
    timeoutMs: 2000,
    retry: { attempts: 3, baseDelayMs: 20, maxDelayMs: 100 },
  });
  const owner = new ProcessOwner({ store: redis, keys, ttlMs: 2000 });
  await owner.start();
  const logger = silentLogger();
  const engine = new ConversationEngine({
    store,
    keys,
    model: new OfflineTurnModel(),
    ads: crashingAds(client),
    access: new StaticAccessResolver({
      access_token: EMULATOR_ACCESS_TOKEN,
      advertiser_id: EMULATOR_ADVERTISER_ID,
    }),
    settings,
    logger,
    owner,
    lock: { ttlMs: Number(env.CHAOS_LOCK_TTL_MS ?? 1000), waitMs: 30_000 },
  });
  const resumer = new SubmissionResumer({
    store: redis,
    keys,
    owner,
    engine,
    outbox: engine.courier,
    sinkFor: () => sink,
    logger,
  });
  const resuming = resumer.scan().then((r) => {
    for (const t of r.resumed) say({ event: 'resumed', thread: t, ms: Date.now() - startedAt });
    return r;
  });

  if (thread) {
    const user: ChatUser = { id: 'U_CHAOS', name: 'chaos' };
    let n = 0;
    const base = () => ({
      event_id: `${thread}:${process.pid}:${++n}`,
      thread_id: thread,
      platform: 'console' as const,
      workspace_id: 'chaos',
      channel_id: 'chaos',
      user,
    });
    const name = thread.split(':').at(-1);
    const draft = [
      `Create a campaign called Chaos ${name} for traffic`,
      'Big summer deals on every order',
      'Shop now',
      'No music needed',
      'https://shop.example.com/summer',
      'vid_summer_1',
    ];
    if (!env.CHAOS_APPROVE_ONLY)
      for (const text of draft) await engine.handle({ ...base(), type: 'message', text }, sink);
    // Let a resume in progress finish first, so each run's figures are its own.
    await resuming;
    if (env.CHAOS_ROLLBACK) await handOver('ready');
    armed.on = true;
    say({ event: 'approving', thread });
    try {
      await engine.handle({ ...base(), type: 'action', action_id: 'approve' }, sink);
    } catch (err) {
      // Redis died under the turn (rollback mode): what the bot does then is part of the test.
      say({ event: 'approval_error', message: err instanceof Error ? err.message : String(err) });
    }
    armed.on = false;
    say({ event: crashAt ? 'no_crash' : 'submitted', thread, saves: counter.saves });
    if (env.CHAOS_ROLLBACK) {
      await handOver('turn_done');
      // Redis went back in time under this process; the rest of the test is the next approval.
      stdinLines.close();
      await owner.stop({ keepKey: true });
      await redis.close().catch(() => undefined);
      return;
    }
  }
  await resuming;
  // A resume that was still waiting (an owner that looked alive) gets one more look.
  const again = await resumer.scan();
  for (const t of again.resumed) say({ event: 'resumed', thread: t, ms: Date.now() - startedAt });
  stdinLines.close();
  await owner.stop();
  await redis.close();
}

main().catch((err: unknown) => {
  process.stderr.write(`chaos bot failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
