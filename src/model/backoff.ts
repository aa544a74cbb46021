/**
 * Retry bounds for one model call while the user waits (docs/llm.md §2.3).
 * - `attempts`: requests in all, counting the first (1 = no retry).
 * - `baseDelayMs`: the backoff ceiling before the first retry, doubled for each retry after.
 * - `maxDelayMs`: no wait is ever longer; a server-requested delay above it means "give up now".
 */
export interface RetryPolicy {
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** At most 2 retries, base 500 ms, cap 4 s (docs/llm.md §2.3). */
export const DEFAULT_RETRY: RetryPolicy = { attempts: 3, baseDelayMs: 500, maxDelayMs: 4000 };

/**
 * "Full jitter" exponential backoff: a uniform wait in `[0, min(max, base * 2^retry))` ms.
 * `retry` is 0 before the first retry (the second request). `random` returns `[0, 1)`.
 */
export function fullJitterDelayMs(
  policy: RetryPolicy,
  retry: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * Milliseconds in a protobuf `Duration` as JSON renders it (`"1.5s"`, `"30s"`), e.g. the
 * `retryDelay` of a `google.rpc.RetryInfo` error detail. `undefined` for anything else.
 */
export function parseDurationMs(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d+(?:\.\d+)?)s$/.exec(value.trim());
  if (!match?.[1]) return undefined;
  return Math.round(Number(match[1]) * 1000);
}
