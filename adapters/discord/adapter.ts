import { randomUUID } from 'node:crypto';
import {
  type ButtonInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  Client,
  DiscordAPIError,
  Events,
  type Interaction,
  type Message,
  MessageFlags,
  type MessageReaction,
  type OmitPartialGroupDMChannel,
  type PartialMessageReaction,
  type PartialUser,
  RESTEvents,
  type StringSelectMenuInteraction,
  ThreadAutoArchiveDuration,
  type User,
} from 'discord.js';
import {
  type ChatEvent,
  type Reply,
  STORAGE_DOWN_START_TEXT,
  STORE_FAILED_TEXT,
  type ThreadId,
  threadIdOf,
} from '../../src/engine/ports';
import { withinTime } from '../../src/http/reach';
import { scrubClientText } from '../../src/logging/client-text';
import { guardedStore } from '../../src/store/guarded-store';
import { StoreUnavailableError } from '../../src/store/state-store';
import { COMMAND_NAME } from './command';
import { decodeCustomId } from './custom-id';
import { type CardRef, type DeliveryContext, DiscordDelivery } from './delivery';
import { DiscordKeys } from './discord-keys';
import {
  actionEventOf,
  interactionEventId,
  messageEventId,
  messageEventOf,
  reactionEventOf,
  startEventOf,
  TEXT_OPTION,
} from './events';
import { downloadAttachments } from './files';
import { truncate } from './limits';
import { loggableError } from './log-fields';
import {
  DISCORD_INTENTS,
  DISCORD_PARTIALS,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from './options';
import { discordRootPost } from './root-post';
import { voterChecked } from './voter';

export {
  DISCORD_INTENTS,
  DISCORD_PARTIALS,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from './options';

import { BotError } from '../../src/errors/bot-error';

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

  /**
   * Claims one gateway delivery with the engine (its one claim of the event id); false when it
   * was already handled (a redelivery). Claimed before any reply, so a redelivery says nothing.
   */
  const claim = (event_id: string) => engine.claim({ event_id });

  /**
   * Runs the engine on an event the adapter already claimed; replies go to Discord as produced.
   * Failures are logged and said.
   */
  const run = async (event: ChatEvent, context: DeliveryContext = {}): Promise<void> => {
    try {
      await engine.handle(event, (reply) => delivery.deliver(reply, context), { claimed: true });
    } catch (error) {
      // Discord refusing a call (missing access, unknown channel…) is expected: warn, code only.
      logger[error instanceof DiscordAPIError ? 'warn' : 'error'](
        { err: loggableError(error), thread_id: event.thread_id, type: event.type },
        'turn failed',
      );
      await delivery
        .deliver(
          {
            thread_id: event.thread_id,
            blocks: [
              {
                type: 'text',
                tone: 'error',
                text: 'Something went wrong on my side; please try that again.',
              },
            ],
          },
          context,
        )
        .catch((err: unknown) =>
          logger.error({ err: loggableError(err) }, 'could not report a failed turn'),
        );
    }
  };

  const ownedThread = (channelId: string) => store.get<ThreadId>(keys.ownedThread(channelId));

  /** The approval card a message is (older cards were stored as a bare thread id). */
  const cardOf = async (messageId: string): Promise<CardRef | null> => {
    const ref = await store.get<CardRef | ThreadId>(keys.approvalCard(messageId));
    return typeof ref === 'string' ? { thread_id: ref } : ref;
  };

  const withVoter = (event: ChatEvent, guildId: string | null) =>
    voterChecked(client, event, guildId, options.approvers ?? [], logger);

  async function onSlashCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    let claimed: boolean;
    try {
      claimed = await claim(interactionEventId(interaction.id));
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Nothing could be saved, so no thread is opened: said only to the one who asked.
      logger.error(
        { err: error.cause, interaction_id: interaction.id },
        'state store down; /tiktok-ad refused, nothing started',
      );
      await interaction.reply({ content: STORAGE_DOWN_START_TEXT, flags: MessageFlags.Ephemeral });
      return;
    }
    if (!claimed) return;
    const channel = interaction.inGuild()
      ? (interaction.channel ?? (await client.channels.fetch(interaction.channelId)))
      : null;
    if (!interaction.inGuild() || channel?.type !== ChannelType.GuildText) {
      await interaction.reply({
        content: `Use /${COMMAND_NAME} in a server text channel: I start a thread there for the draft.`,
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    const text = interaction.options.getString(TEXT_OPTION) ?? '';
    const root = discordRootPost(interaction.user.id, text);
    // The first response, well inside Discord's 3 seconds: a public message to thread from.
    const response = await interaction.reply({
      content: root.content,
      allowedMentions: { parse: [] },
      withResponse: true,
    });
    const message = response.resource?.message;
    if (!message)
      throw new BotError(
        'chat_reply_incomplete',
        'Discord returned no message for the /tiktok-ad reply',
      );
    const thread = await channel.threads.create({
      name: truncate(
        text ? `TikTok ad: ${text}` : `TikTok ad by ${interaction.user.username}`,
        100,
      ),
      autoArchiveDuration: ThreadAutoArchiveDuration.OneDay,
      startMessage: message.id,
    });
    const threadId = threadIdOf({
      platform: 'discord',
      workspace: interaction.guildId,
      channel: channel.id,
      thread: thread.id,
    });
    await store.set(keys.ownedThread(thread.id), threadId, ttlMs);
    // The request as typed, whole, when the reply above had to cut it.
    for (const message of root.rest) await thread.send(message);
    logger.info({ thread_id: threadId, interaction_id: interaction.id }, 'draft thread started');
    await run(startEventOf(interaction, threadId), { interaction });
  }

  async function onButton(
    interaction: ButtonInteraction | StringSelectMenuInteraction,
  ): Promise<void> {
    const decoded = decodeCustomId(interaction.customId);
    if (!decoded) return;
    // A menu's pick travels as its values, joined by `,` (the engine's `choose_media`).
    const action = interaction.isStringSelectMenu()
      ? { action_id: decoded.action_id, value: interaction.values.join(',') }
      : decoded;
    if (!(await claim(interactionEventId(interaction.id)))) return;
    const threadId = await ownedThread(interaction.channelId);
    if (!threadId) {
      await interaction.reply({
        content:
          'This button belongs to a draft I no longer follow. Start a new one with /tiktok-ad.',
        flags: MessageFlags.Ephemeral,
      });
      return;
    }
    // Acknowledge within 3 s without a visible message; answers go to the thread.
    await interaction.deferUpdate();
    const card = await cardOf(interaction.message.id);
    const event = actionEventOf(interaction, action, threadId, card?.card_key);
    await run(await withVoter(event, interaction.guildId), { interaction });
  }

  async function onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME)
      await onSlashCommand(interaction);
    else if (interaction.isButton() || interaction.isStringSelectMenu())
      await onButton(interaction);
  }

  /**
   * The engine thread of a thread the bot started (its `ownerId` is the bot, as Discord reports
   * it on every thread: https://discord.com/developers/docs/resources/channel#channel-object),
   * built from its guild, parent channel and id; `null` for any other channel. Lets a thread
   * whose ownership key is gone (Redis lost its data) still reach the engine, which says the
   * draft was lost instead of the bot going silent.
   */
  const botThreadOf = (message: Message<true>): ThreadId | null => {
    const channel = message.channel;
    if (!channel.isThread() || channel.ownerId !== client.user?.id || !channel.parentId)
      return null;
    return threadIdOf({
      platform: 'discord',
      workspace: message.guildId,
      channel: channel.parentId,
      thread: channel.id,
    });
  };

  async function onMessage(message: OmitPartialGroupDMChannel<Message>): Promise<void> {
    if (message.author.bot || message.system || message.webhookId || !message.inGuild()) return;
    let threadId: ThreadId | null;
    try {
      threadId = (await ownedThread(message.channelId)) ?? botThreadOf(message);
      if (!threadId) return;
      if (!(await claim(messageEventId(message.id)))) return;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Redis is in trouble before the engine could start: a thread the bot started is told.
      logger.error({ err: loggableError(error.cause) }, 'state store failed before a Discord turn');
      if (botThreadOf(message) !== null && message.channel.isSendable())
        await message.channel.send({ content: `❌ ${STORE_FAILED_TEXT}` });
      return;
    }
    const files = message.attachments.size
      ? await downloadAttachments([...message.attachments.values()])
      : [];
    await run(messageEventOf(message, threadId, files));
  }

  async function onReaction(
    partialReaction: MessageReaction | PartialMessageReaction,
    partialUser: User | PartialUser,
    added: boolean,
  ): Promise<void> {
    if (partialUser.id === client.user?.id) return;
    const card = await cardOf(partialReaction.message.id);
    if (!card) return;
    // Reactions on messages from before a restart arrive partial; fetch to learn the rest.
    const reaction = partialReaction.partial ? await partialReaction.fetch() : partialReaction;
    const user = partialUser.partial ? await partialUser.fetch() : partialUser;
    if (user.bot || reaction.message.author?.id !== client.user?.id) return;
    const emoji = reaction.emoji.id ?? reaction.emoji.name ?? '';
    const natural = `reaction:${reaction.message.id}:${user.id}:${emoji}`;
    // Reactions have no id: claim this transition, and forget the opposite one, so a
    // redelivery is dropped while remove-then-add again still counts.
    if (!(await claim(`discord:${natural}:${added ? 'add' : 'remove'}`))) return;
    await engine.release(`discord:${natural}:${added ? 'remove' : 'add'}`);
    const eventId = `discord:${natural}:${added ? 'add' : 'remove'}:${randomUUID()}`;
    const event = reactionEventOf(reaction, user, added, card.thread_id, eventId, card.card_key);
    await run(await withVoter(event, reaction.message.guildId));
  }

  /** Gateway handlers never throw into discord.js: failures are logged with the event kind. */
  const guarded =
    <A extends unknown[]>(kind: string, handler: (...args: A) => Promise<void>) =>
    (...args: A): void => {
      const running = handler(...args);
      options.work?.track(running);
      running.catch((error: unknown) =>
        logger[error instanceof DiscordAPIError ? 'warn' : 'error'](
          { err: loggableError(error), kind },
          'Discord event failed',
        ),
      );
    };

  client.on(Events.InteractionCreate, guarded('interaction', onInteraction));
  client.on(Events.MessageCreate, guarded('message', onMessage));
  client.on(
    Events.MessageReactionAdd,
    guarded(
      'reaction_add',
      (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser) =>
        onReaction(reaction, user, true),
    ),
  );
  client.on(
    Events.MessageReactionRemove,
    guarded(
      'reaction_remove',
      (reaction: MessageReaction | PartialMessageReaction, user: User | PartialUser) =>
        onReaction(reaction, user, false),
    ),
  );
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
