/**
 * Discord API v10 object shapes the stand-in serves and dispatches, built as Discord documents
 * them (snowflake ids as strings, ISO timestamps, `null` where Discord sends null).
 *
 * Sources: Discord developer docs "User", "Guild → Guild Member", "Channel", "Message",
 * "Receiving and responding → Interaction object"
 * (https://discord.com/developers/docs/interactions/receiving-and-responding).
 */

/** Discord's epoch (2015-01-01T00:00:00Z) in ms, the base of snowflake timestamps. */
const DISCORD_EPOCH = 1420070400000n;
let increment = 0n;

/** A new snowflake: ms since Discord's epoch << 22, plus an increment (Discord docs "Snowflakes"). */
export function snowflake(): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(Date.now()) - DISCORD_EPOCH) << 22n) | increment).toString();
}

/** Channel types used here (Discord docs "Channel types"). */
export const CHANNEL_TYPE = { GUILD_TEXT: 0, DM: 1, PUBLIC_THREAD: 11 } as const;

/** Every permission bit, as the decimal string Discord sends (an administrator member). */
export const ALL_PERMISSIONS = '2251799813685247';

export interface WireUser {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
}

export type WireObject = Record<string, unknown>;

export function userObject(id: string, username: string, bot = false): WireUser {
  return {
    id,
    username,
    discriminator: '0',
    global_name: bot ? null : username,
    avatar: null,
    ...(bot ? { bot: true } : {}),
  };
}

/** A guild member; `withUser` false for MESSAGE_CREATE, where `author` carries the user. */
export function memberObject(user: WireUser, withUser = true): WireObject {
  return {
    ...(withUser ? { user } : {}),
    nick: null,
    avatar: null,
    roles: [],
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    premium_since: null,
    deaf: false,
    mute: false,
    flags: 0,
    pending: false,
  };
}

export function textChannelObject(id: string, guildId: string, name: string): WireObject {
  return {
    id,
    type: CHANNEL_TYPE.GUILD_TEXT,
    guild_id: guildId,
    name,
    position: 0,
    permission_overwrites: [],
    parent_id: null,
    nsfw: false,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
    default_auto_archive_duration: 1440,
    flags: 0,
  };
}

export function threadObject(
  id: string,
  guildId: string,
  parentId: string,
  ownerId: string,
  name: string,
  autoArchiveDuration: number,
): WireObject {
  return {
    id,
    type: CHANNEL_TYPE.PUBLIC_THREAD,
    guild_id: guildId,
    parent_id: parentId,
    owner_id: ownerId,
    name,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    member_count: 1,
    total_message_sent: 0,
    flags: 0,
    thread_metadata: {
      archived: false,
      auto_archive_duration: autoArchiveDuration,
      archive_timestamp: new Date().toISOString(),
      locked: false,
      create_timestamp: new Date().toISOString(),
    },
  };
}

export function dmChannelObject(id: string, recipient: WireUser): WireObject {
  return { id, type: CHANNEL_TYPE.DM, last_message_id: null, recipients: [recipient], flags: 0 };
}

/** A message as Discord returns and dispatches it; `extra` adds guild_id, member, flags, …. */
export function messageObject(
  id: string,
  channelId: string,
  author: WireUser,
  body: WireObject,
  extra: WireObject = {},
): WireObject {
  return {
    id,
    channel_id: channelId,
    author,
    content: typeof body.content === 'string' ? body.content : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: Array.isArray(body.attachments) ? body.attachments : [],
    embeds: Array.isArray(body.embeds) ? body.embeds : [],
    components: Array.isArray(body.components) ? body.components : [],
    pinned: false,
    type: 0,
    flags: typeof body.flags === 'number' ? body.flags : 0,
    ...extra,
  };
}

export function guildObject(
  id: string,
  ownerId: string,
  channels: WireObject[],
  threads: WireObject[],
  members: WireObject[],
  roles: WireObject[] = [],
): WireObject {
  return {
    id,
    name: 'Marketing',
    icon: null,
    splash: null,
    discovery_splash: null,
    owner_id: ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    roles: [
      {
        id,
        name: '@everyone',
        color: 0,
        hoist: false,
        icon: null,
        unicode_emoji: null,
        position: 0,
        permissions: '1024',
        managed: false,
        mentionable: false,
        flags: 0,
      },
      ...roles,
    ],
    emojis: [],
    stickers: [],
    features: [],
    mfa_level: 0,
    application_id: null,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    vanity_url_code: null,
    description: null,
    banner: null,
    premium_tier: 0,
    preferred_locale: 'en-US',
    public_updates_channel_id: null,
    nsfw_level: 0,
    premium_progress_bar_enabled: false,
    joined_at: '2024-01-01T00:00:00.000000+00:00',
    large: false,
    unavailable: false,
    member_count: members.length,
    voice_states: [],
    members,
    channels,
    threads,
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
  };
}

/** A guild role object (Discord docs "Role Object"). */
export function roleObject(id: string, name: string, position: number): WireObject {
  return {
    id,
    name,
    color: 0,
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position,
    permissions: '0',
    managed: false,
    mentionable: false,
    flags: 0,
  };
}
