import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { blockKitProblems } from '../../adapters/slack/limits';

/**
 * A local stand-in for the Slack Web API (`https://slack.com/api/<method>`), spoken over real
 * HTTP so the real `@slack/web-api` client inside Bolt talks to it through `slackApiUrl`
 * (docs/slack.md §5). It records every call and keeps the messages the bot
 * posted (with their updates), and can answer a chosen method with HTTP 429 + `Retry-After`.
 *
 * Wire facts it follows: each call is a `POST` with a form body (or JSON), the token in
 * `Authorization: Bearer …`; object arguments (`blocks`) arrive as JSON strings; answers are
 * HTTP 200 with `{ok:true,…}` or `{ok:false,error}` (docs.slack.dev/apis/web-api).
 *
 * Methods: `auth.test`, `chat.postMessage`, `chat.update`, `chat.postEphemeral` (kept in
 * {@link SlackStandIn.ephemerals}, not in the channel), `conversations.open`,
 * `conversations.info`, `conversations.members`, `users.info` (home team from
 * {@link SlackStandIn.setHome}, else the stand-in's), `usergroups.users.list` (groups
 * from {@link SlackStandIn.addUserGroup}), `reactions.add`, `oauth.v2.access`. Others answer
 * `{ok:false,error:'unknown_method'}`.
 *
 * Channel membership as Slack has it for a bot without `chat:write.public`: the bot is in every
 * channel except those passed to {@link SlackStandIn.removeBot} (and ids starting `C_NOT_IN`).
 * There, `chat.postMessage` answers `not_in_channel`; `conversations.info` answers
 * `is_member: false` for a public channel (`C…`) and `channel_not_found` for a private one
 * (`G…`: the bot cannot see it); `conversations.members` lists the members it knows.
 * `POST /response/<id>` stands in for a command's `response_url` (recorded as `response_url`).
 */

/** One recorded Web API call. */
export interface SlackCall {
  method: string;
  /** Form fields, with `blocks`/`attachments`/`metadata` parsed from their JSON strings. */
  params: Record<string, unknown>;
  /** The bearer token (or `token` field) the call carried. */
  token: string | undefined;
  /** HTTP status the stand-in answered. */
  status: number;
}

/** A message as it stands now in the stand-in's workspace. */
export interface StandInMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  /** Every version, first post included (so updates can be inspected). */
  versions: Array<{ text: string; blocks: unknown[] }>;
}

/** Options of {@link SlackStandIn}. */
export interface SlackStandInOptions {
  /** Bot tokens the stand-in accepts (others get `invalid_auth`). Default `['xoxb-test']`. */
  tokens?: string[];
  team_id?: string;
  bot_user_id?: string;
  bot_id?: string;
}

type Handler = (
  params: Record<string, unknown>,
  token: string | undefined,
) => Record<string, unknown>;

/** A file object as a `file_share` message event carries it (subset). */
export interface SlackFileObject {
  id: string;
  name: string;
  title: string;
  mimetype: string;
  filetype: string;
  size: number;
  url_private: string;
  url_private_download: string;
}

export class SlackStandIn {
  readonly calls: SlackCall[] = [];
  readonly messages: StandInMessage[] = [];
  /** Ephemeral messages: only `user` saw them; Slack keeps no copy in the channel. */
  readonly ephemerals: Array<{
    channel: string;
    user: string;
    thread_ts?: string;
    text: string;
    blocks: unknown[];
  }> = [];
  private readonly userGroups = new Map<string, string[]>();
  private readonly homes = new Map<string, { team_id: string; enterprise_id?: string }>();
  readonly team_id: string;
  readonly bot_user_id: string;
  readonly bot_id: string;
  private readonly tokens: Set<string>;
  private readonly rateLimits = new Map<string, Array<{ retryAfterSec: number }>>();
  private readonly listeners: Array<(call: SlackCall) => void> = [];
  private readonly botAbsent = new Set<string>();
  private server: Server | undefined;
  private readonly files = new Map<string, { name: string; mimetype: string; data: Buffer }>();
  private failDownloads: number[] = [];
  private seq = 0;
  private baseUrl = '';
  private readonly refusals: string[] = [];
  /** Every Block Kit problem of a refused post, for tests to show. */
  readonly blockProblems: string[] = [];

  constructor(options: SlackStandInOptions = {}) {
    this.tokens = new Set(options.tokens ?? ['xoxb-test']);
    this.team_id = options.team_id ?? 'T0TEST';
    this.bot_user_id = options.bot_user_id ?? 'U0BOT';
    this.bot_id = options.bot_id ?? 'B0BOT';
  }

  /** Starts listening; resolves to the Web API base URL with its trailing `/` (`…/api/`). */
  async listen(port = 0, host = '127.0.0.1'): Promise<string> {
    const server = createServer((req, res) => {
      this.handle(req, res).catch((error: unknown) => {
        res.writeHead(500).end(String(error));
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, host, resolve));
    const { port: bound } = server.address() as AddressInfo;
    this.baseUrl = `http://${host}:${bound}`;
    return `${this.baseUrl}/api/`;
  }

  /** A `response_url` served by the stand-in (for slash command payloads). */
  responseUrl(id = 'cmd'): string {
    return `${this.baseUrl}/response/${id}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  /**
   * Stores an uploaded file as Slack does for a `file_share` message, and returns the file
   * object the event carries (subset): `url_private_download` works only with
   * `Authorization: Bearer <bot token>`; without it Slack answers its sign-in page (HTML).
   */
  addFile(name: string, data: Buffer, mimetype = 'application/octet-stream'): SlackFileObject {
    this.seq += 1;
    const id = `F0${String(this.seq).padStart(8, '0')}`;
    this.files.set(id, { name, mimetype, data });
    const url = `${this.baseUrl}/files-pri/${this.team_id}-${id}`;
    return {
      id,
      name,
      title: name,
      mimetype,
      filetype: name.split('.').pop() ?? '',
      size: data.length,
      url_private: `${url}/${encodeURIComponent(name)}`,
      url_private_download: `${url}/download/${encodeURIComponent(name)}`,
    };
  }

  /** The next file download answers HTTP `status` (e.g. 500), once per call. */
  failNextDownload(status: number): void {
    this.failDownloads.push(status);
  }

  /** From now on the bot is not a member of `channel` (as if never invited, or removed). */
  removeBot(channel: string): void {
    this.botAbsent.add(channel);
  }

  /** Whether the bot is a member of `channel`. */
  botIsMember(channel: string): boolean {
    return !channel.startsWith('C_NOT_IN') && !this.botAbsent.has(channel);
  }

  /** Accepts another bot token (e.g. one `oauth.v2.access` handed out). */
  addToken(token: string): void {
    this.tokens.add(token);
  }

  /** The next `times` calls of `method` get HTTP 429 with `Retry-After: retryAfterSec`. */
  rateLimitNext(method: string, retryAfterSec: number, times = 1): void {
    const queue = this.rateLimits.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push({ retryAfterSec });
    this.rateLimits.set(method, queue);
  }

  /**
   * Makes `user` a person of another workspace or organization, as Slack Connect shows them:
   * `users.info` answers their home `team_id` (and `enterprise_user.enterprise_id`).
   */
  setHome(user: string, team_id: string, enterprise_id?: string): void {
    this.homes.set(user, { team_id, ...(enterprise_id ? { enterprise_id } : {}) });
  }

  /** A user group (`S…`) with these members, for `usergroups.users.list`. */
  addUserGroup(id: string, users: string[]): void {
    this.userGroups.set(id, users);
  }

  /** Calls `listener` after each recorded call (e.g. to print what the bot posted). */
  onCall(listener: (call: SlackCall) => void): void {
    this.listeners.push(listener);
  }

  /** Recorded calls of one method, in order. */
  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Messages in `channel` (optionally only one thread's replies, root excluded), in order. */
  messagesIn(channel: string, thread_ts?: string): StandInMessage[] {
    return this.messages.filter(
      (m) => m.channel === channel && (thread_ts === undefined || m.thread_ts === thread_ts),
    );
  }

  /**
   * Slack's answer to blocks over the Block Kit limits: `invalid_blocks` (as for a
   * `section.text` over 3000 characters), or `msg_blocks_too_long` for the total; `null` when
   * they fit. A test can also make the next post fail with any error ({@link refuseNextPost}).
   */
  private refusedBlocks(p: Record<string, unknown>): { ok: false; error: string } | null {
    const forced = this.refusals.shift();
    if (forced) return { ok: false, error: forced };
    if (p.blocks === undefined) return null;
    const problems = blockKitProblems({ text: p.text ?? 'x', blocks: p.blocks });
    if (problems.length === 0) return null;
    this.blockProblems.push(...problems.map((x) => `${x.path}: ${x.problem}`));
    const tooLong = problems.some((x) => x.path === 'blocks' && /text chars/.test(x.problem));
    return { ok: false, error: tooLong ? 'msg_blocks_too_long' : 'invalid_blocks' };
  }

  /** Makes the next `chat.postMessage` / `chat.update` answer `ok: false` with `error`. */
  refuseNextPost(error: string): void {
    this.refusals.push(error);
  }

  private nextTs(): string {
    this.seq += 1;
    return `${Math.floor(Date.now() / 1000)}.${String(this.seq).padStart(6, '0')}`;
  }

  private readonly methods: Record<string, Handler> = {
    'auth.test': () => ({
      url: 'https://standin.slack.test/',
      team: 'Stand-in',
      user: 'tiktok-ads',
      team_id: this.team_id,
      user_id: this.bot_user_id,
      bot_id: this.bot_id,
      is_enterprise_install: false,
    }),
    'chat.postMessage': (p) => {
      const channel = String(p.channel ?? '');
      if (!channel) return { ok: false, error: 'channel_not_found' };
      if (!channel.startsWith('D') && !this.botIsMember(channel)) {
        return channel.startsWith('G')
          ? { ok: false, error: 'channel_not_found' }
          : { ok: false, error: 'not_in_channel' };
      }
      const refused = this.refusedBlocks(p);
      if (refused) return refused;
      const ts = this.nextTs();
      const text = String(p.text ?? '');
      const blocks = (p.blocks as unknown[] | undefined) ?? [];
      const message: StandInMessage = {
        channel,
        ts,
        text,
        blocks,
        versions: [{ text, blocks }],
        ...(p.thread_ts ? { thread_ts: String(p.thread_ts) } : {}),
      };
      this.messages.push(message);
      return { channel, ts, message: { type: 'message', text, ts, bot_id: this.bot_id } };
    },
    'chat.update': (p) => {
      const refused = this.refusedBlocks(p);
      if (refused) return refused;
      const found = this.messages.find((m) => m.channel === p.channel && m.ts === p.ts);
      if (!found) return { ok: false, error: 'message_not_found' };
      found.text = String(p.text ?? '');
      found.blocks = (p.blocks as unknown[] | undefined) ?? [];
      found.versions.push({ text: found.text, blocks: found.blocks });
      return { channel: found.channel, ts: found.ts, text: found.text };
    },
    'chat.postEphemeral': (p) => {
      const channel = String(p.channel ?? '');
      const user = String(p.user ?? '');
      if (!channel) return { ok: false, error: 'channel_not_found' };
      if (!user) return { ok: false, error: 'user_not_in_channel' };
      this.ephemerals.push({
        channel,
        user,
        ...(p.thread_ts ? { thread_ts: String(p.thread_ts) } : {}),
        text: String(p.text ?? ''),
        blocks: (p.blocks as unknown[] | undefined) ?? [],
      });
      return { message_ts: this.nextTs() };
    },
    'usergroups.users.list': (p) => {
      const users = this.userGroups.get(String(p.usergroup ?? ''));
      return users ? { users } : { ok: false, error: 'no_such_subteam' };
    },
    'conversations.open': (p) => {
      const users = String(p.users ?? '');
      if (!users || users.includes(',')) return { ok: false, error: 'not_enough_users' };
      return { channel: { id: `D${users}` } };
    },
    // docs.slack.dev/reference/methods/conversations.info: `is_member` is the caller's.
    'conversations.info': (p) => {
      const channel = String(p.channel ?? '');
      const member = this.botIsMember(channel);
      if (!channel || (channel.startsWith('G') && !member))
        return { ok: false, error: 'channel_not_found' };
      return {
        channel: {
          id: channel,
          name: channel.toLowerCase(),
          is_channel: channel.startsWith('C'),
          is_group: false,
          is_im: false,
          is_private: channel.startsWith('G'),
          is_archived: false,
          is_member: member,
        },
      };
    },
    'conversations.members': (p) => {
      const channel = String(p.channel ?? '');
      const member = this.botIsMember(channel);
      if (!channel || (channel.startsWith('G') && !member))
        return { ok: false, error: 'channel_not_found' };
      return {
        members: member ? [this.bot_user_id] : [],
        response_metadata: { next_cursor: '' },
      };
    },
    'users.info': (p) => {
      const home = this.homes.get(String(p.user));
      return {
        user: {
          id: p.user,
          name: String(p.user).toLowerCase(),
          team_id: home?.team_id ?? this.team_id,
          ...(home?.enterprise_id
            ? { enterprise_user: { enterprise_id: home.enterprise_id } }
            : {}),
        },
      };
    },
    'reactions.add': () => ({}),
    'oauth.v2.access': (p) => {
      if (p.code !== 'good-code') return { ok: false, error: 'invalid_code' };
      const token = `xoxb-installed-${this.team_id}`;
      this.addToken(token);
      return {
        app_id: 'A0TEST',
        authed_user: { id: 'U0INSTALLER' },
        scope: 'commands,chat:write',
        token_type: 'bot',
        access_token: token,
        bot_user_id: this.bot_user_id,
        team: { id: this.team_id, name: 'Stand-in' },
        enterprise: null,
        is_enterprise_install: false,
      };
    },
  };

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://standin');
    const params = parseParams(raw, String(req.headers['content-type'] ?? ''));
    const auth = req.headers.authorization;
    const token =
      auth?.startsWith('Bearer ') === true
        ? auth.slice('Bearer '.length)
        : (params.token as string | undefined);
    const reply = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const record = (method: string, status: number) => {
      const call: SlackCall = { method, params, token, status };
      this.calls.push(call);
      for (const l of this.listeners) l(call);
    };

    const file = /^\/files-pri\/[^/]+-(F0\d+)\/(?:download\/)?[^/]+$/.exec(url.pathname);
    if (file) {
      const stored = this.files.get(file[1] ?? '');
      const failed = this.failDownloads.shift();
      const authorized = auth?.startsWith('Bearer ') === true && this.tokens.has(token ?? '');
      record('files.download', failed ?? (stored ? 200 : 404));
      if (failed) return void res.writeHead(failed, { 'content-type': 'text/plain' }).end('error');
      if (!authorized) {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        return void res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
      }
      if (!stored)
        return void res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      res.writeHead(200, { 'content-type': stored.mimetype, 'content-length': stored.data.length });
      return void res.end(stored.data);
    }
    if (url.pathname.startsWith('/response/')) {
      record('response_url', 200);
      return reply(200, { ok: true });
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const limited = this.rateLimits.get(method)?.shift();
    if (limited) {
      record(method, 429);
      return reply(
        429,
        { ok: false, error: 'ratelimited' },
        {
          'retry-after': String(limited.retryAfterSec),
        },
      );
    }
    const handler = this.methods[method];
    if (!handler) {
      record(method, 200);
      return reply(200, { ok: false, error: 'unknown_method' });
    }
    if (method !== 'oauth.v2.access' && (!token || !this.tokens.has(token))) {
      record(method, 200);
      return reply(200, { ok: false, error: token ? 'invalid_auth' : 'not_authed' });
    }
    const result = handler(params, token);
    record(method, 200);
    reply(200, { ok: true, ...result });
  }
}

const JSON_FIELDS = ['blocks', 'attachments', 'metadata'];

function parseParams(raw: string, contentType: string): Record<string, unknown> {
  if (contentType.startsWith('application/json'))
    return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = JSON_FIELDS.includes(k) && /^[[{]/.test(v) ? JSON.parse(v) : v;
  }
  return out;
}
