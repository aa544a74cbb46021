import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createSlackAdapter, type SlackAdapter } from '../../adapters/slack';
import { type AdmissionBounds, AdmissionControl } from '../../src/admission/admission';
import type { AccessResolver } from '../../src/engine/access';
import type { ChatEvent } from '../../src/engine/chat-event';
import { ConversationEngine } from '../../src/engine/engine';
import type { EngineSettings } from '../../src/engine/settings';
import type { ThreadState } from '../../src/engine/thread-state';
import { silentLogger } from '../../src/logging/logger';
import { OfflineTurnModel } from '../../src/model/offline/offline-model';
import type { TurnModel } from '../../src/model/proposal';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';
import type { StateStore } from '../../src/store/state-store';
import type { AdsApi } from '../../src/tiktok/ads-api';
import { TikTokClient } from '../../src/tiktok/client';
import { createTikTokEmulator, type TikTokEmulator } from '../../src/tiktok/emulator';
import {
  blockActionsRequest,
  commandRequest,
  eventRequest,
  type RawRequest,
  type SignOptions,
  sendSigned,
} from '../standins/slack-requests';
import { SlackStandIn, type StandInMessage } from '../standins/slack-standin';
import { deleteRedisPrefix, TEST_REDIS_URL, testSettings } from '../support/harness';
import { TurnsTaken } from './turns-taken';

export const SIGNING_SECRET = 'test-signing-secret';
export const TEAM = 'T0TEST';
export const CHANNEL = 'C0MARKETING';

/** Options of {@link SlackRig.start}. */
export interface SlackRigOptions {
  settings?: Partial<EngineSettings>;
  access: AccessResolver;
  /** Web API retry policy (default: one retry, quick). */
  retries?: number;
  /** Reuse a key prefix and stand-in (a restart of the bot). */
  prefix?: string;
  standin?: SlackStandIn;
  emulator?: TikTokEmulator;
  /** Many workspaces through Slack's OAuth install instead of one bot token. */
  oauth?: boolean;
  /** The adapter's `approvers` (APPROVERS), to resolve user groups. */
  approvers?: string[];
  /** The engine's model (default: the offline model). */
  model?: TurnModel;
  /** Admission bounds (default: `DEFAULT_ADMISSION`). */
  admission?: AdmissionBounds;
  /** The bot's Redis (default: the shared test Redis), e.g. one a test stops and resumes. */
  redisUrl?: string;
  /** Wraps the engine's TikTok client, e.g. to act at a precise step of a submission. */
  wrapAds?: (ads: AdsApi) => AdsApi;
  /** Wraps the engine's store, e.g. so its delivery marks are lost as in a crash after a post. */
  wrapStore?: (store: StateStore) => StateStore;
}

/**
 * The real Slack adapter (Bolt on express over real HTTP) with the real engine, the TikTok
 * emulator, a real Redis under a fresh key prefix, and the Web API pointed at the stand-in.
 * Requests reach the bot signed as Slack signs them. `idle()` waits until Bolt finished every
 * request so far (Bolt acks Events API requests before its listeners run).
 */
export class SlackRig {
  private constructor(
    readonly adapter: SlackAdapter,
    readonly engine: ConversationEngine,
    /** Every event the engine took (claimed: not a repeat), in order. */
    private readonly taken: TurnsTaken,
    readonly standin: SlackStandIn,
    readonly emulator: TikTokEmulator,
    readonly admission: AdmissionControl,
    readonly store: RedisStateStore,
    readonly keys: Keys,
    /** The bot's base URL (`http://127.0.0.1:<port>`). */
    readonly url: string,
    private readonly server: Server,
    private readonly owns: { standin: boolean; emulator: boolean },
    /** Bolt's handling of every request, and work that outlives it (a queued slash command). */
    private readonly inflight: Set<Promise<unknown>>,
  ) {}

  /** Every event the engine took (claimed: not a repeat), in the order they reached it. */
  get handled(): ChatEvent[] {
    return this.taken.events();
  }

  static async start(options: SlackRigOptions): Promise<SlackRig> {
    const standin = options.standin ?? new SlackStandIn();
    const apiUrl = options.standin ? (apiUrls.get(standin) ?? '') : await standin.listen();
    apiUrls.set(standin, apiUrl);
    const emulator = options.emulator ?? createTikTokEmulator();
    const tiktokUrl = options.emulator
      ? (emulatorUrls.get(emulator) ?? '')
      : await emulator.listen(0);
    emulatorUrls.set(emulator, tiktokUrl);
    const store = new RedisStateStore(options.redisUrl ?? TEST_REDIS_URL);
    const keys = new Keys(options.prefix ?? `test:slack:${randomUUID()}:`);
    const engine = new ConversationEngine({
      store: options.wrapStore ? options.wrapStore(store) : store,
      keys,
      model: options.model ?? new OfflineTurnModel(),
      ads: (options.wrapAds ?? ((ads: AdsApi) => ads))(
        new TikTokClient({
          baseUrl: tiktokUrl,
          retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 2 },
        }),
      ),
      access: options.access,
      settings: testSettings(options.settings),
      logger: silentLogger(),
      lock: { ttlMs: 5000, waitMs: 15000 },
    });
    const passed: ChatEvent[] = [];
    const admission = new AdmissionControl(
      {
        claim: (event) => engine.claim(event),
        release: (event_id) => engine.release(event_id),
        hasConversation: (thread_id) => engine.hasConversation(thread_id),
        readiness: () => engine.readiness(),
        handle: (event, sink, handleOptions) => {
          passed.push(event);
          return engine.handle(event, sink, handleOptions);
        },
      },
      options.admission,
    );
    const handled = new TurnsTaken(store, keys, passed);
    const inflight = new Set<Promise<unknown>>();
    const work = {
      track<T>(p: Promise<T>): Promise<T> {
        inflight.add(p);
        p.finally(() => inflight.delete(p)).catch(() => {});
        return p;
      },
    };
    const adapter = await createSlackAdapter({
      work,
      engine: admission,
      admission,
      store,
      keys,
      logger: silentLogger(),
      auth: options.oauth
        ? {
            kind: 'oauth',
            clientId: '111.222',
            clientSecret: 'client-secret',
            stateSecret: 'state-secret',
          }
        : { kind: 'token', botToken: 'xoxb-test' },
      signingSecret: SIGNING_SECRET,
      apiUrl,
      retryConfig: { retries: options.retries ?? 1, minTimeout: 10, maxTimeout: 20 },
      ...(options.approvers ? { approvers: options.approvers } : {}),
    });
    const web = express();
    if (adapter.router) web.use(adapter.router);
    web.get('/health', (_req, res) => {
      res.send('ok');
    });
    const server = await new Promise<Server>((resolve) => {
      const s = web.listen(0, '127.0.0.1', () => resolve(s));
    });
    const { port } = server.address() as AddressInfo;
    return new SlackRig(
      adapter,
      engine,
      handled,
      standin,
      emulator,
      admission,
      store,
      keys,
      `http://127.0.0.1:${port}`,
      server,
      { standin: !options.standin, emulator: !options.emulator },
      inflight,
    );
  }

  /** Sends a raw request signed as Slack would (or broken per `options`). */
  send(request: RawRequest, options: SignOptions = {}) {
    return sendSigned(`${this.url}/slack/events`, SIGNING_SECRET, request, options);
  }

  /** Waits until Bolt has finished processing every request sent so far. */
  async idle(): Promise<void> {
    while (this.inflight.size > 0) await Promise.allSettled([...this.inflight]);
  }

  /** `/tiktok-ad <text>` by `user_id` in the test channel; resolves after the bot finished. */
  async command(text: string, user_id: string, options: SignOptions = {}) {
    const res = await this.send(
      commandRequest({
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id,
        text,
        response_url: this.standin.responseUrl(),
      }),
      options,
    );
    await this.idle();
    return res;
  }

  /** The thread root the last slash command posted. */
  lastRoot(): StandInMessage {
    const roots = this.standin.messages.filter((m) => m.channel === CHANNEL && !m.thread_ts);
    const root = roots.at(-1);
    if (!root) throw new Error('no thread root posted');
    return root;
  }

  /**
   * A `message` event: `user` writes `text` in thread `thread_ts`; `extra` adds or replaces
   * event fields (a `file_share` subtype and its `files`).
   */
  messageRequest(
    thread_ts: string,
    user: string,
    text: string,
    ts = nextTs(),
    extra: Record<string, unknown> = {},
  ): RawRequest {
    return eventRequest(TEAM, {
      type: 'message',
      channel: CHANNEL,
      channel_type: 'channel',
      user,
      text,
      ts,
      thread_ts,
      event_ts: ts,
      team: TEAM,
      blocks: [],
      ...extra,
    });
  }

  /**
   * A `file_share` message: `user` attaches `files` (stored in the stand-in, downloadable with
   * the bot token) with `text` in thread `thread_ts`.
   */
  async share(
    thread_ts: string,
    user: string,
    text: string,
    files: { name: string; data: Buffer; mimetype?: string }[],
  ) {
    const res = await this.send(
      this.messageRequest(thread_ts, user, text, nextTs(), {
        subtype: 'file_share',
        files: files.map((f) => this.standin.addFile(f.name, f.data, f.mimetype)),
        upload: false,
      }),
    );
    await this.idle();
    return res;
  }

  async say(thread_ts: string, user: string, text: string) {
    const res = await this.send(this.messageRequest(thread_ts, user, text));
    await this.idle();
    return res;
  }

  /** `reaction_added`/`reaction_removed` by `user` on message `ts`. */
  async react(ts: string, user: string, reaction: string, added = true) {
    const res = await this.send(
      eventRequest(TEAM, {
        type: added ? 'reaction_added' : 'reaction_removed',
        user,
        reaction,
        item_user: this.standin.bot_user_id,
        item: { type: 'message', channel: CHANNEL, ts },
        event_ts: nextTs(),
      }),
    );
    await this.idle();
    return res;
  }

  /** Picks `values` in the multi-select menu `action_id` on `message`. */
  async select(message: StandInMessage, user: string, action_id: string, values: string[]) {
    const res = await this.send(
      blockActionsRequest({
        team_id: TEAM,
        user_id: user,
        channel: message.channel,
        message_ts: message.ts,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        action_id,
        selected_options: values,
        response_url: this.standin.responseUrl(),
      }),
    );
    await this.idle();
    return res;
  }

  /** Clicks the button `action_id` on `message`. */
  async click(message: StandInMessage, user: string, action_id: string, value?: string) {
    const res = await this.send(
      blockActionsRequest({
        team_id: TEAM,
        user_id: user,
        channel: message.channel,
        message_ts: message.ts,
        ...(message.thread_ts ? { thread_ts: message.thread_ts } : {}),
        action_id,
        ...(value !== undefined ? { value } : {}),
        response_url: this.standin.responseUrl(),
      }),
    );
    await this.idle();
    return res;
  }

  /** The latest message in the thread whose blocks contain `needle` (as JSON). */
  find(thread_ts: string, needle: string | RegExp): StandInMessage | undefined {
    return this.standin
      .messagesIn(CHANNEL, thread_ts)
      .filter((m) => matches(JSON.stringify(m.blocks), needle))
      .at(-1);
  }

  /** Everything posted in the thread so far, as one string (blocks JSON), for assertions. */
  threadText(thread_ts: string): string {
    return this.standin
      .messagesIn(CHANNEL, thread_ts)
      .map((m) => JSON.stringify(m.blocks))
      .join('\n');
  }

  /** Everything shown only to `user` (chat.postEphemeral) in the thread, as one string. */
  ephemeralText(thread_ts: string, user: string): string {
    return this.standin.ephemerals
      .filter((e) => e.thread_ts === thread_ts && e.user === user)
      .map((e) => JSON.stringify(e.blocks))
      .join('\n');
  }

  saved(thread_ts: string): Promise<ThreadState | null> {
    return this.store.get<ThreadState>(this.keys.thread(`slack:${TEAM}:${CHANNEL}:${thread_ts}`));
  }

  /** Stops the bot (and the stand-in/emulator it started); deletes the test's Redis keys. */
  async close(
    options: { keepKeys?: boolean; keepStandin?: boolean; keepEmulator?: boolean } = {},
  ): Promise<void> {
    await this.idle();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
    await this.adapter.stop();
    await this.store.close();
    if (this.owns.standin && !options.keepStandin) await this.standin.close();
    if (this.owns.emulator && !options.keepEmulator) await this.emulator.close();
    if (!options.keepKeys) await deleteRedisPrefix(this.keys.prefix);
  }
}

const apiUrls = new WeakMap<SlackStandIn, string>();
const emulatorUrls = new WeakMap<TikTokEmulator, string>();

let tsSeq = 0;
/** A fresh Slack-style message `ts` for human messages. */
export function nextTs(): string {
  tsSeq += 1;
  return `${Math.floor(Date.now() / 1000) - 100}.${String(500000 + tsSeq).padStart(6, '0')}`;
}

function matches(text: string, needle: string | RegExp): boolean {
  return typeof needle === 'string' ? text.includes(needle) : needle.test(text);
}
