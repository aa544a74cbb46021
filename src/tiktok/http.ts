import { isFetchTimeout } from '../errors/timeout';
/**
 * The Marketing API v1.3 transport: one HTTP call per attempt, the `{code, message, request_id,
 * data}` envelope unwrapped, bounded retries with exponential backoff and full jitter.
 *
 * Source: docs/tiktok-api.md §1 (paths, `Access-Token` header, JSON-encoded query values),
 * §3 (envelope, HTTP 200 on application errors), §4.3 (retry policy).
 */
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/port';
import { NO_ENVELOPE_CODE, TikTokApiError } from './errors';

/** Retry policy. Delays in milliseconds. */
export interface RetryPolicy {
  /** Total tries including the first (≥ 1) for transient errors. Default 4. */
  attempts: number;
  /** Backoff base: try n waits a random time in [0, min(maxDelayMs, baseDelayMs·2^(n-1))). */
  baseDelayMs: number;
  /** Upper bound of one wait. */
  maxDelayMs: number;
  /**
   * Rate limits (40100, 40133…) are retried, whatever `attempts` says, until this much time has
   * been spent waiting, so a throttle outlasting a few quick tries is waited out before the user
   * sees a failure. Each wait is exponential with equal jitter: in [c/2, c) for
   * c = min(maxDelayMs, baseDelayMs·2^(n-1)), the last one cut to end exactly at the bound.
   * Absent: rate limits count against `attempts` like transient errors. Default 30 000: TikTok
   * gives no Retry-After and asks to retry "next second" on a QPS limit and to pause on a QPM
   * one (TikTok's "Rate limits" guide, https://business-api.tiktok.com/portal/docs/rate-limits/v1.3,
   * single-source summary); 30 s covers the QPS window many times over and half a QPM window,
   * and stays within what a chat user waits for.
   */
  rateLimitWindowMs?: number;
}

/** The default {@link RetryPolicy}: 4 tries, 500 ms base, 8 s cap, rate limits waited out for 30 s. */
export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 4,
  baseDelayMs: 500,
  maxDelayMs: 8000,
  rateLimitWindowMs: 30_000,
};

/** One API call. `endpoint` is relative and ends with `/`, e.g. `campaign/create/`. */
export interface ApiRequest {
  method: 'GET' | 'POST';
  endpoint: string;
  /** Sent as the `Access-Token` header (no `Bearer`). Omitted for the OAuth exchange. */
  access_token?: string;
  /** GET query; arrays and objects are JSON-encoded, undefined values dropped. */
  query?: Record<string, unknown>;
  /** POST JSON body. */
  body?: Record<string, unknown>;
  /** POST multipart body (uploads); takes precedence over `body`. */
  form?: FormData;
  /**
   * `false`: send once, never retry here, whatever the error (ad/create/, which has no
   * idempotency key: a resend after a lost reply makes a second ad). The caller reconciles.
   */
  retry?: false;
}

/** Options of {@link TikTokHttp}; see `TikTokClientOptions`. */
export interface TikTokHttpOptions {
  baseUrl: string;
  timeoutMs: number;
  retry: RetryPolicy;
  logger?: Logger;
  /** Counts each attempt by endpoint and TikTok code, with its latency. */
  metrics?: Pick<Metrics, 'tiktokCall'>;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

interface Envelope {
  code: number;
  message: string;
  request_id?: string;
  data?: unknown;
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return typeof v.code === 'number' && typeof v.message === 'string';
}

/** Encodes a GET query TikTok's way: scalars as text, arrays/objects as JSON strings. */
export function encodeQuery(query: Record<string, unknown>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    params.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * Sends Marketing API requests. `calls` counts HTTP attempts made (each retry counts), so tests
 * can prove that no call, or exactly N calls, happened. Logs endpoint, code, request_id and
 * attempt only: never tokens, secrets or bodies.
 */
export class TikTokHttp {
  #calls = 0;

  constructor(private readonly options: TikTokHttpOptions) {}

  /** HTTP requests sent so far (every attempt counts). */
  get calls(): number {
    return this.#calls;
  }

  /** Runs `request`, retrying rate-limit/transient failures; returns the envelope's `data`. */
  async send<T>(request: ApiRequest): Promise<T> {
    return (await this.sendEnvelope<T>(request)).data;
  }

  /**
   * Like {@link send}, and also returns TikTok's envelope `request_id` (what TikTok asks for in
   * a support ticket, kept in the audit trail).
   */
  async sendEnvelope<T>(request: ApiRequest): Promise<{ data: T; request_id?: string }> {
    let waited = 0;
    for (let attempt = 1; ; attempt++) {
      const started = performance.now();
      const observe = (code: number) =>
        this.options.metrics?.tiktokCall(
          request.endpoint,
          code,
          (performance.now() - started) / 1000,
        );
      try {
        const { data, request_id } = await this.once(request);
        observe(0);
        this.options.logger?.debug(
          { endpoint: request.endpoint, code: 0, request_id, attempt },
          'tiktok ok',
        );
        return request_id === undefined ? { data: data as T } : { data: data as T, request_id };
      } catch (err) {
        if (!(err instanceof TikTokApiError)) throw err;
        observe(err.tiktok_code);
        const log = {
          endpoint: request.endpoint,
          code: err.tiktok_code,
          request_id: err.request_id,
          attempt,
          error_code: err.code,
        };
        const delay = request.retry === false ? null : this.delayAfter(err, attempt, waited);
        if (delay === null) {
          this.options.logger?.warn({ ...log, waited_ms: waited }, 'tiktok call failed');
          throw err;
        }
        waited += delay;
        this.options.logger?.info({ ...log, delay_ms: delay }, 'tiktok call retrying');
        await this.options.sleep(delay);
      }
    }
  }

  /**
   * How long to wait before try `attempt + 1` after `err`, having waited `waited` ms so far, or
   * `null` to give up: errors that are not retryable; rate limits once the policy's
   * `rateLimitWindowMs` is spent (equal jitter, see {@link RetryPolicy}); others after
   * `attempts` tries (full jitter).
   */
  private delayAfter(err: TikTokApiError, attempt: number, waited: number): number | null {
    const { attempts, baseDelayMs, maxDelayMs, rateLimitWindowMs } = this.options.retry;
    if (!err.retryable) return null;
    const cap = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
    if (err.code === 'tiktok_rate_limited' && rateLimitWindowMs !== undefined) {
      const left = rateLimitWindowMs - waited;
      if (left <= 0) return null;
      return Math.min(left, Math.max(1, Math.floor(cap / 2 + (this.options.random() * cap) / 2)));
    }
    if (attempt >= Math.max(1, Math.floor(attempts))) return null;
    return Math.floor(this.options.random() * cap);
  }

  /** One attempt: HTTP call + envelope check. Throws {@link TikTokApiError}. */
  private async once(request: ApiRequest): Promise<{ data: unknown; request_id?: string }> {
    const base = this.options.baseUrl.replace(/\/+$/, '');
    const query = request.method === 'GET' && request.query ? encodeQuery(request.query) : '';
    const url = `${base}/open_api/v1.3/${request.endpoint}${query}`;
    const headers: Record<string, string> = {};
    if (request.access_token !== undefined) headers['Access-Token'] = request.access_token;
    let body: string | FormData | undefined;
    if (request.method === 'POST') {
      if (request.form) body = request.form;
      else {
        headers['Content-Type'] = 'application/json';
        body = JSON.stringify(request.body ?? {});
      }
    }
    const init: RequestInit = {
      method: request.method,
      headers,
      signal: AbortSignal.timeout(this.options.timeoutMs),
    };
    if (body !== undefined) init.body = body;

    this.#calls++;
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, init);
      text = await response.text();
    } catch (err) {
      const timedOut = isFetchTimeout(err);
      throw new TikTokApiError({
        tiktok_code: NO_ENVELOPE_CODE,
        tiktok_message: timedOut
          ? `no response within ${this.options.timeoutMs} ms`
          : `network error: ${err instanceof Error ? err.message : String(err)}`,
        http_status: 0,
        code: 'tiktok_transient',
        endpoint: request.endpoint,
      });
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    if (!isEnvelope(parsed)) {
      const status = response.status;
      throw new TikTokApiError({
        tiktok_code: NO_ENVELOPE_CODE,
        tiktok_message: `HTTP ${status} without a TikTok envelope: ${text.slice(0, 200)}`,
        http_status: status,
        code: status >= 400 && status < 500 ? 'tiktok_invalid_request' : 'tiktok_transient',
        endpoint: request.endpoint,
      });
    }
    if (parsed.code !== 0) {
      const init: ConstructorParameters<typeof TikTokApiError>[0] = {
        tiktok_code: parsed.code,
        tiktok_message: parsed.message,
        http_status: response.status,
        endpoint: request.endpoint,
      };
      if (typeof parsed.request_id === 'string') init.request_id = parsed.request_id;
      throw new TikTokApiError(init);
    }
    const data = parsed.data ?? {};
    return typeof parsed.request_id === 'string'
      ? { data, request_id: parsed.request_id }
      : { data };
  }
}
