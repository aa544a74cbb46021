/**
 * TikTok Marketing API v1.3 errors: one typed error for every failed call, classified by
 * TikTok's own codes into five error codes (auth, permission, rate limited, transient, invalid
 * request). What a user is told about each is the engine's business, not this client's.
 *
 * Source: TikTok "Appendix – Return codes" (portal doc 1737172488964097; names from the official
 * SDK's `tiktok_code.py`), summarised in docs/tiktok-api.md §4.
 */
import { BotError, type ErrorCode } from '../errors/bot-error';

/**
 * The `code` a {@link TikTokApiError} carries when no TikTok envelope came back at all: network
 * failure, timeout, an HTTP error page (404 "page not found", 405, 5xx from a gateway) or a body
 * that is not JSON. `http_status` then says what the transport saw (0 = no response).
 */
export const NO_ENVELOPE_CODE = -1;

/**
 * 40050 DUPLICATED_REQUEST, "Duplicated requests have been sent": a create repeated with a
 * `request_id` TikTok already saw. The object may exist: look it up, never fail for good on it
 * and never resend blindly (docs/tiktok-api.md §10, docs/reliability.md §5).
 */
export const DUPLICATED_REQUEST = 40050;

/** Codes that mean the access token (or auth code) no longer works: re-authorize. */
const AUTH_CODES = new Set([40102, 40104, 40105, 40106, 40110, 40113, 40130]);
/** Codes that mean "not allowed": missing scope, geo block, allowlist, advertiser gone. */
const PERMISSION_CODES = new Set([40001, 41000, 40118, 40300, 40301]);
/**
 * Throttling: back off and retry. Exactly the rate-limit codes of TikTok's official table (SDK
 * python_sdk/business_api_client/tiktok_business/tiktok_code.py): 40016 BIZ_FC_ERROR, 40100
 * REQUEST_TOO_FREQUENT, 40132 REQUEST_FREQUENCY_LIMITED, 61000 TOO_MANY_REQUESTS_BL.
 */
const RATE_LIMIT_CODES = new Set([40016, 40100, 40132, 61000]);
/**
 * Any other code whose message reads like throttling. Covers the advertiser-level
 * "Advertiser (…)'s QPS (…) reaches QPS limit" answer that api-evangelist's summaries give code
 * 40133 (not in TikTok's table: UNCONFIRMED) without trusting that number.
 */
const RATE_LIMIT_MESSAGE = /\bQPS\b|too (many requests|frequent)/i;
/** Temporary trouble on TikTok's side that a retry may clear (5xxxx handled by range). */
const TRANSIENT_CODES = new Set([40202, 40901, 40902, 40913, 60001]);

/**
 * How the client classifies a failed call: one of the `tiktok_*` codes of the error tree.
 * - `tiktok_auth`: the token (or auth code) no longer works, so only a new authorization helps.
 * - `tiktok_permission`: the call is not allowed (scope, region, allowlist, advertiser gone).
 * - `tiktok_rate_limited`: TikTok asked to slow down; retry after a wait.
 * - `tiktok_transient`: TikTok failed on its side or no reply came; the outcome is unknown.
 * - `tiktok_invalid_request`: TikTok refused the request itself; resending cannot help.
 */
export type TikTokErrorCode = Extract<
  ErrorCode,
  | 'tiktok_auth'
  | 'tiktok_permission'
  | 'tiktok_rate_limited'
  | 'tiktok_transient'
  | 'tiktok_invalid_request'
>;

/**
 * Classifies a TikTok envelope `code` (never 0) into a {@link TikTokErrorCode}:
 * - `tiktok_auth`: 40102, 40104, 40105, 40106, 40110, 40113, 40130.
 * - `tiktok_permission`: 40001 (scope not granted), 41000 (IP in a banned region), 40118
 *   (allowlist), 40300 (advertiser does not exist), 40301 (advertiser role).
 * - `tiktok_rate_limited`: 40016, 40100, 40132, 61000 (TikTok's table), and a code TikTok's
 *   table does not list whose message says QPS / too many requests / too frequent (e.g. the
 *   reported 40133).
 * - `tiktok_transient`: 40202, 40901, 40902, 40913, every 5xxxx, 60001,
 *   {@link NO_ENVELOPE_CODE}, and 40050 {@link DUPLICATED_REQUEST} (the first request may have
 *   gone through: look it up; the HTTP layer does not resend it, see
 *   {@link TikTokApiError.retryable}).
 * - `tiktok_invalid_request`: every other code (all remaining 4xxxx, and anything unknown: not
 *   retried).
 *
 * `message` is TikTok's text. Our one use of it: a 40000 whose message names the access token
 * (TikTok's wording for "token issued to another app", docs/tiktok-api.md §2.4) is
 * `tiktok_auth`, because only a new authorization fixes it. That reading is ours, not TikTok's.
 *
 * Source: TikTok "Appendix – Return codes"; docs/tiktok-api.md §4.1-§4.3.
 */
export function classifyTikTokCode(tiktok_code: number, message: string): TikTokErrorCode {
  if (AUTH_CODES.has(tiktok_code)) return 'tiktok_auth';
  if (PERMISSION_CODES.has(tiktok_code)) return 'tiktok_permission';
  if (RATE_LIMIT_CODES.has(tiktok_code)) return 'tiktok_rate_limited';
  if (TRANSIENT_CODES.has(tiktok_code)) return 'tiktok_transient';
  if (tiktok_code === DUPLICATED_REQUEST) return 'tiktok_transient';
  if (tiktok_code === NO_ENVELOPE_CODE) return 'tiktok_transient';
  if (tiktok_code >= 50000 && tiktok_code <= 59999) return 'tiktok_transient';
  if (tiktok_code === 40000 && /access[ _-]?token/i.test(message)) return 'tiktok_auth';
  if (RATE_LIMIT_MESSAGE.test(message)) return 'tiktok_rate_limited';
  return 'tiktok_invalid_request';
}

/** Whether a failure is worth retrying automatically (with backoff): rate limits and transients. */
export function isRetryableCode(code: TikTokErrorCode): boolean {
  return code === 'tiktok_rate_limited' || code === 'tiktok_transient';
}

/** What a {@link TikTokApiError} is built from. */
export interface TikTokApiErrorInit {
  /** TikTok's envelope `code`, or {@link NO_ENVELOPE_CODE}. */
  tiktok_code: number;
  /** TikTok's envelope `message` (or a description of the transport failure). */
  tiktok_message: string;
  /** TikTok's envelope `request_id`, when there was an envelope. */
  request_id?: string;
  /** The HTTP status seen; 0 when no response arrived (network error, timeout). */
  http_status: number;
  /** Overrides {@link classifyTikTokCode}; used for envelope-less failures. */
  code?: TikTokErrorCode;
  /** The endpoint called, e.g. `campaign/create/` (for the message only). */
  endpoint?: string;
}

/**
 * A failed Marketing API call: envelope `code !== 0` (whatever the HTTP status), or no envelope
 * at all (`tiktok_code` = {@link NO_ENVELOPE_CODE}: network error, timeout, HTTP 5xx page →
 * `tiktok_transient`; HTTP 4xx page such as 404 "page not found" → `tiktok_invalid_request`,
 * since retrying cannot help). Never carries tokens or secrets.
 *
 * Source: TikTok "Appendix – Return codes"; docs/tiktok-api.md §3, §4.
 */
export class TikTokApiError extends BotError {
  override readonly name = 'TikTokApiError';
  /** The client's classification: see {@link classifyTikTokCode}. */
  declare readonly code: TikTokErrorCode;
  /** TikTok's envelope `code`, or -1 when there was no envelope. */
  readonly tiktok_code: number;
  /** TikTok's own `message`, verbatim. */
  readonly tiktok_message: string;
  /** TikTok's `request_id`, to quote in a support ticket. */
  readonly request_id?: string;
  /** HTTP status of the response; 0 when none arrived. */
  readonly http_status: number;
  /** True for rate limits and transients, except 40050 (resending it can only repeat it). */
  readonly retryable: boolean;

  constructor(init: TikTokApiErrorInit) {
    const where = init.endpoint ? ` (${init.endpoint})` : '';
    const code = init.code ?? classifyTikTokCode(init.tiktok_code, init.tiktok_message);
    super(code, `TikTok API error ${init.tiktok_code}${where}: ${init.tiktok_message}`);
    this.tiktok_code = init.tiktok_code;
    this.tiktok_message = init.tiktok_message;
    if (init.request_id !== undefined) this.request_id = init.request_id;
    this.http_status = init.http_status;
    this.retryable = isRetryableCode(code) && init.tiktok_code !== DUPLICATED_REQUEST;
  }
}

/**
 * True when the error means the stored token no longer reaches the advertiser and the link must
 * be redone: 40102 (expired), 40105 (invalid or revoked), 40106 (not valid for this advertiser).
 * Source: docs/tiktok-api.md §2.4 ("on 40102/40105/40106 mark the connection as needing
 * re-authorization").
 */
export function isLinkInvalid(err: unknown): boolean {
  return err instanceof TikTokApiError && [40102, 40105, 40106].includes(err.tiktok_code);
}

/** True for 40050 DUPLICATED_REQUEST: the create may already exist; look it up by name. */
export function isDuplicatedRequest(err: unknown): boolean {
  return err instanceof TikTokApiError && err.tiktok_code === DUPLICATED_REQUEST;
}

/**
 * True when a create's outcome is unknown: no reply, a reply without an envelope (HTTP 5xx from
 * a gateway), a 5xxxx or another transient code. The object may or may not exist; look before
 * creating again (docs/reliability.md §5 step 3).
 */
export function isOutcomeUnknown(err: unknown): boolean {
  return err instanceof TikTokApiError && err.code === 'tiktok_transient';
}
