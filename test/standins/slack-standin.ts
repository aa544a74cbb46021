import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SlackWorkspace } from './slack-workspace';

export type { SlackStandInOptions, StandInMessage, StandInMetadata } from './slack-types';

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

/**
 * A local stand-in for the Slack Web API (`https://slack.com/api/<method>`), spoken over real
 * HTTP so the real `@slack/web-api` client inside Bolt talks to it through `slackApiUrl`.
 * It records every call and keeps the messages the bot
 * posted (with their updates and metadata), and can answer a chosen method with HTTP 429 +
 * `Retry-After`. The workspace and its methods are in `slack-workspace.ts` and
 * `slack-conversations.ts`; this file is the HTTP side: calls, tokens, rate limits, files.
 *
 * Wire facts it follows: each call is a `POST` with a form body (or JSON), the token in
 * `Authorization: Bearer …`; object arguments (`blocks`, `metadata`) arrive as JSON strings;
 * answers are HTTP 200 with `{ok:true,…}` or `{ok:false,error}` (docs.slack.dev/apis/web-api).
 * Unknown methods answer `{ok:false,error:'unknown_method'}`.
 * `POST /response/<id>` stands in for a command's `response_url` (recorded as `response_url`).
 */
export class SlackStandIn extends SlackWorkspace {
  readonly calls: SlackCall[] = [];
  private readonly rateLimits = new Map<string, Array<{ retryAfterSec: number }>>();
  private readonly listeners: Array<(call: SlackCall) => void> = [];
  private server: Server | undefined;
  private readonly files = new Map<string, { name: string; mimetype: string; data: Buffer }>();
  private failDownloads: number[] = [];
  private baseUrl = '';

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

  /** The next `times` calls of `method` get HTTP 429 with `Retry-After: retryAfterSec`. */
  rateLimitNext(method: string, retryAfterSec: number, times = 1): void {
    const queue = this.rateLimits.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push({ retryAfterSec });
    this.rateLimits.set(method, queue);
  }

  /** Calls `listener` after each recorded call (e.g. to print what the bot posted). */
  onCall(listener: (call: SlackCall) => void): void {
    this.listeners.push(listener);
  }

  /** Recorded calls of one method, in order. */
  callsTo(method: string): SlackCall[] {
    return this.calls.filter((c) => c.method === method);
  }

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
