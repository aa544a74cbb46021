import {
  Client,
  DiscordAPIError,
  Events,
  type Interaction,
  type Message,
  type MessageReaction,
  type OmitPartialGroupDMChannel,
  type PartialMessageReaction,
  type PartialUser,
  RESTEvents,
  type User,
} from 'discord.js';
import type { Reply } from '../../src/engine/ports';
import { withinTime } from '../../src/http/reach';
import { scrubClientText } from '../../src/logging/client-text';
import type { Logger } from '../../src/logging/logger';
import { guardedStore } from '../../src/store/guarded-store';
import { DiscordDelivery } from './delivery';
import { DiscordKeys } from './discord-keys';
import { DiscordHandlers } from './handlers';
import { loggableError } from './log-fields';
import {
  DISCORD_INTENTS,
  DISCORD_PARTIALS,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from './options';

export {
  DISCORD_INTENTS,
  DISCORD_PARTIALS,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from './options';

const DEFAULT_STATE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * The Discord adapter: translates discord.js gateway events into `ChatEvent`s for the engine
 * and the engine's replies into messages. No business rule lives here.
 *
 * - `/tiktok-ad [text]`: replied to at once (Discord's 3-second deadline), a thread is started
 *   from that reply and remembered in the store as owned; `text` is the first message.
 * - Human messages in owned threads → `message`; bots, DMs and other channels are ignored.
 * - ✅ / ❌ added to or removed from an approval card (cached or not) → `reaction`.
 * - Our buttons → `action` (acknowledged with `deferUpdate` before the engine runs).
 * - Every gateway delivery is claimed once (`setIfAbsent`) before any work, so a redelivered
 *   event gives no second reply.
 *
 * @example
 * const discord = createDiscordAdapter({ token, engine, store, keys, logger });
 * await discord.start();
 * // OAuth callback: await engine.handle({ type: 'account_linked', ... }, discord.deliver);
 * await discord.stop();
 */
export function createDiscordAdapter(options: DiscordAdapterOptions): DiscordAdapter {
  const { engine } = options;
  // Store failures surface as StoreUnavailableError, so a thread can be told even then.
  const store = guardedStore(options.store);
  const logger = options.logger.child({ component: 'discord' });
  const ttlMs = options.stateTtlMs ?? DEFAULT_STATE_TTL_MS;
  const keys = new DiscordKeys(options.keys);
  const client = new Client({
    intents: DISCORD_INTENTS,
    partials: DISCORD_PARTIALS,
    // Default for every message: nothing pings unless a message lists users on purpose.
    allowedMentions: { parse: [], repliedUser: false },
    rest: { ...(options.apiUrl ? { api: options.apiUrl } : {}), ...options.rest },
    ...(options.waitGuildTimeoutMs === undefined
      ? {}
      : { waitGuildTimeout: options.waitGuildTimeoutMs }),
  });
  const delivery = new DiscordDelivery(client, store, keys, logger, ttlMs);

  const handlers = new DiscordHandlers({
    engine,
    store,
    keys,
    client,
    delivery,
    logger,
    ttlMs,
    approvers: options.approvers ?? [],
  });
  listen(client, handlers, logger, options.work);
  logClientEvents(client, logger);

  const deliver = (reply: Reply) => delivery.deliver(reply);
  const login = async () => {
    const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
    await client.login(options.token);
    await ready;
  };
  return {
    name: 'discord',
    client,
    async start() {
      const timeout = options.startTimeoutMs;
      if (timeout === undefined) await login();
      else
        await withinTime(
          login(),
          timeout,
          `Discord's gateway did not say READY within ${timeout / 1000} s. Check this machine's network (WebSocket to gateway.discord.gg) and DISCORD_TOKEN.`,
        );
      logger.info({ user_id: client.user?.id, guilds: client.guilds.cache.size }, 'Discord ready');
    },
    async stopIntake() {
      // discord.js 14 keeps this method private; verified in src/client/websocket/
      // WebSocketManager.js: it closes every shard for good (no reconnect) and leaves REST alone.
      await (client.ws as unknown as { destroy(): Promise<void> }).destroy();
    },
    async stop() {
      await client.destroy();
    },
    readiness() {
      return client.isReady() ? { ok: true } : { ok: false, error: 'gateway not READY' };
    },
    deliver,
    sink: deliver,
  };
}

/** Hands each gateway event to its handler; handlers never throw into discord.js. */
function listen(
  client: Client,
  handlers: DiscordHandlers,
  logger: Logger,
  work: DiscordAdapterOptions['work'],
): void {
  /** Failures are logged with the event kind; the handling counts as work in flight. */
  const guarded =
    <A extends unknown[]>(kind: string, handler: (...args: A) => Promise<void>) =>
    (...args: A): void => {
      const running = handler(...args);
      work?.track(running);
      running.catch((error: unknown) =>
        logger[error instanceof DiscordAPIError ? 'warn' : 'error'](
          { err: loggableError(error), kind },
          'Discord event failed',
        ),
      );
    };
  type Reacted = [MessageReaction | PartialMessageReaction, User | PartialUser];
  client.on(
    Events.InteractionCreate,
    guarded('interaction', (interaction: Interaction) => handlers.onInteraction(interaction)),
  );
  client.on(
    Events.MessageCreate,
    guarded('message', (message: OmitPartialGroupDMChannel<Message>) =>
      handlers.onMessage(message),
    ),
  );
  client.on(
    Events.MessageReactionAdd,
    guarded('reaction_add', (...[reaction, user]: Reacted) =>
      handlers.onReaction(reaction, user, true),
    ),
  );
  client.on(
    Events.MessageReactionRemove,
    guarded('reaction_remove', (...[reaction, user]: Reacted) =>
      handlers.onReaction(reaction, user, false),
    ),
  );
}

/** discord.js's warnings, errors and rate limits, in the bot's log (never its debug stream). */
function logClientEvents(client: Client, logger: Logger): void {
  // discord.js's own debug stream (gateway payloads, token hints) is deliberately not forwarded.
  client.on(Events.Warn, (message) =>
    logger.warn({ discord: scrubClientText(message) }, 'discord.js warning'),
  );
  client.on(Events.Error, (error) =>
    logger.error({ err: loggableError(error) }, 'discord.js error'),
  );
  client.rest.on(RESTEvents.RateLimited, (info) =>
    // `route` has placeholders, never tokens (interaction webhook URLs carry one).
    logger.warn(
      {
        route: info.route,
        method: info.method,
        retry_after_ms: info.retryAfter,
        global: info.global,
        scope: info.scope,
      },
      'Discord rate limit; waiting',
    ),
  );
}
