import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { type AccessResolver, StaticAccessResolver } from '../../src/engine/access';
import type { ActionId, ChatFile, ChatUser } from '../../src/engine/chat-event';
import { ConversationEngine, type EngineDeps } from '../../src/engine/engine';
import type { Reply } from '../../src/engine/reply';
import type { EngineSettings } from '../../src/engine/settings';
import type { ThreadState } from '../../src/engine/thread-state';
import { silentLogger } from '../../src/logging/logger';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import type { TurnModel } from '../../src/model/proposal';
import { Keys } from '../../src/store/keys';
import { InMemoryStateStore } from '../../src/store/memory-state-store';
import { RedisStateStore } from '../../src/store/redis-state-store';
import type { StateStore } from '../../src/store/state-store';
import type { AdsApi } from '../../src/tiktok/ads-api';
import { TikTokClient } from '../../src/tiktok/client';
import {
  createTikTokEmulator,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  type TikTokEmulator,
  type TikTokEmulatorOptions,
} from '../../src/tiktok/emulator';

/** The Redis the tests use (a real server; CI starts one). */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Settings for tests: console-like policy unless overridden. */
export function testSettings(overrides: Partial<EngineSettings> = {}): EngineSettings {
  return {
    budget: { min_daily: 20, max_daily: 1000, default_daily: 50, currency: 'USD' },
    approvals_required: 1,
    allow_self_approval: true,
    draft_ttl_ms: 60 * 60 * 1000,
    targeting: { location_ids: ['6252001'], optimization_event: 'SHOPPING' },
    identity: { display_name: 'Emulator Brand' },
    ...overrides,
  };
}

export interface HarnessOptions {
  redis?: boolean;
  settings?: Partial<EngineSettings>;
  model?: TurnModel;
  /** Wraps the TikTok client, e.g. to simulate a crash between steps. */
  wrapAds?: (ads: AdsApi) => AdsApi;
  /** Reuse a key prefix (a "restart" against the same Redis). */
  prefix?: string;
  /** Reuse an emulator (a restart of the bot, not of TikTok). */
  emulator?: TikTokEmulator;
  /** Options of the emulator this harness starts (e.g. its clock); ignored with `emulator`. */
  emulatorOptions?: TikTokEmulatorOptions;
  retryAttempts?: number;
  /** Per-attempt TikTok client timeout (ms). */
  timeoutMs?: number;
  /** Extra engine dependencies (owner, audit, lock). */
  engineDeps?: Partial<EngineDeps>;
  /** Whose TikTok account is used (default: the emulator's account for everyone). */
  access?: AccessResolver;
}

/** An engine wired to a real emulator over HTTP and a real store, plus helpers to chat. */
export class Harness {
  private constructor(
    readonly engine: ConversationEngine,
    readonly emulator: TikTokEmulator,
    readonly client: TikTokClient,
    readonly store: StateStore,
    readonly keys: Keys,
    readonly prefix: string,
    private readonly ownsEmulator: boolean,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<Harness> {
    const ownsEmulator = !options.emulator;
    const emulator = options.emulator ?? createTikTokEmulator(options.emulatorOptions);
    const baseUrl = ownsEmulator ? await emulator.listen(0) : (emulatorUrls.get(emulator) ?? '');
    if (ownsEmulator) emulatorUrls.set(emulator, baseUrl);
    const client = new TikTokClient({
      baseUrl,
      retry: { attempts: options.retryAttempts ?? 3, baseDelayMs: 1, maxDelayMs: 2 },
      ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}),
    });
    const prefix = options.prefix ?? `test:${randomUUID()}:`;
    const store: StateStore = options.redis
      ? new RedisStateStore(TEST_REDIS_URL)
      : new InMemoryStateStore();
    const keys = new Keys(prefix);
    const ads = options.wrapAds ? options.wrapAds(client) : client;
    const engine = new ConversationEngine({
      store,
      keys,
      model: options.model ?? new OfflineTurnModel(),
      ads,
      access:
        options.access ??
        new StaticAccessResolver({
          access_token: EMULATOR_ACCESS_TOKEN,
          advertiser_id: EMULATOR_ADVERTISER_ID,
        }),
      settings: testSettings(options.settings),
      logger: silentLogger(),
      lock: { ttlMs: 5000, waitMs: 15000 },
      ...options.engineDeps,
    });
    return new Harness(engine, emulator, client, store, keys, prefix, ownsEmulator);
  }

  thread(n = '1', user: ChatUser = { id: 'U_REQ', name: 'requester' }): TestThread {
    return new TestThread(this, `console:local:${n}`, user);
  }

  async saved(threadId: string): Promise<ThreadState | null> {
    return this.store.get<ThreadState>(this.keys.thread(threadId));
  }

  /** Closes the store (and the emulator when this harness started it). Redis keys are kept. */
  async close(options: { keepEmulator?: boolean } = {}): Promise<void> {
    await this.store.close();
    if (this.ownsEmulator && !options.keepEmulator) await this.emulator.close();
  }
}

const emulatorUrls = new WeakMap<TikTokEmulator, string>();

/** Deletes every Redis key under `prefix`. */
export async function deleteRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}

/** One chat thread, as a user types in it. */
export class TestThread {
  constructor(
    readonly harness: Harness,
    readonly id: string,
    readonly user: ChatUser,
  ) {}

  private base(user: ChatUser, event_id?: string) {
    return {
      event_id: event_id ?? randomUUID(),
      thread_id: this.id,
      platform: 'console' as const,
      workspace_id: 'local',
      channel_id: 'local',
      user,
    };
  }

  say(
    text: string,
    options: { user?: ChatUser; files?: ChatFile[]; event_id?: string } = {},
  ): Promise<Reply[]> {
    return this.harness.engine.handle({
      ...this.base(options.user ?? this.user, options.event_id),
      type: 'message',
      text,
      ...(options.files ? { files: options.files } : {}),
    });
  }

  /** What the OAuth callback sends once `user` linked from a link asked for in this thread. */
  linked(user: ChatUser = this.user): Promise<Reply[]> {
    return this.harness.engine.handle({ ...this.base(user), type: 'account_linked' });
  }

  /** A button click or command; `card_key` names the card clicked (default: none, the terminal). */
  act(action_id: ActionId, user: ChatUser = this.user, card_key?: string): Promise<Reply[]> {
    return this.harness.engine.handle({
      ...this.base(user),
      type: 'action',
      action_id,
      ...(card_key === undefined ? {} : { card_key }),
    });
  }

  /** A reaction; `card_key` names the card reacted on (default: none, the terminal). */
  react(emoji: string, user: ChatUser, added = true, card_key?: string): Promise<Reply[]> {
    return this.harness.engine.handle({
      ...this.base(user),
      type: 'reaction',
      emoji,
      added,
      ...(card_key === undefined ? {} : { card_key }),
    });
  }

  /** Types each line in order; returns all replies. */
  async script(lines: string[]): Promise<Reply[]> {
    const all: Reply[] = [];
    for (const line of lines) all.push(...(await this.say(line)));
    return all;
  }

  state(): Promise<ThreadState | null> {
    return this.harness.saved(this.id);
  }
}

/** All blocks of these replies, flattened. */
export function blocksOf(replies: Reply[]) {
  return replies.flatMap((r) => r.blocks);
}

/** Every human-readable string in the replies, joined, for content assertions. */
export function textOf(replies: Reply[]): string {
  return JSON.stringify(blocksOf(replies));
}

/** The lines of a carousel conversation (Conversions with music_123) up to, not including, approval. */
export const CAROUSEL_SCRIPT = [
  'I want to create a campaign called SoluLab for conversions',
  'Grow your business with SoluLab blockchain experts',
  'Learn More',
  'Use music_123',
  'https://solulab.com',
  'img_summer_1, img_summer_2',
];

/** A Traffic single-video conversation with no music, up to approval. */
export const VIDEO_SCRIPT = [
  'Create a campaign called Summer Sale for traffic',
  'Big summer deals on every order',
  'Shop now',
  'No music needed',
  'https://shop.example.com/summer',
  'vid_summer_1',
];
