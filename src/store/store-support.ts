import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Lock, LockTimeoutError } from './state-store';

/**
 * Helpers shared by the `StateStore` implementations, so that both validate arguments, encode
 * values and wait for locks the same way (and pass the same contract suite).
 */

/** First pause between lock attempts, in ms; doubles after each failed attempt. */
export const LOCK_RETRY_MIN_MS = 5;
/** Longest pause between lock attempts, in ms. */
export const LOCK_RETRY_MAX_MS = 50;

/**
 * Checks a TTL argument: Redis `PX` accepts only a positive integer of milliseconds
 * (Redis docs: SET, "invalid expire time" otherwise).
 * @throws RangeError when `ms` is not a positive safe integer.
 */
export function assertTtlMs(name: string, ms: number): void {
  if (!Number.isSafeInteger(ms) || ms <= 0) {
    throw new RangeError(`${name} must be a positive integer of milliseconds, got ${ms}`);
  }
}

/**
 * Checks a wait argument in ms (0 means "try once").
 * @throws RangeError when `ms` is negative or not finite.
 */
export function assertWaitMs(name: string, ms: number): void {
  if (!Number.isFinite(ms) || ms < 0) {
    throw new RangeError(`${name} must be a non-negative number of milliseconds, got ${ms}`);
  }
}

/**
 * Encodes a stored value as JSON text.
 * @throws TypeError when `value` has no JSON form (`undefined`, a function, a symbol).
 */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) {
    throw new TypeError(`value is not JSON-serializable (${typeof value})`);
  }
  return text;
}

/** Decodes JSON text read from the store; `null` stays `null` (absent key). */
export function fromJson<T>(text: string | null): T | null {
  return text === null ? null : (JSON.parse(text) as T);
}

/** A random lock token: 16 bytes from the CSPRNG, hex (Redis docs: "Distributed locks with Redis"). */
export function randomToken(): string {
  return randomBytes(16).toString('hex');
}

/**
 * Takes a lock by calling `tryOnce(token)` (one atomic "set if absent" with the same random
 * token each time) until it succeeds or `waitMs` of real time has passed. Pauses grow from
 * {@link LOCK_RETRY_MIN_MS} to {@link LOCK_RETRY_MAX_MS}, and one last attempt is made at the
 * deadline.
 * @throws LockTimeoutError when the lock is still held after `waitMs`.
 */
export async function acquireWithBackoff(
  key: string,
  waitMs: number,
  tryOnce: (token: string) => Promise<boolean>,
): Promise<Lock> {
  const token = randomToken();
  const started = Date.now();
  let pauseMs = LOCK_RETRY_MIN_MS;
  for (;;) {
    if (await tryOnce(token)) return { key, token };
    const waitedMs = Date.now() - started;
    const leftMs = waitMs - waitedMs;
    if (leftMs <= 0) throw new LockTimeoutError(key, waitedMs);
    await sleep(Math.min(pauseMs, leftMs));
    pauseMs = Math.min(pauseMs * 2, LOCK_RETRY_MAX_MS);
  }
}
