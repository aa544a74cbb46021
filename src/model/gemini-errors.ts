import { ApiError } from '@google/genai';
import { parseDurationMs } from './backoff';
import { ModelError } from './proposal';

/**
 * What to do about one failed generateContent request:
 * - `retryable: true`: transient (408, 429 per-minute, 500, 502, 503, 504, network, timeout).
 *   `retryDelayMs` is the server's `RetryInfo.retryDelay` when it sent one.
 * - `retryable: false`: give up now with `error`.
 * `label` is safe to log and to show: the HTTP status and Google status, or `network`.
 */
export type CallFailure =
  | { retryable: true; label: string; retryDelayMs?: number }
  | { retryable: false; label: string; error: ModelError };

/** The Google error envelope `{error:{code,message,status,details}}` (docs/llm.md §2.1). */
interface GoogleErrorBody {
  code?: number;
  message?: string;
  status?: string;
  details?: unknown[];
}

const RETRYABLE_STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const CONFIG_STATUSES = new Set([400, 401, 403, 404]);
const RETRY_INFO = 'type.googleapis.com/google.rpc.RetryInfo';
const QUOTA_FAILURE = 'type.googleapis.com/google.rpc.QuotaFailure';

/** User-safe texts. They name the HTTP/Google status, never the key or the user's text. */
const MESSAGES = {
  config: (label: string) =>
    `The AI assistant is not set up correctly (Gemini answered ${label}). Your draft is unchanged; an admin needs to check the Gemini API key and model name.`,
  dailyQuota: (label: string) =>
    `The AI assistant has used up its daily Gemini quota (${label}). Your draft is unchanged; try again tomorrow or ask an admin to raise the quota.`,
  unavailable: (label: string) =>
    `The AI assistant is not reachable right now (${label}). Your draft is unchanged; please try again in a minute.`,
};

/**
 * The error body inside an `ApiError`: the SDK puts the JSON of the response body in `message`
 * (docs/llm.md §2.2). `undefined` when it is not that JSON.
 */
function googleError(err: ApiError): GoogleErrorBody | undefined {
  try {
    const parsed: unknown = JSON.parse(err.message);
    if (typeof parsed !== 'object' || parsed === null || !('error' in parsed)) return undefined;
    const inner = parsed.error;
    return typeof inner === 'object' && inner !== null ? (inner as GoogleErrorBody) : undefined;
  } catch {
    return undefined;
  }
}

/** The `details` entries of a given `@type`. */
function detailsOfType(body: GoogleErrorBody | undefined, type: string): Record<string, unknown>[] {
  return (body?.details ?? []).filter(
    (d): d is Record<string, unknown> =>
      typeof d === 'object' && d !== null && (d as Record<string, unknown>)['@type'] === type,
  );
}

/** `RetryInfo.retryDelay` in ms, when the server sent one. */
function retryDelayOf(body: GoogleErrorBody | undefined): number | undefined {
  for (const info of detailsOfType(body, RETRY_INFO)) {
    const ms = parseDurationMs(info.retryDelay);
    if (ms !== undefined) return ms;
  }
  return undefined;
}

/** A 429 from a per-day quota stays exhausted until the daily reset (docs/llm.md §2.1). */
function isDailyQuota(body: GoogleErrorBody | undefined): boolean {
  return detailsOfType(body, QUOTA_FAILURE).some((failure) => {
    const violations = Array.isArray(failure.violations) ? failure.violations : [];
    return violations.some((v: unknown) => {
      const quotaId = (v as { quotaId?: unknown } | null)?.quotaId;
      return typeof quotaId === 'string' && quotaId.includes('PerDay');
    });
  });
}

/**
 * Whether `err`, or an error in its `cause` chain, is a transport failure: fetch's "fetch
 * failed" `TypeError`, a socket error code (`ECONNREFUSED`, `ECONNRESET`, …), or the abort of
 * the per-request timeout. Checked by name and shape, not `instanceof`: fetch's errors may come
 * from another realm (Jest's vm contexts), and the SDK then wraps them in a plain
 * `Error("exception … sending request", {cause})`.
 */
function isNetworkError(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const { name, message, code, cause } = err as Record<string, unknown>;
  if (name === 'AbortError' || name === 'TimeoutError') return true;
  if (name === 'TypeError' && typeof message === 'string' && /fetch failed/i.test(message)) {
    return true;
  }
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  return isNetworkError(cause, depth + 1);
}

/**
 * Classifies an error thrown by `ai.models.generateContent` (docs/llm.md §2.1, §2.3):
 * 408/429/500/502/503/504 and network errors are retryable, except a per-day quota 429;
 * 400/401/403/404 become `ModelError('config')`; any other error becomes
 * `ModelError('unavailable')` without retry.
 */
export function classifyCallError(err: unknown): CallFailure {
  if (err instanceof ApiError) {
    const body = googleError(err);
    const label = body?.status ? `${err.status} ${body.status}` : String(err.status);
    if (err.status === 429 && isDailyQuota(body)) {
      return { retryable: false, label, error: unavailable(MESSAGES.dailyQuota(label), err) };
    }
    if (RETRYABLE_STATUSES.has(err.status)) {
      const retryDelayMs = retryDelayOf(body);
      return retryDelayMs === undefined
        ? { retryable: true, label }
        : { retryable: true, label, retryDelayMs };
    }
    if (CONFIG_STATUSES.has(err.status)) {
      return {
        retryable: false,
        label,
        error: new ModelError('config', MESSAGES.config(label), { cause: err }),
      };
    }
    return { retryable: false, label, error: unavailable(MESSAGES.unavailable(label), err) };
  }
  if (isNetworkError(err)) return { retryable: true, label: 'network' };
  return {
    retryable: false,
    label: 'unexpected',
    error: unavailable(MESSAGES.unavailable('unexpected error'), err),
  };
}

/** The error for a retryable failure once retries are used up (or the server asks too long). */
export function exhausted(failure: CallFailure, cause: unknown): ModelError {
  return unavailable(MESSAGES.unavailable(failure.label), cause);
}

function unavailable(message: string, cause: unknown): ModelError {
  return new ModelError('unavailable', message, { cause });
}
