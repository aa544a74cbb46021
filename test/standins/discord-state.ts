import { randomBytes } from 'node:crypto';
import {
  CHANNEL_TYPE,
  memberObject,
  messageObject,
  snowflake,
  textChannelObject,
  userObject,
  type WireObject,
  type WireUser,
} from './discord-payloads';

/** One REST call the stand-in received, recorded before it answered. */
export interface RecordedCall {
  method: string;
  /** Path after `/api/v10`, decoded (`/webhooks/<app>/<token>/messages/@original`). */
  path: string;
  query: Record<string, string>;
  /** The parsed JSON body, or `null` when there was none. */
  body: WireObject | null;
  /** The status the stand-in answered. */
  status: number;
  /** When it arrived (epoch ms). */
  at: number;
}

/** A 429 to inject: the next `times` calls matching `method` and `path` get it. */
export interface RateLimitRule {
  method: string;
  path: RegExp;
  retryAfterSeconds: number;
  times: number;
}

/** A stored message and who reacted with what (emoji key → user ids, in order). */
export interface StoredMessage {
  data: WireObject;
  reactions: Map<string, { emoji: { id: string | null; name: string }; users: string[] }>;
}

/** An interaction the stand-in dispatched; its token answers the callback and the webhooks. */
export interface PendingInteraction {
  id: string;
  token: string;
  channelId: string;
  user: WireUser;
  responded: boolean;
  originalMessageId: string | null;
}

/** Sends one gateway dispatch (op 0, event `t`) to every identified session. */
export type Dispatch = (t: string, d: WireObject) => void;

/**
 * What the stand-in's Discord holds: the application and its bot, one guild with one text
 * channel, users, roles, channels and threads, messages with their reactions, pending
 * interactions, DM channels, attachments, and the switches tests set. The gateway and the REST
 * routes read and change it; tests reach it through `DiscordStandIn`.
 */
export class DiscordState {
  readonly token = `standin.${randomBytes(12).toString('hex')}`;
  readonly applicationId = snowflake();
  readonly bot: WireUser;
  readonly guildId = snowflake();
  /** The guild text channel people run `/tiktok-ad` in. */
  readonly channelId = snowflake();
  readonly commandId = snowflake();
  /** Every REST call, in arrival order. */
  readonly calls: RecordedCall[] = [];
  /** Intents sent in each IDENTIFY. */
  readonly identifies: number[] = [];
  /** Ephemeral interaction replies and follow-ups: only `user_id` saw them. */
  readonly ephemerals: Array<{ user_id: string; channel_id: string; body: WireObject }> = [];
  /** Role ids of each guild member (user id → role ids). */
  readonly roles = new Map<string, string[]>();
  /** Users who are not (or no longer) members of the guild. */
  readonly nonMembers = new Set<string>();
  readonly guildRoles: WireObject[] = [];
  readonly users = new Map<string, WireUser>();
  readonly channels = new Map<string, WireObject>();
  /** Channel id → message id → stored message, oldest first. */
  readonly messages = new Map<string, Map<string, StoredMessage>>();
  /** Interaction token → the interaction. */
  readonly interactions = new Map<string, PendingInteraction>();
  /** User id → their DM channel id. */
  readonly dmChannels = new Map<string, string>();
  /** Users whose DMs answer 403 / 50007. */
  readonly closedDms = new Set<string>();
  /** Attachment id → what its CDN URL serves. */
  readonly attachments = new Map<string, { content_type: string; data: Buffer }>();
  /** Statuses the next attachment downloads answer, in order. */
  readonly failAttachments: number[] = [];
  readonly rateLimits: RateLimitRule[] = [];
  /** The port the HTTP and gateway server listens on, once started. */
  port = 0;

  constructor() {
    this.bot = userObject(this.applicationId, 'adpilot', true);
    this.users.set(this.bot.id, this.bot);
    this.channels.set(this.channelId, textChannelObject(this.channelId, this.guildId, 'marketing'));
  }

  /** A guild member object of `user`, with the roles set for them. */
  member(user: WireUser, withUser = true): WireObject {
    return { ...memberObject(user, withUser), roles: this.roles.get(user.id) ?? [] };
  }

  /** A stored message (as Discord would return it), or undefined. */
  message(channelId: string, messageId: string): WireObject | undefined {
    return this.messages.get(channelId)?.get(messageId)?.data;
  }

  /** The messages of a channel or thread, oldest first. */
  channelMessages(channelId: string): WireObject[] {
    return [...(this.messages.get(channelId)?.values() ?? [])].map((m) => m.data);
  }

  /** The threads started so far (channel objects). */
  threads(): WireObject[] {
    return [...this.channels.values()].filter((c) => c.type === CHANNEL_TYPE.PUBLIC_THREAD);
  }

  /** Stores a new message of `author` in a channel or thread; returns its message object. */
  storeMessage(channelId: string, author: WireUser, body: WireObject, human = false): WireObject {
    const channel = this.channels.get(channelId);
    const id = snowflake();
    const extra: WireObject = {};
    if (channel?.guild_id) {
      extra.guild_id = channel.guild_id;
      if (human) extra.member = this.member(author, false);
    }
    if (channel?.type === CHANNEL_TYPE.PUBLIC_THREAD)
      extra.position = this.channelMessages(channelId).length;
    const data = messageObject(id, channelId, author, body, extra);
    if (!this.messages.has(channelId)) this.messages.set(channelId, new Map());
    this.messages.get(channelId)?.set(id, { data, reactions: new Map() });
    if (channel) channel.last_message_id = id;
    return data;
  }

  /** Adds or removes `userId`'s `emoji` reaction on a stored message. */
  recordReaction(stored: StoredMessage, userId: string, emoji: string, added: boolean): void {
    const entry = stored.reactions.get(emoji) ?? { emoji: { id: null, name: emoji }, users: [] };
    entry.users = entry.users.filter((u) => u !== userId);
    if (added) entry.users.push(userId);
    if (entry.users.length > 0) stored.reactions.set(emoji, entry);
    else stored.reactions.delete(emoji);
  }

  /** The stored message with its `reactions`, as `GET /channels/:id/messages/:id` returns it. */
  withReactions(stored: StoredMessage): WireObject {
    const reactions = [...stored.reactions.values()].map((r) => ({
      count: r.users.length,
      count_details: { burst: 0, normal: r.users.length },
      me: r.users.includes(this.bot.id),
      me_burst: false,
      burst_colors: [],
      emoji: r.emoji,
    }));
    return { ...stored.data, ...(reactions.length > 0 ? { reactions } : {}) };
  }
}
