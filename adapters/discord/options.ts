// What the Discord adapter is given and gives: its options (engine, store, token, limits),
// the running adapter's surface, and the gateway intents and partials it asks Discord for.
import { type Client, GatewayIntentBits, Partials, type RESTOptions } from 'discord.js';
import type { ChatAdapter, ChatEngine, Reply, ReplySink } from '../../src/engine/ports';
import type { WorkTracker } from '../../src/lifecycle/work-tracker';
import type { Logger } from '../../src/logging/logger';
import type { Keys } from '../../src/store/keys';
import type { StateStore } from '../../src/store/state-store';

/**
 * Gateway intents (docs/discord.md §1): guild channels and threads, their
 * messages and reactions, the message text (privileged "Message Content" intent: users chat in
 * the thread without mentioning the bot), and DMs. Sum 38401.
 */
export const DISCORD_INTENTS = [
  GatewayIntentBits.Guilds,
  GatewayIntentBits.GuildMessages,
  GatewayIntentBits.MessageContent,
  GatewayIntentBits.GuildMessageReactions,
  GatewayIntentBits.DirectMessages,
];

/**
 * Partials, so that events about things not in discord.js's cache still arrive: DM channels
 * (never cached), and reactions on messages from before a restart (without `Message` and
 * `Reaction` discord.js drops them silently; verified in v14 `MessageReactionAdd.js`).
 */
export const DISCORD_PARTIALS = [
  Partials.Channel,
  Partials.Message,
  Partials.Reaction,
  Partials.User,
];

/** Options of {@link createDiscordAdapter}. */
export interface DiscordAdapterOptions {
  /** The bot token (Developer Portal → Bot). Never logged. */
  token: string;
  engine: ChatEngine;
  /** The same store (and key prefix) as the engine's: owned threads and claims live there. */
  store: StateStore;
  keys: Keys;
  logger: Logger;
  /** Discord's REST base, default `https://discord.com/api`; tests point it at a stand-in. */
  apiUrl?: string;
  /** Further `@discordjs/rest` options (e.g. `{ retries: 0, timeout: 5000 }` in tests). */
  rest?: Partial<RESTOptions>;
  /** How long owned threads, keyed messages and approval cards are remembered; default 30 days. */
  stateTtlMs?: number;
  /**
   * Bounds {@link DiscordAdapter.start}: past it, start fails with a `StartError` naming the
   * network and `DISCORD_TOKEN`. Default: no bound.
   */
  startTimeoutMs?: number;
  /** How long to wait for each guild at login (discord.js `waitGuildTimeout`); default 15000. */
  waitGuildTimeoutMs?: number;
  /**
   * The `APPROVERS` setting. When set, an approval vote carries the voter's guild role ids
   * (`ChatUser.groups`), so the engine can match role ids listed there.
   */
  approvers?: string[];
  /** Counts every gateway event's handling as work in flight (so a shutdown waits for it). */
  work?: Pick<WorkTracker, 'track'>;
}

/** A running Discord adapter. */
export interface DiscordAdapter extends ChatAdapter {
  readonly name: 'discord';
  /** The discord.js client (for logging, or tests). */
  readonly client: Client;
  /** Logs in over the gateway and resolves once the client is ready (all guilds arrived). */
  start(): Promise<void>;
  /**
   * Stops taking events: closes the gateway connection (no new events arrive; Discord keeps
   * what it would have sent for the next session), while REST stays usable so turns in
   * flight still post their replies.
   */
  stopIntake(): Promise<void>;
  /** Closes the gateway connection and the REST queue. */
  stop(): Promise<void>;
  /** Whether the gateway session is READY (identified, guilds received). */
  readiness(): { ok: boolean; error?: string };
  /**
   * Delivers a reply that answers no Discord event, from its thread id alone: the sink to pass
   * to `engine.handle` from the OAuth callback (`account_linked`). Private replies go by DM,
   * and when DMs are closed, a mention in the thread asks the user to open them.
   */
  deliver(reply: Reply): Promise<void>;
  /** {@link deliver}, as the sink the engine's courier and resumed threads use. */
  readonly sink: ReplySink;
}
