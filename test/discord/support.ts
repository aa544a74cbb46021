import { randomUUID } from 'node:crypto';
import { Events } from 'discord.js';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord';
import type { ChatUser } from '../../src/engine/chat-event';
import { ConversationEngine } from '../../src/engine/engine';
import type { EngineSettings } from '../../src/engine/settings';
import { parseThreadId } from '../../src/engine/thread-id';
import type { ThreadState } from '../../src/engine/thread-state';
import { createWorkTracker } from '../../src/lifecycle/work-tracker';
import { silentLogger } from '../../src/logging/logger';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';
import { TikTokClient } from '../../src/tiktok/client';
import { createTikTokEmulator, type TikTokEmulator } from '../../src/tiktok/emulator';
import type { WireObject, WireUser } from '../standins/discord-payloads';
import {
  DiscordStandIn,
  messageLimitProblems,
  type RecordedCall,
} from '../standins/discord-standin';
import {
  CAROUSEL_SCRIPT,
  deleteRedisPrefix,
  TEST_REDIS_URL,
  testSettings,
} from '../support/harness';
import { TestLinking } from '../support/test-linking';

/** Polls `check` until it returns a value other than undefined/false; fails after `timeoutMs`. */
export async function until<T>(
  what: string,
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 8000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Every string in `value` as Discord shows it: a backslash-escaped character as itself. */
function shown(value: unknown): unknown {
  if (typeof value === 'string') return value.replace(/\\(.)/gs, '$1');
  if (Array.isArray(value)) return value.map(shown);
  if (typeof value === 'object' && value !== null)
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, shown(v)]));
  return value;
}

/**
 * Everything posted into a channel: content plus all embed text, one string per message, as
 * Discord shows it (markdown escapes removed).
 */
export function textOfMessage(message: WireObject): string {
  return JSON.stringify(
    shown({
      content: message.content,
      embeds: message.embeds,
      components: message.components,
    }),
  );
}

/** The bodies that carry message payloads: creates, edits, follow-ups, interaction replies. */
export function messagePayloads(
  calls: RecordedCall[],
): Array<{ call: RecordedCall; payload: WireObject }> {
  return calls.flatMap((call) => {
    if (!call.body) return [];
    if (/\/callback$/.test(call.path)) {
      const data = call.body.data as WireObject | undefined;
      return data ? [{ call, payload: data }] : [];
    }
    const isMessage =
      (call.method === 'POST' && /^\/channels\/\d+\/messages$/.test(call.path)) ||
      (call.method === 'PATCH' && /^\/channels\/\d+\/messages\/\d+$/.test(call.path)) ||
      /^\/webhooks\//.test(call.path);
    return isMessage ? [{ call, payload: call.body }] : [];
  });
}

/**
 * Every way a payload breaks Discord's message limits (the stand-in's checks), or lets
 * mentions through (`allowed_mentions.parse` must be present and empty): `[]` when all is well.
 */
export function limitViolations(payload: WireObject): string[] {
  const problems = messageLimitProblems(payload);
  const mentions = payload.allowed_mentions as Record<string, unknown> | undefined;
  const parse = (mentions?.parse as unknown[] | undefined) ?? null;
  if (!mentions || !parse || parse.length > 0)
    problems.push(`allowed_mentions ${JSON.stringify(mentions)}`);
  return problems;
}

/** Asserts that every message payload the stand-in received fits the limits; returns the count. */
export function expectAllWithinLimits(calls: RecordedCall[]): number {
  const payloads = messagePayloads(calls);
  const bad = payloads
    .map(({ call, payload }) => ({
      route: `${call.method} ${call.path}`,
      problems: limitViolations(payload),
    }))
    .filter((p) => p.problems.length > 0);
  expect(bad).toEqual([]);
  return payloads.length;
}

/** An engine + TikTok emulator + real Redis + Discord stand-in + the real adapter. */
export class DiscordFixture {
  adapter: DiscordAdapter;
  /** Every gateway handler the adapter runs (a turn, a claim, a refusal), while it runs. */
  private readonly work = createWorkTracker();
  /** `s` of the last dispatch the current adapter's client received. */
  private seenSeq = 0;

  private constructor(
    readonly standin: DiscordStandIn,
    readonly emulator: TikTokEmulator,
    readonly store: RedisStateStore,
    readonly keys: Keys,
    readonly engine: ConversationEngine,
    readonly access: TestLinking,
    /** The adapter's `approvers` (APPROVERS), equal to the engine's. */
    readonly approvers: string[] = [],
  ) {
    this.adapter = this.newAdapter();
  }

  static async start(settings: Partial<EngineSettings> = {}): Promise<DiscordFixture> {
    const standin = await DiscordStandIn.start();
    const emulator = createTikTokEmulator();
    const baseUrl = await emulator.listen(0);
    const store = new RedisStateStore(TEST_REDIS_URL);
    const keys = new Keys(`test:discord:${randomUUID()}:`);
    const access = new TestLinking();
    const engine = new ConversationEngine({
      store,
      keys,
      model: new OfflineTurnModel(),
      ads: new TikTokClient({ baseUrl, retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 } }),
      access,
      settings: testSettings(settings),
      logger: silentLogger(),
      lock: { ttlMs: 5000, waitMs: 15000 },
    });
    const fixture = new DiscordFixture(
      standin,
      emulator,
      store,
      keys,
      engine,
      access,
      settings.approvers,
    );
    await fixture.adapter.start();
    return fixture;
  }

  /**
   * Waits until the bot is done with everything sent so far: its client received the stand-in's
   * last dispatch, and no gateway handler runs (a handler starts in the tick its dispatch
   * arrives). Checked again a tick later, since a reply's dispatch comes back from the REST call.
   * Events, not a quiet period: a bot slowed by a busy machine is waited for, however long.
   */
  async settle(): Promise<void> {
    const done = () => this.standin.lastSeq === this.seenSeq && this.work.inFlight === 0;
    for (;;) {
      await until('the bot to finish what was sent', done, 15_000);
      await new Promise((resolve) => setImmediate(resolve));
      if (done()) return;
    }
  }

  private newAdapter(): DiscordAdapter {
    this.seenSeq = 0;
    const adapter = createDiscordAdapter({
      work: this.work,
      token: this.standin.token,
      engine: this.engine,
      store: this.store,
      keys: this.keys,
      logger: silentLogger(),
      apiUrl: this.standin.apiUrl,
      rest: { retries: 0, timeout: 5000 },
      waitGuildTimeoutMs: 1000,
      ...(this.approvers.length > 0 ? { approvers: this.approvers } : {}),
    });
    adapter.client.on(Events.Raw, (packet: { s?: number | null }) => {
      if (typeof packet.s === 'number') this.seenSeq = packet.s;
    });
    return adapter;
  }

  /** Stops the bot and starts a fresh one (empty discord.js caches) against the same Redis. */
  async restart(): Promise<void> {
    await this.adapter.stop();
    this.adapter = this.newAdapter();
    await this.adapter.start();
  }

  /** Runs `/tiktok-ad text` as `user`; resolves to the new thread id once it exists. */
  async startDraft(user: WireUser, text?: string): Promise<string> {
    const before = new Set(this.standin.threads().map((t) => String(t.id)));
    this.standin.slashCommand(user, text);
    const thread = await until('the draft thread', () =>
      this.standin.threads().find((t) => !before.has(String(t.id))),
    );
    return String(thread.id);
  }

  /** The bot's messages in a channel (non-bot messages excluded). */
  botMessages(channelId: string): WireObject[] {
    return this.standin
      .channelMessages(channelId)
      .filter((m) => (m.author as { id: string }).id === this.standin.bot.id);
  }

  /** Waits for a bot message in `channelId` whose text matches `pattern`. */
  waitForBotMessage(channelId: string, pattern: RegExp, timeoutMs?: number): Promise<WireObject> {
    return until(
      `a bot message matching ${pattern}`,
      () => this.botMessages(channelId).find((m) => pattern.test(textOfMessage(m))),
      timeoutMs,
    );
  }

  /** `user` says `text` in the thread; resolves once the bot answered and went quiet. */
  async say(threadId: string, user: WireUser, text: string): Promise<void> {
    const before = this.botMessages(threadId).length;
    this.standin.userMessage(user, threadId, text);
    await until(`a reply to "${text}"`, () => this.botMessages(threadId).length > before);
    await this.settle();
  }

  /** `user` attaches `files` to a message in the thread; resolves once the bot went quiet. */
  async share(
    threadId: string,
    user: WireUser,
    text: string,
    files: { filename: string; data: Buffer; content_type?: string }[],
  ): Promise<void> {
    const before = this.botMessages(threadId).length;
    this.standin.userMessage(user, threadId, text, files);
    await until('a reply to the files', () => this.botMessages(threadId).length > before);
    await this.settle();
  }

  /**
   * `requester` runs the carousel conversation up to the approval card, linking their TikTok
   * account right after the first message (the card waits for the TikTok checks a link allows).
   */
  async readyDraft(requester: WireUser): Promise<{ thread: string; card: string }> {
    const [first, ...rest] = CAROUSEL_SCRIPT;
    const thread = await this.startDraft(requester, first);
    await this.waitForBotMessage(thread, /ad text/i);
    await this.settle();
    await this.completeLinking(thread, { id: requester.id, name: requester.username });
    for (const line of rest) await this.say(thread, requester, line);
    const card = await this.waitForBotMessage(thread, /Approval needed/);
    await this.settle();
    return { thread, card: String(card.id) };
  }

  /** The engine's saved state of a Discord thread. */
  async state(threadId: string): Promise<ThreadState | null> {
    const key = `${this.keys.prefix}discord:thread:${threadId}`;
    const engineThreadId = await this.store.get<string>(key);
    return engineThreadId ? this.store.get<ThreadState>(this.keys.thread(engineThreadId)) : null;
  }

  /**
   * Waits until the saved state satisfies `ready` (replies reach Discord before the engine
   * saves the turn, so a test that just saw a reply may be a moment early), and returns it.
   */
  stateWhen(threadId: string, ready: (state: ThreadState) => boolean): Promise<ThreadState> {
    return until('the saved thread state', async () => {
      const state = await this.state(threadId);
      return state && ready(state) ? state : undefined;
    });
  }

  /** The engine thread id (`discord:<guild>:<channel>:<thread>`) of a Discord thread. */
  engineThreadId(threadId: string): string {
    return `discord:${this.standin.guildId}:${this.standin.channelId}:${threadId}`;
  }

  /** What the OAuth callback does when `user` finished linking from this thread. */
  async completeLinking(threadId: string, user: ChatUser): Promise<void> {
    const engineThread = this.engineThreadId(threadId);
    const ref = parseThreadId(engineThread);
    this.access.complete({ platform: 'discord', workspace_id: ref.workspace, user_id: user.id });
    await this.engine.handle(
      {
        type: 'account_linked',
        event_id: `oauth:${randomUUID()}`,
        thread_id: engineThread,
        platform: 'discord',
        workspace_id: ref.workspace,
        channel_id: ref.channel,
        user,
      },
      this.adapter.deliver,
    );
  }

  async close(): Promise<void> {
    await this.adapter.stop();
    await this.standin.close();
    await this.emulator.close();
    await this.store.close();
    await deleteRedisPrefix(this.keys.prefix);
  }
}
