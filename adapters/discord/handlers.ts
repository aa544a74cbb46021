import { randomUUID } from 'node:crypto';
import {
  type ButtonInteraction,
  ChannelType,
  type ChatInputCommandInteraction,
  type Client,
  DiscordAPIError,
  type Interaction,
  type Message,
  MessageFlags,
  type MessageReaction,
  type OmitPartialGroupDMChannel,
  type PartialMessageReaction,
  type PartialUser,
  type StringSelectMenuInteraction,
  ThreadAutoArchiveDuration,
  type User,
} from 'discord.js';
import {
  type ChatEngine,
  type ChatEvent,
  type Reply,
  STORAGE_DOWN_START_TEXT,
  STORE_FAILED_TEXT,
  type ThreadId,
  threadIdOf,
} from '../../src/engine/ports';
import { BotError } from '../../src/errors/bot-error';
import type { Logger } from '../../src/logging/logger';
import { type StateStore, StoreUnavailableError } from '../../src/store/state-store';
import { TurnRunner } from '../shared/turn-runner';
import { COMMAND_NAME } from './command';
import { decodeCustomId } from './custom-id';
import type { CardRef, DeliveryContext, DiscordDelivery } from './delivery';
import type { DiscordKeys } from './discord-keys';
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
import { discordRootPost } from './root-post';
import { voterChecked } from './voter';

/** What a Discord thread is told when its turn failed. */
export const DISCORD_TURN_FAILED_TEXT = 'Something went wrong on my side; please try that again.';

/** What the Discord handlers use: the engine, the adapter's store and keys, the client. */
export interface DiscordHandlerDeps {
  engine: ChatEngine;
  /** The adapter's own store (owned threads, approval cards), guarded. */
  store: StateStore;
  keys: DiscordKeys;
  client: Client;
  delivery: DiscordDelivery;
  logger: Logger;
  /** How long an owned thread is remembered. */
  ttlMs: number;
  /** The `APPROVERS` setting (role ids make votes carry the voter's roles). */
  approvers: readonly string[];
}

/**
 * The Discord adapter's gateway handlers, one method per Discord event. Each translates the
 * event into a `ChatEvent` and hands it to the engine; every delivery is claimed once by the
 * engine (its claim of the event id) before any work, so a redelivered event gives no second
 * reply.
 */
export class DiscordHandlers {
  private readonly engine: ChatEngine;
  private readonly store: StateStore;
  private readonly keys: DiscordKeys;
  private readonly client: Client;
  private readonly delivery: DiscordDelivery;
  private readonly logger: Logger;
  private readonly ttlMs: number;
  private readonly approvers: readonly string[];
  private readonly turns: TurnRunner;

  constructor(deps: DiscordHandlerDeps) {
    this.engine = deps.engine;
    this.store = deps.store;
    this.keys = deps.keys;
    this.client = deps.client;
    this.delivery = deps.delivery;
    this.logger = deps.logger;
    this.ttlMs = deps.ttlMs;
    this.approvers = deps.approvers;
    const logger = deps.logger;
    this.turns = new TurnRunner(
      deps.engine,
      {
        // Discord refusing a call (missing access, unknown channel…) is expected: warn, code only.
        log: (error, event) =>
          logger[error instanceof DiscordAPIError ? 'warn' : 'error'](
            { err: loggableError(error), thread_id: event.thread_id, type: event.type },
            'turn failed',
          ),
        apology: () => DISCORD_TURN_FAILED_TEXT,
      },
      logger,
    );
  }

  /**
   * Claims one gateway delivery with the engine (its one claim of the event id); false when it
   * was already handled (a redelivery). Claimed before any reply, so a redelivery says nothing.
   */
  private claim(event_id: string): Promise<boolean> {
    return this.engine.claim({ event_id });
  }

  /**
   * Runs the engine on an event the adapter already claimed; replies go to Discord as produced.
   * Failures are logged and said.
   */
  private run(event: ChatEvent, context: DeliveryContext = {}): Promise<void> {
    const say = (reply: Reply) => this.delivery.deliver(reply, context);
    return this.turns.run(event, { sink: say, say }, { claimed: true });
  }

  private ownedThread(channelId: string): Promise<ThreadId | null> {
    return this.store.get<ThreadId>(this.keys.ownedThread(channelId));
  }

  /** The approval card a message is (older cards were stored as a bare thread id). */
  private async cardOf(messageId: string): Promise<CardRef | null> {
    const ref = await this.store.get<CardRef | ThreadId>(this.keys.approvalCard(messageId));
    return typeof ref === 'string' ? { thread_id: ref } : ref;
  }

  private withVoter(event: ChatEvent, guildId: string | null): Promise<ChatEvent> {
    return voterChecked(this.client, event, guildId, this.approvers, this.logger);
  }

  async onSlashCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    let claimed: boolean;
    try {
      claimed = await this.claim(interactionEventId(interaction.id));
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Nothing could be saved, so no thread is opened: said only to the one who asked.
      this.logger.error(
        { err: error.cause, interaction_id: interaction.id },
        'state store down; /tiktok-ad refused, nothing started',
      );
      await interaction.reply({ content: STORAGE_DOWN_START_TEXT, flags: MessageFlags.Ephemeral });
      return;
    }
    if (!claimed) return;
    const channel = interaction.inGuild()
      ? (interaction.channel ?? (await this.client.channels.fetch(interaction.channelId)))
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
    await this.store.set(this.keys.ownedThread(thread.id), threadId, this.ttlMs);
    // The request as typed, whole, when the reply above had to cut it.
    for (const message of root.rest) await thread.send(message);
    this.logger.info(
      { thread_id: threadId, interaction_id: interaction.id },
      'draft thread started',
    );
    await this.run(startEventOf(interaction, threadId), { interaction });
  }

  async onButton(interaction: ButtonInteraction | StringSelectMenuInteraction): Promise<void> {
    const decoded = decodeCustomId(interaction.customId);
    if (!decoded) return;
    // A menu's pick travels as its values, joined by `,` (the engine's `choose_media`).
    const action = interaction.isStringSelectMenu()
      ? { action_id: decoded.action_id, value: interaction.values.join(',') }
      : decoded;
    if (!(await this.claim(interactionEventId(interaction.id)))) return;
    const threadId = await this.ownedThread(interaction.channelId);
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
    const card = await this.cardOf(interaction.message.id);
    const event = actionEventOf(interaction, action, threadId, card?.card_key);
    await this.run(await this.withVoter(event, interaction.guildId), { interaction });
  }

  async onInteraction(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand() && interaction.commandName === COMMAND_NAME)
      await this.onSlashCommand(interaction);
    else if (interaction.isButton() || interaction.isStringSelectMenu())
      await this.onButton(interaction);
  }

  /**
   * The engine thread of a thread the bot started (its `ownerId` is the bot, as Discord reports
   * it on every thread: https://discord.com/developers/docs/resources/channel#channel-object),
   * built from its guild, parent channel and id; `null` for any other channel. Lets a thread
   * whose ownership key is gone (Redis lost its data) still reach the this.engine, which says the
   * draft was lost instead of the bot going silent.
   */
  private botThreadOf(message: Message<true>): ThreadId | null {
    const channel = message.channel;
    if (!channel.isThread() || channel.ownerId !== this.client.user?.id || !channel.parentId)
      return null;
    return threadIdOf({
      platform: 'discord',
      workspace: message.guildId,
      channel: channel.parentId,
      thread: channel.id,
    });
  }

  async onMessage(message: OmitPartialGroupDMChannel<Message>): Promise<void> {
    if (message.author.bot || message.system || message.webhookId || !message.inGuild()) return;
    let threadId: ThreadId | null;
    try {
      threadId = (await this.ownedThread(message.channelId)) ?? this.botThreadOf(message);
      if (!threadId) return;
      if (!(await this.claim(messageEventId(message.id)))) return;
    } catch (error) {
      if (!(error instanceof StoreUnavailableError)) throw error;
      // Redis is in trouble before the engine could start: a thread the bot started is told.
      this.logger.error(
        { err: loggableError(error.cause) },
        'state store failed before a Discord turn',
      );
      if (this.botThreadOf(message) !== null && message.channel.isSendable())
        await message.channel.send({ content: `❌ ${STORE_FAILED_TEXT}` });
      return;
    }
    const files = message.attachments.size
      ? await downloadAttachments([...message.attachments.values()])
      : [];
    await this.run(messageEventOf(message, threadId, files));
  }

  async onReaction(
    partialReaction: MessageReaction | PartialMessageReaction,
    partialUser: User | PartialUser,
    added: boolean,
  ): Promise<void> {
    if (partialUser.id === this.client.user?.id) return;
    const card = await this.cardOf(partialReaction.message.id);
    if (!card) return;
    // Reactions on messages from before a restart arrive partial; fetch to learn the rest.
    const reaction = partialReaction.partial ? await partialReaction.fetch() : partialReaction;
    const user = partialUser.partial ? await partialUser.fetch() : partialUser;
    if (user.bot || reaction.message.author?.id !== this.client.user?.id) return;
    const emoji = reaction.emoji.id ?? reaction.emoji.name ?? '';
    const natural = `reaction:${reaction.message.id}:${user.id}:${emoji}`;
    // Reactions have no id: claim this transition, and forget the opposite one, so a
    // redelivery is dropped while remove-then-add again still counts.
    if (!(await this.claim(`discord:${natural}:${added ? 'add' : 'remove'}`))) return;
    await this.engine.release(`discord:${natural}:${added ? 'remove' : 'add'}`);
    const eventId = `discord:${natural}:${added ? 'add' : 'remove'}:${randomUUID()}`;
    const event = reactionEventOf(reaction, user, added, card.thread_id, eventId, card.card_key);
    await this.run(await this.withVoter(event, reaction.message.guildId));
  }
}
