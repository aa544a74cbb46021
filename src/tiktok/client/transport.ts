// The client's transport (TikTokTransport): one TikTokHttp with its retry policy, and the GET
// and POST shapes every area uses (advertiser_id added, Access-Token header from `auth`).
import type { Logger } from '../../logging/logger';
import type { Metrics } from '../../metrics/port';
import type { TikTokAuth } from '../ads-api';
import { type ApiRequest, DEFAULT_RETRY, type RetryPolicy, TikTokHttp } from '../http';

/** Options of {@link TikTokClient}. */
export interface TikTokClientOptions {
  /** Scheme + host (+ port), no path: the client appends `/open_api/v1.3/<endpoint>/`. */
  baseUrl: string;
  /** Per-attempt timeout in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** Retry policy for rate-limit and transient errors. Default {@link DEFAULT_RETRY}. */
  retry?: RetryPolicy;
  /** Receives endpoint, code, request_id and attempt of calls; never tokens or secrets. */
  logger?: Logger;
  /** Counts every HTTP attempt (`tiktok_calls_total{endpoint,code}`). */
  metrics?: Pick<Metrics, 'tiktokCall'>;
  /** Waits between retries; inject `async () => {}` in tests. Default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Sends the client's requests; every call throws `TikTokApiError` as {@link TikTokHttp} does. */
export class TikTokTransport {
  readonly #http: TikTokHttp;

  constructor(options: TikTokClientOptions) {
    const httpOptions: ConstructorParameters<typeof TikTokHttp>[0] = {
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: options.retry ?? DEFAULT_RETRY,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
    };
    if (options.logger) httpOptions.logger = options.logger.child({ component: 'tiktok-client' });
    if (options.metrics) httpOptions.metrics = options.metrics;
    this.#http = new TikTokHttp(httpOptions);
  }

  /** HTTP requests sent so far, retries included. Tests use it to prove "no API call was made". */
  get calls(): number {
    return this.#http.calls;
  }

  /** One request as given (OAuth calls, multipart uploads). */
  send<T>(request: ApiRequest): Promise<T> {
    return this.#http.send<T>(request);
  }

  /** GET `endpoint` with `advertiser_id` added to the query. */
  get<T>(auth: TikTokAuth, endpoint: string, query: Record<string, unknown>): Promise<T> {
    return this.send<T>({
      method: 'GET',
      endpoint,
      access_token: auth.access_token,
      query: { advertiser_id: auth.advertiser_id, ...query },
    });
  }

  /** POST `endpoint` with `advertiser_id` added to the body. */
  post<T>(auth: TikTokAuth, endpoint: string, body: Record<string, unknown>): Promise<T> {
    return this.send<T>({
      method: 'POST',
      endpoint,
      access_token: auth.access_token,
      body: { ...body, advertiser_id: auth.advertiser_id },
    });
  }

  /** A POST whose envelope `request_id` the caller keeps (creates and status updates). */
  async postTracked<T>(
    auth: TikTokAuth,
    endpoint: string,
    body: Record<string, unknown>,
    retry?: false,
  ): Promise<{ data: T; request_id?: string }> {
    return this.#http.sendEnvelope<T>({
      method: 'POST',
      endpoint,
      access_token: auth.access_token,
      body: { ...body, advertiser_id: auth.advertiser_id },
      ...(retry === false ? { retry } : {}),
    });
  }
}
