import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import {
  ALL_PERMISSIONS,
  CHANNEL_TYPE,
  dmChannelObject,
  guildObject,
  memberObject,
  messageObject,
  roleObject,
  snowflake,
  textChannelObject,
  threadObject,
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
interface RateLimitRule {
  method: string;
  path: RegExp;
  retryAfterSeconds: number;
  times: number;
}

/** A stored message and who reacted with what (emoji key → user ids, in order). */
interface StoredMessage {
  data: WireObject;
  reactions: Map<string, { emoji: { id: string | null; name: string }; users: string[] }>;
}

/** An interaction the stand-in dispatched; its token answers the callback and the webhooks. */
interface PendingInteraction {
  id: string;
  token: string;
  channelId: string;
  user: WireUser;
  responded: boolean;
  originalMessageId: string | null;
}

type Json = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : '');

/**
 * Every way a message body breaks Discord's limits, as Discord's API checks them (Discord docs
 * "Embed limits", "Message components"; docs/platform-limits.md): `[]` when valid.
 * The numbers are written out here on purpose, independent of the adapter's own constants.
 */
export function messageLimitProblems(payload: WireObject): string[] {
  const problems: string[] = [];
  const content = str(payload.content);
  if (content.length > 2000) problems.push(`content ${content.length}`);
  const embeds = (payload.embeds as Json[] | undefined) ?? [];
  if (embeds.length > 10) problems.push(`${embeds.length} embeds`);
  let total = 0;
  for (const e of embeds) {
    const fields = (e.fields as Json[] | undefined) ?? [];
    const footer = str((e.footer as Json | undefined)?.text);
    const author = str((e.author as Json | undefined)?.name);
    if (str(e.title).length > 256) problems.push(`title ${str(e.title).length}`);
    if (str(e.description).length > 4096) problems.push('description');
    if (fields.length > 25) problems.push(`${fields.length} fields`);
    for (const f of fields) {
      if (str(f.name).length > 256 || str(f.name).length === 0) problems.push('field name');
      if (str(f.value).length > 1024 || str(f.value).length === 0) problems.push('field value');
      total += str(f.name).length + str(f.value).length;
    }
    if (footer.length > 2048) problems.push('footer');
    total += str(e.title).length + str(e.description).length + footer.length + author.length;
  }
  if (total > 6000) problems.push(`embed total ${total}`);
  for (const e of embeds)
    if (!e.title && !e.description && !((e.fields as Json[] | undefined) ?? []).length)
      problems.push('empty embed');
  const rows = (payload.components as Json[] | undefined) ?? [];
  if (rows.length > 5) problems.push(`${rows.length} rows`);
  const ids = new Set<string>();
  for (const row of rows) {
    const buttons = (row.components as Json[] | undefined) ?? [];
    if (row.type !== 1) problems.push('row type');
    if (buttons.length > 5) problems.push(`${buttons.length} buttons`);
    for (const b of buttons) {
      const id = str(b.custom_id);
      if (id && ids.has(id)) problems.push(`duplicate custom_id ${id}`);
      ids.add(id);
      if (b.type === 3) {
        // String select (Discord docs "Component reference → String Select").
        const options = (b.options as Json[] | undefined) ?? [];
        if (buttons.length !== 1) problems.push('select not alone in its row');
        if (options.length < 1 || options.length > 25) problems.push(`${options.length} options`);
        if (str(b.placeholder).length > 150) problems.push('placeholder');
        for (const o of options)
          if ([o.label, o.value, o.description].some((t) => str(t).length > 100))
            problems.push('option text');
        if (id.length === 0 || id.length > 100) problems.push(`custom_id ${id.length}`);
        continue;
      }
      if (str(b.label).length > 80) problems.push('label');
      if (b.style === 5) {
        if (!str(b.url) || b.custom_id !== undefined) problems.push('link button');
      } else if (str(b.custom_id).length === 0 || str(b.custom_id).length > 100) {
        problems.push(`custom_id ${str(b.custom_id).length}`);
      }
    }
  }
  return problems;
}

/** Discord's error envelope (Discord docs "Error messages"). */
function apiError(code: number, message: string): WireObject {
  return { message, code };
}

/** Discord's answer to a message body over the limits: 400, code 50035 "Invalid Form Body". */
function invalidBody(body: WireObject): { status: number; json: unknown } | null {
  const problems = messageLimitProblems(body);
  return problems.length === 0
    ? null
    : { status: 400, json: { ...apiError(50035, 'Invalid Form Body'), errors: problems } };
}

const HEARTBEAT_INTERVAL_MS = 41250;

/**
 * A local stand-in for Discord's REST API v10 and gateway, over real HTTP and WebSocket, so the
 * real discord.js client talks to it unchanged (`rest: { api: standin.apiUrl }`).
 *
 * Gateway (https://discord.com/developers/docs/events/gateway): HELLO (op 10) on connect, IDENTIFY
 * (op 2) checked against the bot token (close 4004 otherwise), READY then GUILD_CREATE (with
 * channels, active threads, members), HEARTBEAT (op 1) answered by HEARTBEAT ACK (op 11), and
 * dispatches (op 0, `s` increasing): those tests inject (INTERACTION_CREATE, MESSAGE_CREATE,
 * MESSAGE_REACTION_ADD / REMOVE) and those Discord itself would send after REST calls
 * (MESSAGE_CREATE/UPDATE for bot messages, THREAD_CREATE, the bot's own MESSAGE_REACTION_ADD).
 *
 * REST: `GET /gateway/bot`, interaction callbacks, webhook follow-ups and `@original` edits,
 * channel messages (create, edit, get), start thread from a message, reactions, `GET
 * /channels/:id`, `GET /users/:id`, `GET /guilds/:id/members/:id` (roles from {@link setRoles}), DM channel creation, command registration. Every call is
 * recorded. Switches: {@link closeDms} (sending to that user's DM answers 403 code 50007, where
 * Discord answers it: on the message create, not on opening the DM channel) and
 * {@link rateLimitNext} (429 with `retry_after` in the body and `Retry-After` plus
 * `X-RateLimit-*` headers, as Discord sends them, §10).
 */
export class DiscordStandIn {
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
  private readonly roles = new Map<string, string[]>();
  private readonly nonMembers = new Set<string>();
  private readonly guildRoles: WireObject[] = [];

  private readonly users = new Map<string, WireUser>();
  private readonly channels = new Map<string, WireObject>();
  private readonly messages = new Map<string, Map<string, StoredMessage>>();
  private readonly interactions = new Map<string, PendingInteraction>();
  private readonly dmChannels = new Map<string, string>();
  private readonly closedDms = new Set<string>();
  private readonly attachments = new Map<string, { content_type: string; data: Buffer }>();
  private failAttachments: number[] = [];
  private readonly rateLimits: RateLimitRule[] = [];
  private readonly sockets = new Map<WebSocket, { seq: number; ready: boolean }>();
  private server: Server | null = null;
  private wss: WebSocketServer | null = null;
  private port = 0;

  private constructor() {
    this.bot = userObject(this.applicationId, 'adpilot', true);
    this.users.set(this.bot.id, this.bot);
    this.channels.set(this.channelId, textChannelObject(this.channelId, this.guildId, 'marketing'));
  }

  /** Starts the stand-in on an ephemeral port of 127.0.0.1. */
  static async start(): Promise<DiscordStandIn> {
    const standin = new DiscordStandIn();
    await standin.listen();
    return standin;
  }

  /** The REST base for discord.js (`rest.api`): `http://127.0.0.1:<port>/api`. */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  /** Adds a human guild member and returns their user object. */
  addUser(username: string): WireUser {
    const user = userObject(snowflake(), username);
    this.users.set(user.id, user);
    return user;
  }

  /** Creates a guild role (dispatching GUILD_ROLE_CREATE, as Discord does); returns its id. */
  addRole(name: string, id = snowflake()): string {
    const role = roleObject(id, name, this.guildRoles.length + 1);
    this.guildRoles.push(role);
    this.dispatch('GUILD_ROLE_CREATE', { guild_id: this.guildId, role });
    return String(role.id);
  }

  /** Gives a guild member these role ids (in member objects and `GET /guilds/:id/members/:id`). */
  setRoles(userId: string, roles: string[]): void {
    this.roles.set(userId, roles);
  }

  /**
   * Makes `userId` no longer a member of the guild (they left, or never joined and react
   * through a shared link): `GET /guilds/:id/members/:id` answers 404 / 10007 Unknown Member and
   * their reactions carry no `member`, as Discord sends them.
   */
  removeMember(userId: string): void {
    this.nonMembers.add(userId);
  }

  /** A guild member object of `user`, with the roles set by {@link setRoles}. */
  private member(user: WireUser, withUser = true): WireObject {
    return { ...memberObject(user, withUser), roles: this.roles.get(user.id) ?? [] };
  }

  /** From now on, messages to this user's DM channel fail with 403 / 50007. */
  closeDms(userId: string): void {
    this.closedDms.add(userId);
  }

  /** Answers the next `times` calls of `method` on a path matching `path` with a 429. */
  rateLimitNext(method: string, path: RegExp, retryAfterSeconds: number, times = 1): void {
    this.rateLimits.push({ method, path, retryAfterSeconds, times });
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

  /** The DM channel id of a user, once the bot opened one. */
  dmChannelOf(userId: string): string | undefined {
    return this.dmChannels.get(userId);
  }

  /** Number of identified gateway sessions now open. */
  get sessions(): number {
    return [...this.sockets.values()].filter((s) => s.ready).length;
  }

  /**
   * The sequence number (`s`) of the last dispatch sent to the newest identified session, 0
   * before any: a bot that has seen this `s` has received everything sent so far.
   */
  get lastSeq(): number {
    const ready = [...this.sockets.values()].filter((s) => s.ready);
    return ready.at(-1)?.seq ?? 0;
  }

  // ---------------------------------------------------------------- injected gateway events

  /** Sends one dispatch (op 0) to every identified session. Tests may send the same one twice. */
  dispatch(t: string, d: WireObject): void {
    for (const [socket, session] of this.sockets) {
      if (!session.ready || socket.readyState !== WebSocket.OPEN) continue;
      session.seq += 1;
      socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
    }
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

  /** `user` clicks the button `customId` on a bot message; returns the INTERACTION_CREATE `d`. */
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
      this.attachments.set(id, { content_type, data: f.data });
      const url = `http://127.0.0.1:${this.port}/attachments/${channelId}/${id}/${encodeURIComponent(f.filename)}`;
      return { id, filename: f.filename, size: f.data.length, url, proxy_url: url, content_type };
    });
    const d = this.storeMessage(channelId, user, { content, attachments }, true);
    this.dispatch('MESSAGE_CREATE', d);
    return d;
  }

  /** `user` starts a public thread in the guild channel (owned by them, not the bot); its id. */
  userThread(user: WireUser, name: string): string {
    const id = snowflake();
    const thread = threadObject(id, this.guildId, this.channelId, user.id, name, 1440);
    this.channels.set(id, thread);
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return id;
  }

  /** The next attachment download answers HTTP `status` (e.g. 404: the file expired). */
  failNextAttachment(status: number): void {
    this.failAttachments.push(status);
  }

  /** `user` adds (or removes) a unicode `emoji` reaction on a message. */
  react(
    user: WireUser,
    channelId: string,
    messageId: string,
    emoji: string,
    added = true,
  ): WireObject {
    const stored = this.messages.get(channelId)?.get(messageId);
    if (!stored) throw new Error(`No message ${messageId} in ${channelId}`);
    this.recordReaction(stored, user.id, emoji, added);
    const channel = this.channels.get(channelId);
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
      ...(added && channel?.guild_id && !this.nonMembers.has(user.id)
        ? { member: this.member(user), message_author_id: (stored.data.author as WireUser).id }
        : {}),
    };
    this.dispatch(added ? 'MESSAGE_REACTION_ADD' : 'MESSAGE_REACTION_REMOVE', d);
    return d;
  }

  private interaction(user: WireUser, channelId: string, fields: WireObject): WireObject {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`No channel ${channelId}`);
    const id = snowflake();
    const token = `aW50ZXJhY3Rpb24${randomBytes(24).toString('base64url')}`;
    this.interactions.set(token, {
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
      member: { ...this.member(user), permissions: ALL_PERMISSIONS },
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

  // ---------------------------------------------------------------- server

  private async listen(): Promise<void> {
    this.server = createServer((req, res) => {
      this.handleHttp(req, res).catch((error: unknown) => {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify(apiError(0, String(error))));
      });
    });
    this.wss = new WebSocketServer({ server: this.server, path: '/gateway' });
    this.wss.on('connection', (socket) => this.onConnection(socket));
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** Closes every gateway socket and the HTTP server. */
  async close(): Promise<void> {
    for (const socket of this.sockets.keys()) socket.terminate();
    this.sockets.clear();
    await new Promise<void>((resolve) => this.wss?.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }

  private onConnection(socket: WebSocket): void {
    const session = { seq: 0, ready: false };
    this.sockets.set(socket, session);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(
      JSON.stringify({
        op: 10,
        d: { heartbeat_interval: HEARTBEAT_INTERVAL_MS },
        s: null,
        t: null,
      }),
    );
    socket.on('message', (raw) => {
      const packet = JSON.parse(raw.toString()) as { op: number; d: WireObject | null };
      if (packet.op === 1) {
        socket.send(JSON.stringify({ op: 11, d: null, s: null, t: null }));
      } else if (packet.op === 2) {
        if (packet.d?.token !== this.token) {
          socket.close(4004, 'Authentication failed.');
          return;
        }
        this.identifies.push(Number(packet.d?.intents ?? 0));
        session.ready = true;
        this.sendReady(socket, session);
      } else if (packet.op === 6) {
        // No resumable sessions here: tell the client to identify anew.
        socket.send(JSON.stringify({ op: 9, d: false, s: null, t: null }));
      }
    });
  }

  private sendReady(socket: WebSocket, session: { seq: number }): void {
    const send = (t: string, d: WireObject) => {
      session.seq += 1;
      socket.send(JSON.stringify({ op: 0, t, s: session.seq, d }));
    };
    send('READY', {
      v: 10,
      user: { ...this.bot, verified: true, mfa_enabled: false, flags: 0 },
      guilds: [{ id: this.guildId, unavailable: true }],
      session_id: randomBytes(16).toString('hex'),
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      shard: [0, 1],
      application: { id: this.applicationId, flags: 0 },
      private_channels: [],
      presences: [],
      relationships: [],
    });
    const members = [...this.users.values()].map((u) => this.member(u));
    const channels = [...this.channels.values()].filter((c) => c.type === CHANNEL_TYPE.GUILD_TEXT);
    send(
      'GUILD_CREATE',
      guildObject(this.guildId, this.bot.id, channels, this.threads(), members, this.guildRoles),
    );
  }

  private async handleHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw === '' ? null : (JSON.parse(raw) as WireObject);
    const prefix = '/api/v10';
    const path = decodeURIComponent(
      url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname,
    );
    const method = req.method ?? 'GET';
    const call: RecordedCall = {
      method,
      path,
      query: Object.fromEntries(url.searchParams),
      body,
      status: 0,
      at: Date.now(),
    };
    this.calls.push(call);
    const answer = (status: number, json?: unknown, headers: Record<string, string> = {}) => {
      call.status = status;
      res.writeHead(status, {
        ...(json === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      });
      res.end(json === undefined ? undefined : JSON.stringify(json));
    };

    const limited = this.rateLimits.find(
      (r) => r.method === method && r.path.test(path) && r.times > 0,
    );
    if (limited) {
      limited.times -= 1;
      const after = limited.retryAfterSeconds;
      answer(
        429,
        { message: 'You are being rate limited.', retry_after: after, global: false },
        {
          'Retry-After': String(Math.ceil(after)),
          'X-RateLimit-Limit': '5',
          'X-RateLimit-Remaining': '0',
          'X-RateLimit-Reset': String(Date.now() / 1000 + after),
          'X-RateLimit-Reset-After': String(after),
          'X-RateLimit-Bucket': 'standin-bucket',
          'X-RateLimit-Scope': 'user',
        },
      );
      return;
    }

    const attachment = /^\/attachments\/\d+\/(\d+)\/[^/]+$/.exec(url.pathname);
    if (attachment) {
      const stored = this.attachments.get(attachment[1] ?? '');
      const failed = this.failAttachments.shift();
      call.status = failed ?? (stored ? 200 : 404);
      if (failed || !stored) {
        res.writeHead(call.status, { 'content-type': 'text/plain' }).end('error');
        return;
      }
      res.writeHead(200, { 'content-type': stored.content_type }).end(stored.data);
      return;
    }

    // Interaction callbacks and webhooks authenticate with the interaction token in the path.
    const tokenAuth = path.startsWith('/interactions/') || path.startsWith('/webhooks/');
    if (!tokenAuth && req.headers.authorization !== `Bot ${this.token}`) {
      answer(401, apiError(0, '401: Unauthorized'));
      return;
    }
    const routed = this.route(method, path, url.searchParams, body ?? {});
    answer(routed.status, routed.json);
  }

  private route(
    method: string,
    path: string,
    query: URLSearchParams,
    body: WireObject,
  ): { status: number; json?: unknown } {
    const parts = path.split('/').filter(Boolean);
    const at = (i: number) => parts[i] ?? '';
    const is = (m: string, pattern: string) => {
      if (m !== method) return false;
      const p = pattern.split('/').filter(Boolean);
      return (
        p.length === parts.length && p.every((seg, i) => seg.startsWith(':') || seg === parts[i])
      );
    };

    if (is('GET', '/gateway/bot'))
      return {
        status: 200,
        json: {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 14400000,
            max_concurrency: 1,
          },
        },
      };
    if (is('POST', '/interactions/:id/:token/callback'))
      return this.interactionCallback(at(2), body, query.get('with_response') === 'true');
    if (is('POST', '/webhooks/:app/:token')) return this.followUp(at(2), body);
    if (is('PATCH', '/webhooks/:app/:token/messages/:message'))
      return this.editWebhookMessage(at(2), at(4), body);
    if (is('GET', '/channels/:channel')) {
      const channel = this.channels.get(at(1));
      return channel
        ? { status: 200, json: channel }
        : { status: 404, json: apiError(10003, 'Unknown Channel') };
    }
    if (is('POST', '/channels/:channel/messages')) return this.createMessage(at(1), body);
    if (is('GET', '/channels/:channel/messages/:message')) {
      const stored = this.messages.get(at(1))?.get(at(3));
      return stored
        ? { status: 200, json: this.withReactions(stored) }
        : { status: 404, json: apiError(10008, 'Unknown Message') };
    }
    if (is('PATCH', '/channels/:channel/messages/:message'))
      return this.editMessage(at(1), at(3), body);
    if (is('POST', '/channels/:channel/messages/:message/threads'))
      return this.startThread(at(1), at(3), body);
    if (is('PUT', '/channels/:channel/messages/:message/reactions/:emoji/@me'))
      return this.botReaction(at(1), at(3), at(5));
    if (is('GET', '/guilds/:guild/members/:user')) {
      const user = this.users.get(at(3));
      return user && at(1) === this.guildId && !this.nonMembers.has(user.id)
        ? { status: 200, json: this.member(user) }
        : { status: 404, json: apiError(10007, 'Unknown Member') };
    }
    if (is('POST', '/users/@me/channels')) return this.openDm(String(body.recipient_id ?? ''));
    if (is('GET', '/users/:user')) {
      const user = this.users.get(at(1));
      return user
        ? { status: 200, json: user }
        : { status: 404, json: apiError(10013, 'Unknown User') };
    }
    if (
      is('PUT', '/applications/:app/commands') ||
      is('PUT', '/applications/:app/guilds/:guild/commands')
    ) {
      const commands = Array.isArray(body) ? (body as WireObject[]) : [];
      return {
        status: 200,
        json: commands.map((c) => ({
          id: snowflake(),
          application_id: this.applicationId,
          version: snowflake(),
          type: 1,
          ...(parts.length === 5 ? { guild_id: at(3) } : {}),
          ...c,
        })),
      };
    }
    return { status: 404, json: apiError(0, '404: Not Found') };
  }

  // ---------------------------------------------------------------- REST handlers

  private storeMessage(
    channelId: string,
    author: WireUser,
    body: WireObject,
    human = false,
  ): WireObject {
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

  private interactionCallback(token: string, body: WireObject, withResponse: boolean) {
    const pending = this.interactions.get(token);
    if (!pending) return { status: 404, json: apiError(10062, 'Unknown interaction') };
    if (pending.responded)
      return { status: 400, json: apiError(40060, 'Interaction has already been acknowledged.') };
    const type = Number(body.type);
    const data = (body.data ?? {}) as WireObject;
    const invalid = invalidBody(data);
    if (invalid) return invalid;
    pending.responded = true;
    let message: WireObject | null = null;
    if (type === 4) {
      const ephemeral = (Number(data.flags ?? 0) & 64) !== 0;
      if (ephemeral)
        this.ephemerals.push({
          user_id: pending.user.id,
          channel_id: pending.channelId,
          body: data,
        });
      message = ephemeral
        ? messageObject(snowflake(), pending.channelId, this.bot, data)
        : this.storeMessage(pending.channelId, this.bot, data);
      message.interaction_metadata = {
        id: pending.id,
        type: 2,
        user: pending.user,
        authorizing_integration_owners: { '0': this.guildId },
      };
      pending.originalMessageId = String(message.id);
      if (!ephemeral) this.dispatch('MESSAGE_CREATE', message);
    }
    if (!withResponse) return { status: 204 };
    return {
      status: 200,
      json: {
        interaction: {
          id: pending.id,
          type: 2,
          response_message_id: message?.id ?? null,
          response_message_loading: type === 5,
          response_message_ephemeral: message ? (Number(message.flags) & 64) !== 0 : false,
        },
        ...(message ? { resource: { type, message } } : {}),
      },
    };
  }

  private followUp(token: string, body: WireObject) {
    const pending = this.interactions.get(token);
    if (!pending?.responded) return { status: 404, json: apiError(10015, 'Unknown Webhook') };
    const invalid = invalidBody(body);
    if (invalid) return invalid;
    const ephemeral = (Number(body.flags ?? 0) & 64) !== 0;
    if (ephemeral)
      this.ephemerals.push({ user_id: pending.user.id, channel_id: pending.channelId, body });
    const message = ephemeral
      ? messageObject(snowflake(), pending.channelId, this.bot, body, {
          webhook_id: this.applicationId,
        })
      : this.storeMessage(pending.channelId, this.bot, body);
    if (!ephemeral) this.dispatch('MESSAGE_CREATE', message);
    return { status: 200, json: message };
  }

  private editWebhookMessage(token: string, messageId: string, body: WireObject) {
    const pending = this.interactions.get(token);
    const id = messageId === '@original' ? pending?.originalMessageId : messageId;
    if (!pending || !id) return { status: 404, json: apiError(10008, 'Unknown Message') };
    return this.editMessage(pending.channelId, id, body);
  }

  private createMessage(channelId: string, body: WireObject) {
    const channel = this.channels.get(channelId);
    if (!channel) return { status: 404, json: apiError(10003, 'Unknown Channel') };
    if (channel.type === CHANNEL_TYPE.DM) {
      const recipient = (channel.recipients as WireUser[])[0];
      if (recipient && this.closedDms.has(recipient.id))
        return { status: 403, json: apiError(50007, 'Cannot send messages to this user') };
    }
    const invalid = invalidBody(body);
    if (invalid) return invalid;
    if (body.content === undefined && !Array.isArray(body.embeds))
      return { status: 400, json: apiError(50006, 'Cannot send an empty message') };
    const message = this.storeMessage(channelId, this.bot, body);
    this.dispatch('MESSAGE_CREATE', message);
    return { status: 200, json: message };
  }

  private editMessage(channelId: string, messageId: string, body: WireObject) {
    const stored = this.messages.get(channelId)?.get(messageId);
    if (!stored) return { status: 404, json: apiError(10008, 'Unknown Message') };
    const invalid = invalidBody(body);
    if (invalid) return invalid;
    for (const key of ['content', 'embeds', 'components', 'flags'] as const)
      if (body[key] !== undefined) stored.data[key] = body[key];
    stored.data.edited_timestamp = new Date().toISOString();
    this.dispatch('MESSAGE_UPDATE', stored.data);
    return { status: 200, json: stored.data };
  }

  private startThread(channelId: string, messageId: string, body: WireObject) {
    const parent = this.channels.get(channelId);
    const starter = this.messages.get(channelId)?.get(messageId);
    if (!parent || !starter) return { status: 404, json: apiError(10008, 'Unknown Message') };
    if (starter.data.thread)
      return {
        status: 400,
        json: apiError(160004, 'A thread has already been created for this message'),
      };
    // A thread started from a message shares the message's id (Discord docs "Start Thread from Message").
    const thread = threadObject(
      messageId,
      this.guildId,
      channelId,
      this.bot.id,
      String(body.name ?? 'thread'),
      Number(body.auto_archive_duration ?? 1440),
    );
    this.channels.set(messageId, thread);
    starter.data.thread = thread;
    starter.data.flags = Number(starter.data.flags ?? 0) | 32;
    this.dispatch('THREAD_CREATE', { ...thread, newly_created: true });
    return { status: 201, json: thread };
  }

  private botReaction(channelId: string, messageId: string, emoji: string) {
    const stored = this.messages.get(channelId)?.get(messageId);
    if (!stored) return { status: 404, json: apiError(10008, 'Unknown Message') };
    this.recordReaction(stored, this.bot.id, emoji, true);
    this.dispatch('MESSAGE_REACTION_ADD', {
      user_id: this.bot.id,
      channel_id: channelId,
      message_id: messageId,
      guild_id: this.guildId,
      member: memberObject(this.bot),
      emoji: { id: null, name: emoji },
      burst: false,
      type: 0,
      message_author_id: this.bot.id,
    });
    return { status: 204 };
  }

  private openDm(recipientId: string) {
    const user = this.users.get(recipientId);
    if (!user) return { status: 400, json: apiError(50035, 'Invalid Form Body') };
    let id = this.dmChannels.get(recipientId);
    if (!id) {
      id = snowflake();
      this.dmChannels.set(recipientId, id);
      this.channels.set(id, dmChannelObject(id, user));
    }
    return { status: 200, json: this.channels.get(id) };
  }

  private recordReaction(
    stored: StoredMessage,
    userId: string,
    emoji: string,
    added: boolean,
  ): void {
    const entry = stored.reactions.get(emoji) ?? { emoji: { id: null, name: emoji }, users: [] };
    entry.users = entry.users.filter((u) => u !== userId);
    if (added) entry.users.push(userId);
    if (entry.users.length > 0) stored.reactions.set(emoji, entry);
    else stored.reactions.delete(emoji);
  }

  private withReactions(stored: StoredMessage): WireObject {
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
