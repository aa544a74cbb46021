import { BotError } from '../errors/bot-error';

/**
 * The state port: a small key-value store with expiry, atomic claims and locks.
 * Implementations: `RedisStateStore` (ioredis) and `InMemoryStateStore`; both pass the same
 * contract suite (`test/store/state-store.contract.ts`).
 *
 * Keys are built only by `keys.ts`; values are JSON-serializable. TTL arguments are in
 * milliseconds and named `…Ms`.
 */
export interface StateStore {
  /** The JSON value at `key`, or `null` when absent or expired. */
  get<T>(key: string): Promise<T | null>;
  /** Stores `value` at `key`, replacing any value; expires after `ttlMs` when given. */
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  /**
   * Stores `value` only when `key` is absent (Redis `SET NX PX`). Returns true when this call
   * wrote it: the atomic "claim" used to handle an event id once.
   */
  setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean>;
  /** Returns the value at `key` and deletes it in one step (Redis `GETDEL`); `null` if absent. */
  getDel<T>(key: string): Promise<T | null>;
  /** Deletes `key`; returns true when something was deleted. */
  delete(key: string): Promise<boolean>;
  /**
   * Takes the lock named `key` for `ttlMs`, waiting up to `waitMs` while another holder has it
   * (also one in another process sharing the same Redis).
   * @throws LockTimeoutError when the lock is still held after `waitMs`.
   */
  acquireLock(key: string, ttlMs: number, waitMs: number): Promise<Lock>;
  /** Extends a held lock to `ttlMs` from now; returns false when it was lost (expired/taken). */
  extendLock(lock: Lock, ttlMs: number): Promise<boolean>;
  /** Releases the lock if this holder still owns it (compare-and-delete); never throws if lost. */
  releaseLock(lock: Lock): Promise<void>;
  /**
   * A fenced commit: stores `value` at `key` (expiring after `ttlMs`) and releases `lock`, in one
   * atomic step, only if `lock` is still held by this holder. Returns false (and writes nothing)
   * when the lock was lost, e.g. it expired while a paused holder worked, so a stale holder can
   * never overwrite newer state ("Distributed locks with Redis": fencing).
   */
  setAndReleaseLock(lock: Lock, key: string, value: unknown, ttlMs: number): Promise<boolean>;
  /**
   * A fenced save with the replies that report it (an outbox): only if `lock` is still held by
   * this holder, stores `value` at `key` (expiring after `ttlMs`), appends `outbox.entries`, in
   * order, to the outbox list at `outbox.key` (the list then expires after `outbox.ttlMs`), and
   * releases the lock when `release` is true, all in one atomic step (Redis: one Lua script,
   * so the lock, state and outbox keys must share a hash slot: the thread's hash tag). Returns
   * false, writing nothing of that step, when the lock was lost.
   * `outbox.index`, when given, is added to a set of outboxes to look at after a crash
   * (`SADD`) before the script, on the same connection, so a saved outbox is always indexed.
   * @throws RangeError for a bad TTL or an entry id containing a newline.
   */
  saveWithOutbox(
    lock: Lock,
    key: string,
    value: unknown,
    ttlMs: number,
    outbox: OutboxWrite,
    release: boolean,
  ): Promise<boolean>;
  /** The outbox's undelivered entries at `key`, oldest first; [] when none. */
  outboxPending<T>(key: string): Promise<Array<OutboxEntry<T>>>;
  /**
   * Records entry `id` of the outbox at `key` as delivered: removes it, so it is never sent
   * again. Returns false when it was not there (already marked, or expired).
   */
  outboxDelivered(key: string, id: string): Promise<boolean>;
  /**
   * The start of a turn in one step (one Redis round trip, a Lua script): claims `claim.key`
   * (`SET NX PX claim.ttlMs`; skipped when `claim` is `null`, i.e. already claimed), then tries
   * once to take lock `lockKey` for `lockTtlMs`, and reads `key` while holding it.
   * Returns `{claimed:false}` when the claim was taken before (nothing else done);
   * `{claimed:true, lock:null}` when another holder has the lock (the claim is kept: wait with
   * {@link acquireLock}); else `{claimed:true, lock, value}`.
   */
  claimLockAndGet<T>(
    claim: { key: string; ttlMs: number } | null,
    lockKey: string,
    lockTtlMs: number,
    key: string,
  ): Promise<TurnStart<T>>;
  /**
   * Adds 1 to the integer counter at `key` (created at 0) and returns the new value; a new
   * counter expires after `ttlMs` (Redis `INCR` + `PEXPIRE NX`, in one script).
   */
  increment(key: string, ttlMs: number): Promise<number>;
  /**
   * An atomic capped reservation over a hash of `member → amount` (Redis: one Lua script):
   * when the sum of the *other* members plus `amount` stays within `cap`, sets `member` to
   * `amount` (replacing its earlier amount, so repeating a reservation never counts twice) and
   * returns `{ ok: true, total }` with the new sum; otherwise writes nothing and returns
   * `{ ok: false, total }` with the sum of the other members. The hash expires after `ttlMs`.
   */
  reserveWithinCap(
    key: string,
    member: string,
    amount: number,
    cap: number,
    ttlMs: number,
  ): Promise<{ ok: boolean; total: number }>;
  /**
   * Appends one entry to the append-only stream at `key` (Redis Stream `XADD`, trimmed to about
   * `maxLen` entries) and returns its id (`<ms>-<seq>`, increasing).
   */
  appendToStream(key: string, value: unknown, maxLen: number): Promise<string>;
  /**
   * Appends the same entry to several streams in one step (Redis `MULTI` of `XADD`s, each
   * trimmed to about its `maxLen`): either every stream gets it or none does, so an index
   * stream never disagrees with the stream it indexes. Returns the ids, in `targets` order.
   */
  appendToStreams(
    targets: ReadonlyArray<{ key: string; maxLen: number }>,
    value: unknown,
  ): Promise<string[]>;
  /** The stream's entries, oldest first, at most `count` (Redis `XRANGE key - + COUNT`). */
  readStream<T>(key: string, count: number): Promise<Array<{ id: string; value: T }>>;
  /**
   * Adds `member` to the set at `key` (Redis `SADD`); no expiry. Sets index work that must be
   * found again after a crash, e.g. submissions in flight.
   */
  addMember(key: string, member: string): Promise<void>;
  /** Removes `member` from the set at `key` (Redis `SREM`); absent members are ignored. */
  removeMember(key: string, member: string): Promise<void>;
  /** The members of the set at `key` (Redis `SMEMBERS`), in no particular order; [] if none. */
  members(key: string): Promise<string[]>;
  /** Closes connections this store opened itself. */
  close(): Promise<void>;
}

/** What {@link StateStore.claimLockAndGet} found. */
export type TurnStart<T> =
  | { claimed: false }
  | { claimed: true; lock: null }
  | { claimed: true; lock: Lock; value: T | null };

/** One reply waiting in an outbox: a unique id (no newline) and the JSON value. */
export interface OutboxEntry<T = unknown> {
  id: string;
  value: T;
}

/** The outbox part of {@link StateStore.saveWithOutbox}. TTL in ms. */
export interface OutboxWrite {
  key: string;
  entries: OutboxEntry[];
  ttlMs: number;
  /** Set `key` gets `member` (no expiry): where a restarted process finds outboxes to send. */
  index?: { key: string; member: string };
}

/** A held lock: its key and the random token that proves ownership. */
export interface Lock {
  key: string;
  token: string;
}

/** Thrown by {@link StateStore.acquireLock} when the wait runs out. */
export class LockTimeoutError extends BotError {
  override readonly name = 'LockTimeoutError';
  declare readonly code: 'lock_timeout';
  constructor(
    readonly key: string,
    readonly waitedMs: number,
  ) {
    super('lock_timeout', `Lock ${key} still held after ${waitedMs} ms`);
  }
}

/**
 * The store failed (Redis down, a dropped connection, a command timeout): the operation's outcome
 * is unknown. A turn that meets it saves nothing and tells the user to send the message again.
 */
export class StoreUnavailableError extends BotError {
  override readonly name = 'StoreUnavailableError';
  declare readonly code: 'store_unavailable';
  constructor(
    readonly operation: string,
    options: { cause: unknown },
  ) {
    super('store_unavailable', `The state store failed during ${operation}`, options);
  }
}
