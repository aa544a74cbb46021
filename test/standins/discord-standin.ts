import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { DiscordGateway } from './discord-gateway';
import { apiError } from './discord-limits';
import {
  ALL_PERMISSIONS,
  roleObject,
  snowflake,
  threadObject,
  userObject,
  type WireObject,
  type WireUser,
} from './discord-payloads';
import { DiscordRest } from './discord-rest';
import { DiscordState } from './discord-state';

export { messageLimitProblems } from './discord-limits';
export type { RecordedCall } from './discord-state';

/**
 * A local stand-in for Discord's REST API v10 and gateway, over real HTTP and WebSocket, so the
 * real discord.js client talks to it unchanged (`rest: { api: standin.apiUrl }`).
 *
 * The gateway (`discord-gateway.ts`) sends the dispatches tests inject here
 * (INTERACTION_CREATE, MESSAGE_CREATE, MESSAGE_REACTION_ADD / REMOVE, GUILD_ROLE_CREATE) and
 * those Discord itself sends after REST calls (MESSAGE_CREATE/UPDATE for bot messages,
 * THREAD_CREATE, the bot's own MESSAGE_REACTION_ADD). The REST routes (`discord-rest.ts`)
 * record every call. What both read and change lives in `discord-state.ts`. Switches:
 * {@link closeDms} (sending to that user's DM answers 403 code 50007) and
 * {@link rateLimitNext} (429 with `retry_after`, as Discord sends it).
 */
export class DiscordStandIn {
  private readonly state = new DiscordState();
  private readonly gateway = new DiscordGateway(this.state);
  private readonly rest = new DiscordRest(this.state, (t, d) => this.gateway.dispatch(t, d));
  readonly token = this.state.token;
  readonly applicationId = this.state.applicationId;
  readonly bot: WireUser = this.state.bot;
  readonly guildId = this.state.guildId;
  /** The guild text channel people run `/tiktok-ad` in. */
  readonly channelId = this.state.channelId;
  readonly commandId = this.state.commandId;
  /** Every REST call, in arrival order. */
  readonly calls = this.state.calls;
  /** Intents sent in each IDENTIFY. */
  readonly identifies = this.state.identifies;
  /** Ephemeral interaction replies and follow-ups: only `user_id` saw them. */
  readonly ephemerals = this.state.ephemerals;
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;

  private constructor() {}

  /** Starts the stand-in on an ephemeral port of 127.0.0.1. */
  static async start(): Promise<DiscordStandIn> {
    const standin = new DiscordStandIn();
    await standin.listen();
    return standin;
  }

  /** The REST base for discord.js (`rest.api`): `http://127.0.0.1:<port>/api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.state.port}/api`;
  }

  /** Adds a human guild member and returns their user object. */
  addUser(username: string): WireUser {
    const user = userObject(snowflake(), username);
    this.state.users.set(user.id, user);
    return user;
  }

  /** Creates a guild role (dispatching GUILD_ROLE_CREATE, as Discord does); returns its id. */
  addRole(name: string, id = snowflake()): string {
    const role = roleObject(id, name, this.state.guildRoles.length + 1);
    this.state.guildRoles.push(role);
    this.dispatch('GUILD_ROLE_CREATE', { guild_id: this.guildId, role });
    return String(role.id);
  }

  /** Gives a guild member these role ids (in member objects and `GET /guilds/:id/members/:id`). */
  setRoles(userId: string, roles: string[]): void {
    this.state.roles.set(userId, roles);
  }

  /**
   * Makes `userId` no longer a member of the guild (they left, or never joined and react
   * through a shared link): `GET /guilds/:id/members/:id` answers 404 / 10007 Unknown Member and
   * their reactions carry no `member`, as Discord sends them.
   */
  removeMember(userId: string): void {
    this.state.nonMembers.add(userId);
  }

  /** From now on, messages to this user's DM channel fail with 403 / 50007. */
  closeDms(userId: string): void {
    this.state.closedDms.add(userId);
  }

  /** Answers the next `times` calls of `method` on a path matching `path` with a 429. */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds: number, times = 1): void {
    this.state.rateLimits.push({ method, path, retryAfterSeconds, times });
  }

  /** A stored message (as Discord would return it), or undefined. */
  message(channelId: string, messageId: string): WireObject | undefined {
    return this.state.message(channelId, messageId);
  }

  /** The messages of a channel or thread, oldest first. */
  channelMessages(channelId: string): WireObject[] {
    return this.state.channelMessages(channelId);
  }

  /** The threads started so far (channel objects). */
  threads(): WireObject[] {
    return this.state.threads();
  }

  /** The DM channel id of a user, once the bot opened one. */
  dmChannelOf(userId: string): string | undefined {
    return this.state.dmChannels.get(userId);
  }

  /** Number of identified gateway sessions now open. */
  get sessions(): number {
    return this.gateway.sessions;
  }

  /**
   * The sequence number (`s`) of the last dispatch sent to the newest identified session, 0
   * before any: a bot that has seen this `s` has received everything sent so far.
   */
  get lastSeq(): number {
    return this.gateway.lastSeq;
  }

  // ---------------------------------------------------------------- injected gateway events

  /** Sends one dispatch (op 0) to every identified session. Tests may send the same one twice. */
  dispatch(t: string, d: WireObject): void {
    this.gateway.dispatch(t, d);
  }

  /** `user` runs `/tiktok-ad [text]` in the text channel; returns the INTERACTION_CREATE `d`. */
  slashCommand(user: WireUser, text?: string, channelId = this.channelId): WireObject {
    const d = this.interaction(user, channelId, {
      type: 2,
      data: {
        id: this.commandId,
        name: 'tiktok-ad',
        type: 1,
        ...(text === undefined ? {} : { options: [{ name: 'text', type: 3, value: text }] }),
      },
    });
    this.dispatch('INTERACTION_CREATE', d);
    return d;
  }

  /** `user` picks `values` in the string select menu `customId` of a message. */
  selectMenu(
    user: WireUser,
    channelId: string,
    messageId: string,
    customId: string,
    values: string[],
  ): WireObject {
    const message = this.message(channelId, messageId);
    if (!message) throw new Error(`No message ${messageId} in ${channelId}`);
    const d = this.interaction(user, channelId, {
      type: 3,
      data: { custom_id: customId, component_type: 3, values },
      message,
    });
    this.dispatch('INTERACTION_CREATE', d);
    return d;
  }

  /** `user` clicks the button `customId` on a bot message; returns the INTERACTION_CREATE `d`. */
  clickButton(user: WireUser, channelId: string, messageId: string, customId: string): WireObject {
    const message = this.message(channelId, messageId);
    if (!message) throw new Error(`No message ${messageId} in ${channelId}`);
    const d = this.interaction(user, channelId, {
      type: 3,
      data: { custom_id: customId, component_type: 2 },
      message,
    });
    this.dispatch('INTERACTION_CREATE', d);
    return d;
  }

  /**
   * `user` posts `content` in a channel or thread, with `files` as message attachments (each
   * served at its `attachment.url`, as Discord's CDN serves them, no token needed); returns
   * the MESSAGE_CREATE `d`.
   */
  userMessage(
    user: WireUser,
    channelId: string,
    content: string,
    files: { filename: string; data: Buffer; content_type?: string }[] = [],
  ): WireObject {
    const attachments = files.map((f) => {
      const id = snowflake();
      const content_type = f.content_type ?? 'application/octet-stream';
      this.state.attachments.set(id, { content_type, data: f.data });
      const url = `http://127.0.0.1:${this.state.port}/attachments/${channelId}/${id}/${encodeURIComponent(f.filename)}`;
      return { id, filename: f.filename, size: f.data.length, url, proxy_url: url, content_type };
    });
    const d = this.state.storeMessage(channelId, user, { content, attachments }, true);
    this.dispatch('MESSAGE_CREATE', d);
    return d;
  }

  /** `user` starts a public thread in the guild channel (owned by them, not the bot); its id. */
  userThread(user: WireUser, name: string): string {
    const id = snowflake();
    const thread = threadObject(id, this.guildId, this.channelId, user.id, name, 1440);
    this.state.channels.set(id, thread);
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return id;
  }

  /** The next attachment download answers HTTP `status` (e.g. 404: the file expired). */
  failNextAttachment(status: number): void {
    this.state.failAttachments.push(status);
  }

  /** `user` adds (or removes) a unicode `emoji` reaction on a message. */
  react(
    user: WireUser,
    channelId: string,
    messageId: string,
    emoji: string,
    added = true,
  ): WireObject {
    const stored = this.state.messages.get(channelId)?.get(messageId);
    if (!stored) throw new Error(`No message ${messageId} in ${channelId}`);
    this.state.recordReaction(stored, user.id, emoji, added);
    const channel = this.state.channels.get(channelId);
    const guild = channel?.guild_id ? { guild_id: channel.guild_id } : {};
    const d: WireObject = {
      user_id: user.id,
      channel_id: channelId,
      message_id: messageId,
      ...guild,
      emoji: { id: null, name: emoji },
      burst: false,
      type: 0,
      // Only MESSAGE_REACTION_ADD carries the member (Discord docs "Message Reaction Add").
      ...(added && channel?.guild_id && !this.state.nonMembers.has(user.id)
        ? {
            member: this.state.member(user),
            message_author_id: (stored.data.author as WireUser).id,
          }
        : {}),
    };
    this.dispatch(added ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', d);
    return d;
  }

  private interaction(user: WireUser, channelId: string, fields: WireObject): WireObject {
    const channel = this.state.channels.get(channelId);
    if (!channel) throw new Error(`No channel ${channelId}`);
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb24${randomBytes(24).toString('base64url')}`;
    this.state.interactions.set(token, {
      id,
      token,
      channelId,
      user,
      responded: false,
      originalMessageId: null,
    });
    return {
      id,
      application_id: this.applicationId,
      guild_id: this.guildId,
      channel_id: channelId,
      channel,
      member: { ...this.state.member(user), permissions: ALL_PERMISSIONS },
      token,
      version: 1,
      app_permissions: ALL_PERMISSIONS,
      locale: 'en-US',
      guild_locale: 'en-US',
      entitlements: [],
      authorizing_integration_owners: { '0': this.guildId },
      context: 0,
      attachment_size_limit: 10485760,
      ...fields,
    };
  }

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.rest.handle(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(apiError(0, String(error))));
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.gateway.accept(socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.state.port = (this.server.address() as AddressInfo).port;
  }

  /** Closes every gateway socket and the HTTP server. */
  async close(): Promise<void> {
    this.gateway.terminateAll();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}
