import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NO_ENVELOPE_CODE } from '../../src/tiktok/errors';
import { type ApiRequest, encodeQuery, type RetryPolicy, TikTokHttp } from '../../src/tiktok/http';
import { apiError } from './helpers';

/** One request the scripted server saw. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** An answer: HTTP status and raw body text, or `hang` to never answer. */
type Reply = { status?: number; body: string } | 'hang';

/**
 * A real HTTP server that answers each request with the next scripted reply (the last one
 * repeats) and records what it received. The transport is tested over the wire, not mocked.
 */
function useScriptedServer() {
  const s = { baseUrl: '', seen: [] as Seen[], replies: [] as Reply[] };
  let server: Server;
  const hung: ServerResponse[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        s.seen.push({
          method: req.method ?? '',
          url: req.url ?? '',
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        const reply = s.replies.length > 1 ? s.replies.shift() : s.replies[0];
        if (!reply || reply === 'hang') {
          hung.push(res);
          return;
        }
        res.writeHead(reply.status ?? 200, { 'content-type': 'application/json' });
        res.end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    s.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  beforeEach(() => {
    s.seen = [];
    s.replies = [];
  });
  afterAll(async () => {
    for (const res of hung) res.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return s;
}

const envelope = (code: number, message: string, data: unknown = {}, request_id = 'req-1') =>
  ({ body: JSON.stringify({ code, message, request_id, data }) }) as const;

const POLICY: RetryPolicy = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1000 };

function transport(
  baseUrl: string,
  overrides: Partial<ConstructorParameters<typeof TikTokHttp>[0]> = {},
) {
  const waits: number[] = [];
  const metrics: Array<[string, number]> = [];
  const http = new TikTokHttp({
    baseUrl,
    timeoutMs: 2000,
    retry: POLICY,
    sleep: async (ms) => {
      waits.push(ms);
    },
    random: () => 0.5,
    metrics: { tiktokCall: (endpoint, code) => metrics.push([endpoint, code]) },
    ...overrides,
  });
  return { http, waits, metrics };
}

const get: ApiRequest = {
  method: 'GET',
  endpoint: 'campaign/get/',
  access_token: 'tok-1',
  query: { advertiser_id: '7', filtering: { campaign_ids: ['1', '2'] }, page: 1, skip: undefined },
};

describe('encodeQuery', () => {
  it.each([
    [{}, ''],
    [{ a: 1, b: 'x y' }, '?a=1&b=x+y'],
    [{ ids: ['1', '2'] }, '?ids=%5B%221%22%2C%222%22%5D'],
    [{ filtering: { name: 'Sale' } }, '?filtering=%7B%22name%22%3A%22Sale%22%7D'],
    [{ gone: undefined, none: null, flag: false }, '?flag=false'],
  ])('%j → %s', (query, text) => {
    expect(encodeQuery(query)).toBe(text);
  });
});

describe('TikTokHttp over HTTP', () => {
  const s = useScriptedServer();

  it('GETs /open_api/v1.3/<endpoint> with the Access-Token header and a JSON-encoded query', async () => {
    s.replies = [envelope(0, 'OK', { list: [1] })];
    const { http } = transport(s.baseUrl);
    await expect(http.send(get)).resolves.toEqual({ list: [1] });
    expect(s.seen).toHaveLength(1);
    const [seen] = s.seen;
    expect(seen?.method).toBe('GET');
    expect(seen?.url).toBe(
      '/open_api/v1.3/campaign/get/?advertiser_id=7&filtering=%7B%22campaign_ids%22%3A%5B%221%22%2C%222%22%5D%7D&page=1',
    );
    expect(seen?.headers['access-token']).toBe('tok-1');
    expect(seen?.headers.authorization).toBeUndefined();
    expect(http.calls).toBe(1);
  });

  it('POSTs a JSON body, and no Access-Token header when none is given', async () => {
    s.replies = [envelope(0, 'OK', { access_token: 'new' })];
    const { http } = transport(s.baseUrl);
    await http.send({ method: 'POST', endpoint: 'oauth2/access_token/', body: { auth_code: 'c' } });
    const [seen] = s.seen;
    expect(seen?.url).toBe('/open_api/v1.3/oauth2/access_token/');
    expect(seen?.headers['content-type']).toBe('application/json');
    expect(seen?.headers['access-token']).toBeUndefined();
    expect(JSON.parse(seen?.body ?? '')).toEqual({ auth_code: 'c' });
  });

  it('POSTs a form as multipart', async () => {
    s.replies = [envelope(0, 'OK')];
    const form = new FormData();
    form.set('file_name', 'a.mp3');
    await transport(s.baseUrl).http.send({
      method: 'POST',
      endpoint: 'file/music/upload/',
      access_token: 't',
      form,
    });
    expect(s.seen[0]?.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(s.seen[0]?.body).toContain('name="file_name"\r\n\r\na.mp3');
  });

  it('returns the envelope request_id with sendEnvelope, and {} when data is absent', async () => {
    s.replies = [{ body: JSON.stringify({ code: 0, message: 'OK', request_id: 'r-9' }) }];
    await expect(transport(s.baseUrl).http.sendEnvelope(get)).resolves.toEqual({
      data: {},
      request_id: 'r-9',
    });
  });

  it('throws a code other than 0 as TikTokApiError with the envelope fields, without retrying validation', async () => {
    s.replies = [envelope(40002, 'budget: must be a number.', {}, 'r-40002')];
    const { http, metrics } = transport(s.baseUrl);
    const err = await apiError(http.send(get));
    expect(err).toMatchObject({
      tiktok_code: 40002,
      tiktok_message: 'budget: must be a number.',
      request_id: 'r-40002',
      http_status: 200,
      code: 'tiktok_invalid_request',
    });
    expect(err.message).toBe('TikTok API error 40002 (campaign/get/): budget: must be a number.');
    expect(http.calls).toBe(1);
    expect(metrics).toEqual([['campaign/get/', 40002]]);
  });

  it('retries a transient code with full jitter, up to `attempts` tries', async () => {
    s.replies = [envelope(50000, 'System error')];
    const { http, waits, metrics } = transport(s.baseUrl);
    const err = await apiError(http.send(get));
    expect(err.tiktok_code).toBe(50000);
    expect(http.calls).toBe(3);
    // random 0.5 of the cap min(1000, 100·2^(n-1)): 50, then 100.
    expect(waits).toEqual([50, 100]);
    expect(metrics.map(([, code]) => code)).toEqual([50000, 50000, 50000]);
  });

  it('recovers when a retry succeeds', async () => {
    s.replies = [envelope(50000, 'System error'), envelope(0, 'OK', { ok: true })];
    const { http, metrics } = transport(s.baseUrl);
    await expect(http.send(get)).resolves.toEqual({ ok: true });
    expect(metrics).toEqual([
      ['campaign/get/', 50000],
      ['campaign/get/', 0],
    ]);
  });

  it('waits out rate limits with equal jitter until the window is spent, the last wait cut to it', async () => {
    s.replies = [envelope(40100, 'Requests made too frequently')];
    const { http, waits } = transport(s.baseUrl, {
      retry: { ...POLICY, rateLimitWindowMs: 1000 },
    });
    const err = await apiError(http.send(get));
    expect(err.code).toBe('tiktok_rate_limited');
    // three quarters of 100, 200, 400, then what is left of the 1000 ms window.
    expect(waits).toEqual([75, 150, 300, 475]);
    expect(http.calls).toBe(5);
  });

  it('sends once with retry: false, whatever the error', async () => {
    s.replies = [envelope(50000, 'System error')];
    const { http, waits } = transport(s.baseUrl);
    await apiError(http.send({ ...get, retry: false }));
    expect(http.calls).toBe(1);
    expect(waits).toEqual([]);
  });

  it('never resends 40050 DUPLICATED_REQUEST', async () => {
    s.replies = [envelope(40050, 'Duplicated requests have been sent')];
    const { http } = transport(s.baseUrl);
    const err = await apiError(http.send(get));
    expect(err.retryable).toBe(false);
    expect(http.calls).toBe(1);
  });

  it.each([
    [502, '<html>Bad Gateway</html>', 'tiktok_transient', 3],
    [404, 'page not found', 'tiktok_invalid_request', 1],
    [200, '{"data": {}}', 'tiktok_transient', 3],
  ])('an HTTP %i without an envelope is %s (%i tries)', async (status, body, code, tries) => {
    s.replies = [{ status, body }];
    const { http, metrics } = transport(s.baseUrl);
    const err = await apiError(http.send(get));
    expect(err).toMatchObject({
      tiktok_code: NO_ENVELOPE_CODE,
      http_status: status,
      code,
      tiktok_message: `HTTP ${status} without a TikTok envelope: ${body}`,
    });
    expect(http.calls).toBe(tries);
    expect(metrics[0]).toEqual(['campaign/get/', NO_ENVELOPE_CODE]);
  });

  it('gives up on a silent server after timeoutMs, as a transient error with no HTTP status', async () => {
    s.replies = ['hang'];
    const { http } = transport(s.baseUrl, { timeoutMs: 150, retry: { ...POLICY, attempts: 1 } });
    const err = await apiError(http.send(get));
    expect(err).toMatchObject({
      tiktok_code: NO_ENVELOPE_CODE,
      http_status: 0,
      code: 'tiktok_transient',
    });
    expect(err.tiktok_message).toBe('no response within 150 ms');
    expect(http.calls).toBe(1);
  });

  it('reports a refused connection as a network error', async () => {
    const { http } = transport('http://127.0.0.1:1', { retry: { ...POLICY, attempts: 1 } });
    const err = await apiError(http.send(get));
    expect(err.http_status).toBe(0);
    expect(err.code).toBe('tiktok_transient');
    expect(err.tiktok_message).toMatch(/^network error: /);
  });

  it('logs endpoint, code, request_id and attempt, never the token', async () => {
    s.replies = [envelope(50000, 'System error', {}, 'r-1'), envelope(0, 'OK', {}, 'r-2')];
    const lines: Array<[string, Record<string, unknown>, string]> = [];
    const logger = Object.fromEntries(
      ['debug', 'info', 'warn', 'error'].map((level) => [
        level,
        (fields: Record<string, unknown>, msg: string) => lines.push([level, fields, msg]),
      ]),
    );
    const { http } = transport(s.baseUrl, { logger: logger as never });
    await http.send(get);
    expect(lines).toEqual([
      [
        'info',
        {
          endpoint: 'campaign/get/',
          code: 50000,
          request_id: 'r-1',
          attempt: 1,
          error_code: 'tiktok_transient',
          delay_ms: 50,
        },
        'tiktok call retrying',
      ],
      ['debug', { endpoint: 'campaign/get/', code: 0, request_id: 'r-2', attempt: 2 }, 'tiktok ok'],
    ]);
    expect(JSON.stringify(lines)).not.toContain('tok-1');
  });
});
