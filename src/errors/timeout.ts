/**
 * Whether `error` is the rejection of a `fetch` whose `AbortSignal.timeout(ms)` ran out: a
 * `DOMException` named `TimeoutError` (https://developer.mozilla.org/docs/Web/API/AbortSignal/timeout_static).
 * Read by name alone: the exception need not be an `Error` of the caller's realm (under Jest it
 * is not), so `instanceof Error` would miss it.
 */
export function isFetchTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'TimeoutError';
}
