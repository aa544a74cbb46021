import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  type Client,
  DiscordAPIError,
  MessageFlags,
  RESTJSONErrorCodes,
  type RepliableInteraction,
} from 'discord.js';
import { type ChatUser, parseThreadId, type Reply } from '../../src/engine/ports';
import { BotError } from '../../src/errors/bot-error';
import type { Logger } from '../../src/logging/logger';
import type { StateStore } from '../../src/store/state-store';
import { encodeCustomId } from './custom-id';
import type { DiscordKeys } from './discord-keys';
import { type DiscordMessage, emojiChar, renderReply } from './render';

/**
 * What a reply is an answer to, when it answers a Discord interaction: then the interaction
 * (token valid 15 minutes) can carry an ephemeral fallback when a DM cannot be delivered.
 */
export interface DeliveryContext {
  interaction?: RepliableInteraction;
}

/** What an approval card's message id maps to: its thread and the engine's card key. */
export interface CardRef {
  thread_id: string;
  card_key?: string;
}

/** Where the message first posted for a reply `key` lives. */
interface PostedMessage {
  channel_id: string;
  message_id: string;
}

/** The Discord error codes that mean "this user does not take DMs from the bot". */
const DMS_CLOSED: ReadonlySet<number | string> = new Set([
  RESTJSONErrorCodes.CannotSendMessagesToThisUser, // 50007
  RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds, // 50278
]);

/** True for Discord's "Cannot send messages to this user" (HTTP 403, code 50007 or 50278). */
export function isDmsClosed(error: unknown): boolean {
  return error instanceof DiscordAPIError && DMS_CLOSED.has(error.code);
}

/**
 * `message` with a `nonce` Discord enforces (`enforce_nonce`: a second post with the same nonce
 * by the bot within a few minutes returns the first message instead of a new one,
 * discord.com/developers/docs/resources/message#create-message), made of the reply's
 * `delivery_id` and the message's place in the reply (at most 25 characters). A resend after a
 * crash between the post and its delivery mark then shows nothing twice. Unchanged without an id.
 */
function nonced(
  message: DiscordMessage,
  reply: Reply,
  index: number,
): DiscordMessage & { nonce?: string; enforceNonce?: boolean } {
  if (!reply.delivery_id) return message;
  return { ...message, nonce: `${reply.delivery_id}.${index}`.slice(0, 25), enforceNonce: true };
}

/** The custom id of the Approve button: marks a message as an approval card. */
const APPROVE_ID = encodeCustomId({ action_id: 'approve' });

function isApprovalCard(message: DiscordMessage): boolean {
  return message.components.some((row) =>
    row.components.some((c) => 'custom_id' in c && c.custom_id === APPROVE_ID),
  );
}

/**
 * Puts engine replies on Discord, from the thread id alone (so replies that answer no Discord
 * event, e.g. after the OAuth callback's `account_linked`, reach the thread too):
 *
 * - a thread reply → `channel.send` into the thread `discord:<guild>:<channel>:<thread>`;
 * - a reply with `key` → the first one is sent and remembered (key → message id in the store);
 *   later ones edit that message in place (submission progress);
 * - a reply with `private_to` → `user.send` (a DM). When Discord answers 50007 (the user's DMs
 *   are closed, Discord docs "JSON error codes"), it goes as an ephemeral follow-up of the
 *   interaction at hand if that user made it; otherwise the thread gets a short mention asking
 *   them to open DMs. A private reply's content (e.g. the link) never goes to the thread.
 * - an approval card gets ✅ and ❌ reactions from the bot so people can click them, and is
 *   remembered (message id → thread id) so reactions find their thread after a restart.
 */
export class DiscordDelivery {
  constructor(
    private readonly client: Client,
    private readonly store: StateStore,
    private readonly keys: DiscordKeys,
    private readonly logger: Logger,
    /** How long keyed messages and approval cards are remembered, in ms. */
    private readonly ttlMs: number,
  ) {}

  /**
   * Delivers one reply.
   * @throws BotError `thread_id_invalid` when the thread id is not a Discord one,
   *   `chat_thread_unavailable` when the thread is not a text channel.
   * @throws DiscordAPIError for Discord failures other than closed DMs (rate limits are waited
   *   out by discord.js's REST queue, docs/discord.md §7).
   */
  async deliver(reply: Reply, context: DeliveryContext = {}): Promise<void> {
    const ref = parseThreadId(reply.thread_id);
    if (ref.platform !== 'discord')
      throw new BotError('thread_id_invalid', `Not a Discord thread id: ${reply.thread_id}`);
    const messages = renderReply(reply);
    if (messages.length === 0) return;
    if (reply.private_to) {
      await this.sendPrivate(reply.private_to, reply.thread_id, messages, context);
      return;
    }
    const interaction = context.interaction;
    if (reply.ephemeral_to && interaction?.user.id === reply.ephemeral_to.id) {
      // Only the person refused sees it (an ephemeral follow-up of their click).
      for (const message of messages) {
        const ephemeral = { ...message, flags: MessageFlags.Ephemeral } as const;
        if (interaction.replied || interaction.deferred) await interaction.followUp(ephemeral);
        else await interaction.reply(ephemeral);
      }
      return;
    }
    // Otherwise (a reaction has no interaction) a thread notice; the client pings no one.
    const channel = await this.client.channels.fetch(ref.thread);
    if (!channel?.isTextBased() || !channel.isSendable())
      throw new BotError(
        'chat_thread_unavailable',
        `Discord channel ${ref.thread} is not a thread the bot can post in`,
      );

    let rest = messages;
    if (reply.key) {
      const replyKey = this.keys.replyMessage(reply.thread_id, reply.key);
      const posted = await this.store.get<PostedMessage>(replyKey);
      const [first, ...others] = messages;
      if (posted && first) {
        await channel.messages.edit(posted.message_id, { ...first, content: first.content ?? '' });
        this.logger.debug(
          { thread_id: reply.thread_id, message_id: posted.message_id },
          'edited keyed reply',
        );
        rest = others;
      } else if (first) {
        const sent = await channel.send(nonced(first, reply, 0));
        await this.store.set(replyKey, { channel_id: channel.id, message_id: sent.id }, this.ttlMs);
        if (isApprovalCard(first))
          await this.markCard(sent, { thread_id: reply.thread_id, card_key: reply.key });
        rest = others;
      }
    }
    for (const [i, message] of rest.entries()) {
      const sent = await channel.send(nonced(message, reply, messages.length - rest.length + i));
      if (isApprovalCard(message)) await this.markCard(sent, { thread_id: reply.thread_id });
    }
  }

  /** Remembers an approval card (message id → thread and card key) and adds ✅ / ❌ to it. */
  private async markCard(
    sent: { id: string; react(emoji: string): Promise<unknown> },
    ref: CardRef,
  ) {
    await this.store.set(this.keys.approvalCard(sent.id), ref, this.ttlMs);
    await sent.react(emojiChar('white_check_mark'));
    await sent.react(emojiChar('x'));
  }

  private async sendPrivate(
    user: ChatUser,
    threadId: string,
    messages: DiscordMessage[],
    context: DeliveryContext,
  ): Promise<void> {
    try {
      for (const message of messages) await this.client.users.send(user.id, message);
      return;
    } catch (error) {
      if (!isDmsClosed(error)) throw error;
      this.logger.info({ thread_id: threadId, user_id: user.id }, 'DMs closed; using a fallback');
    }
    const interaction = context.interaction;
    if (interaction && interaction.user.id === user.id) {
      for (const message of messages) {
        const ephemeral = { ...message, flags: MessageFlags.Ephemeral } as const;
        if (interaction.replied || interaction.deferred) await interaction.followUp(ephemeral);
        else await interaction.reply(ephemeral);
      }
      return;
    }
    // No interaction of theirs at hand: say so in the thread, without the private content.
    const ref = parseThreadId(threadId);
    const channel = await this.client.channels.fetch(ref.thread);
    if (!channel?.isSendable())
      throw new BotError(
        'chat_thread_unavailable',
        `Discord channel ${ref.thread} is not sendable`,
      );
    const hadLink = messages.some((m) =>
      m.components.some((row) =>
        row.components.some((c) => 'style' in c && c.style === ButtonStyle.Link),
      ),
    );
    const linkId = encodeCustomId({ action_id: 'link_account' });
    const again =
      hadLink && linkId
        ? [
            new ActionRowBuilder<ButtonBuilder>()
              .addComponents(
                new ButtonBuilder()
                  .setCustomId(linkId)
                  .setLabel('Link account')
                  .setStyle(ButtonStyle.Primary),
              )
              .toJSON(),
          ]
        : [];
    await channel.send({
      content: `<@${user.id}>, I could not send you a direct message. Allow direct messages from this server's members (server menu → Privacy Settings)${hadLink ? ', then press Link account for your private link' : ''}.`,
      components: again,
      // Ping only this user, on purpose: they need to see it.
      allowedMentions: { parse: [], users: [user.id] },
    });
  }
}
