import type {
  ButtonInteraction,
  ChatInputCommandInteraction,
  GuildMember,
  Message,
  MessageReaction,
  PartialMessageReaction,
  PartialUser,
  StringSelectMenuInteraction,
  User,
} from 'discord.js';
import {
  type ChatEvent,
  type ChatFile,
  type ChatUser,
  parseThreadId,
  type ThreadId,
} from '../../src/engine/ports';
import type { ButtonAction } from './custom-id';

/** The slash command option that carries the first message (`/tiktok-ad text:…`). */
export const TEXT_OPTION = 'text';

/**
 * A Discord user as the engine sees them: the snowflake id, the name people see in the guild
 * (nickname, else global display name, else username), and whether it is a bot.
 */
export function chatUserOf(user: User | PartialUser, member?: GuildMember | null): ChatUser {
  const name = member?.displayName ?? user.globalName ?? user.username ?? undefined;
  return { id: user.id, ...(name ? { name } : {}), is_bot: user.bot === true };
}

/** The `event_id` of an interaction (slash command, button, menu): the same on every redelivery. */
export function interactionEventId(interaction_id: string): string {
  return `discord:interaction:${interaction_id}`;
}

/** The `event_id` of a message: the same on every redelivery. */
export function messageEventId(message_id: string): string {
  return `discord:message:${message_id}`;
}

/** The envelope shared by every event of a thread: platform, guild, parent channel, user. */
function envelope(event_id: string, thread_id: ThreadId, user: ChatUser) {
  const ref = parseThreadId(thread_id);
  return {
    event_id,
    thread_id,
    platform: 'discord' as const,
    workspace_id: ref.workspace,
    channel_id: ref.channel,
    user,
  };
}

/**
 * The envelope of an interaction (slash command or button): `event_id`
 * `discord:interaction:<id>`, the same on every redelivery, and the user as the guild shows them.
 */
function interactionEnvelope(
  interaction: ChatInputCommandInteraction | ButtonInteraction | StringSelectMenuInteraction,
  thread_id: ThreadId,
) {
  const member = interaction.inCachedGuild() ? interaction.member : null;
  return envelope(
    interactionEventId(interaction.id),
    thread_id,
    chatUserOf(interaction.user, member),
  );
}

/**
 * `/tiktok-ad [text]` → `start` in the thread just started from the command's reply.
 * `event_id` is `discord:interaction:<interaction id>`, the same on every redelivery.
 */
export function startEventOf(
  interaction: ChatInputCommandInteraction,
  thread_id: ThreadId,
): ChatEvent {
  return {
    ...interactionEnvelope(interaction, thread_id),
    type: 'start',
    text: interaction.options.getString(TEXT_OPTION) ?? '',
  };
}

/** A human message in a thread the bot owns → `message` (`event_id` `discord:message:<id>`). */
export function messageEventOf(
  message: Message,
  thread_id: ThreadId,
  files: ChatFile[] = [],
): ChatEvent {
  return {
    ...envelope(messageEventId(message.id), thread_id, chatUserOf(message.author, message.member)),
    type: 'message',
    text: message.content,
    // Only messages in threads the bot owns (opened by /tiktok-ad) reach this.
    thread_started: true,
    ...(files.length > 0 ? { files } : {}),
  };
}

/**
 * A ✅ / ❌ (or any) reaction added to or removed from a bot message → `reaction`. `emoji` is
 * the unicode character Discord reports (`✅`), or a custom emoji's name. Reactions carry no id
 * of their own, so `event_id` comes from the caller (see `adapter.ts`: the adapter claims the
 * natural key before the engine sees the event).
 */
export function reactionEventOf(
  reaction: MessageReaction | PartialMessageReaction,
  user: User | PartialUser,
  added: boolean,
  thread_id: ThreadId,
  event_id: string,
  card_key?: string,
): ChatEvent {
  return {
    ...envelope(event_id, thread_id, chatUserOf(user)),
    ...(card_key === undefined ? {} : { card_key }),
    type: 'reaction',
    emoji: reaction.emoji.name ?? reaction.emoji.id ?? '',
    added,
  };
}

/** A click on one of our buttons → `action` (`event_id` `discord:interaction:<id>`). */
export function actionEventOf(
  interaction: ButtonInteraction | StringSelectMenuInteraction,
  action: ButtonAction,
  thread_id: ThreadId,
  card_key?: string,
): ChatEvent {
  return {
    ...interactionEnvelope(interaction, thread_id),
    ...(card_key === undefined ? {} : { card_key }),
    type: 'action',
    action_id: action.action_id,
    ...(action.value === undefined ? {} : { value: action.value }),
  };
}
