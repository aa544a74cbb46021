import { Redis, type RedisOptions } from 'ioredis';
import { StartError } from '../lifecycle/start-error';
import type { Logger } from '../logging/logger';
import { decodeOutboxEntry, encodeOutboxEntry } from './outbox-encoding';
import { OUTBOX_DELIVERED_LUA, type OutboxCommands, SAVE_WITH_OUTBOX_LUA } from './outbox-lua';
import { redactRedisUrl } from './redact-redis-url';
import type { Lock, OutboxEntry, OutboxWrite, StateStore, TurnStart } from './state-store';
import {
  acquireWithBackoff,
  assertTtlMs,
  assertWaitMs,
  fromJson,
  randomToken,
  toJson,
} from './store-support';

/**
 * ioredis options for a client this store creates from a URL: fail fast, as the request path
 * (Slack's 3 s ack, an OAuth callback) needs (docs/reliability.md §7; ioredis README).
 * - `lazyConnect`: connect on {@link RedisStateStore.connect} or the first command, not in the
 *   constructor, so a failed connect is reported to a caller instead of an `error` event.
 * - `enableOfflineQueue: false`: while disconnected, a command fails at once instead of waiting
 *   in a queue and being written later, after its caller has already given up.
 * - `maxRetriesPerRequest: 0`: a command in flight when the connection drops fails at once and
 *   is never re-sent: its outcome is unknown, and a re-sent `SET NX` would report our own claim
 *   as "already taken".
 * - `commandTimeout: 2000` ms: a server that stops answering fails the call.
 * - `connectTimeout: 5000` ms. Reconnection keeps ioredis's default backoff (capped at 5 s).
 * - `disconnectTimeout: 200` ms: after `disconnect()` a socket that has not closed is destroyed
 *   (ioredis waits 2000 ms, a timer that also holds the process open after a failed connect).
 */
export const FAIL_FAST_REDIS_OPTIONS: Readonly<Omit<RedisOptions, 'replyMapping'>> = {
  lazyConnect: true,
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  commandTimeout: 2000,
  connectTimeout: 5000,
  disconnectTimeout: 200,
};

/** Deletes KEYS[1] only when it still holds token ARGV[1]; returns 1 if deleted, else 0. */
const RELEASE_LOCK_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Sets KEYS[1] to expire in ARGV[2] ms only when it still holds token ARGV[1]; 1 or 0. */
const EXTEND_LOCK_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

/**
 * If lock KEYS[1] still holds token ARGV[1]: sets KEYS[2] to ARGV[2] expiring in ARGV[3] ms,
 * deletes the lock, returns 1. Otherwise writes nothing and returns 0.
 */
const SET_AND_RELEASE_LUA = `if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
  redis.call('DEL', KEYS[1])
  return 1
end
return 0`;

/**
 * The start of a turn: when ARGV[1] is '1', claims KEYS[1] (`SET NX PX ARGV[2]`) or returns
 * {0} if it was taken; then takes lock KEYS[2] with token ARGV[3] for ARGV[4] ms or returns {1};
 * then returns {2, GET KEYS[3]} (a missing value comes back as nil).
 */
const CLAIM_LOCK_GET_LUA = `if ARGV[1] == '1' then
  if not redis.call('SET', KEYS[1], '1', 'PX', ARGV[2], 'NX') then return {0} end
end
if not redis.call('SET', KEYS[2], ARGV[3], 'PX', ARGV[4], 'NX') then return {1} end
return {2, redis.call('GET', KEYS[3])}`;

/** INCR KEYS[1]; on the first increment, expire it in ARGV[1] ms. Returns the new value. */
const INCREMENT_LUA = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return n`;

/**
 * Hash KEYS[1] of member → amount. Sums every member but ARGV[1]; if that sum + ARGV[2] <= ARGV[3]
 * sets ARGV[1] to ARGV[2], expires the hash in ARGV[4] ms and returns {1, new sum}; else
 * returns {0, sum of the others}. Sums are returned as strings (Lua numbers would be truncated).
 */
const RESERVE_LUA = `local values = redis.call('HGETALL', KEYS[1])
local others = 0
for i = 1, #values, 2 do
  if values[i] ~= ARGV[1] then others = others + tonumber(values[i + 1]) end
end
local amount = tonumber(ARGV[2])
if others + amount > tonumber(ARGV[3]) then return {0, tostring(others)} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return {1, tostring(others + amount)}`;

/** The Lua commands {@link RedisStateStore} defines on its client (ioredis `defineCommand`). */
interface LockCommands {
  stateStoreSetAndRelease(
    lockKey: string,
    key: string,
    token: string,
    value: string,
    ttlMs: number,
  ): Promise<number>;
  stateStoreReleaseLock(key: string, token: string): Promise<number>;
  stateStoreExtendLock(key: string, token: string, ttlMs: number): Promise<number>;
  stateStoreClaimLockGet(
    claimKey: string,
    lockKey: string,
    key: string,
    doClaim: '0' | '1',
    claimTtlMs: number,
    token: string,
    lockTtlMs: number,
  ): Promise<[number, (string | null)?]>;
  stateStoreIncrement(key: string, ttlMs: number): Promise<number>;
  stateStoreReserve(
    key: string,
    member: string,
    amount: string,
    cap: string,
    ttlMs: number,
  ): Promise<[number, string]>;
}

/** Options for {@link RedisStateStore}. */
export interface RedisStateStoreOptions {
  /**
   * Overrides {@link FAIL_FAST_REDIS_OPTIONS}; used only when the store creates the client.
   * (`replyMapping` is left out: the store reads only plain strings and integers.)
   */
  redisOptions?: Omit<RedisOptions, 'replyMapping'>;
  /** Receives connection errors of a client the store created (URL redacted). */
  logger?: Logger;
}

/**
 * The `StateStore` on Redis (ioredis). Every call is one round trip: `GET`, `SET … PX`,
 * `SET … NX PX`, `GETDEL`, `DEL`; a lock is `SET key token NX PX` with a random token, released
 * and extended by Lua compare-and-delete / compare-and-`PEXPIRE` (Redis docs: SET;
 * "Distributed locks with Redis"). The Lua runs through `defineCommand`, which sends `EVAL` the
 * first time on a connection and `EVALSHA` after. Waiting for a held lock polls `SET NX` with a
 * 5 → 50 ms backoff. No `WATCH`, so one connection can be shared by concurrent callers.
 *
 * Values are stored as JSON text.
 */
export class RedisStateStore implements StateStore {
  private readonly client: Redis & LockCommands & OutboxCommands;
  private readonly ownsClient: boolean;
  private connecting: Promise<void> | undefined;

  /**
   * @param client a Redis URL (`redis://user:pass@host:6379/0`), for which the store creates a
   *   client with {@link FAIL_FAST_REDIS_OPTIONS} and quits it on `close()`; or an existing
   *   ioredis client, used with its own options and left open on `close()`. The store defines
   *   four Lua commands (`stateStoreReleaseLock`, `stateStoreExtendLock`, `stateStoreSetAndRelease`,
   *   `stateStoreClaimLockGet`) on that client.
   */
  constructor(client: string | Redis, options: RedisStateStoreOptions = {}) {
    let redis: Redis;
    if (typeof client === 'string') {
      redis = new Redis(client, { ...FAIL_FAST_REDIS_OPTIONS, ...options.redisOptions });
      const where = redactRedisUrl(client);
      // Without a listener ioredis prints every connection error to the console.
      redis.on('error', (err: Error) => {
        options.logger?.warn({ err, redis: where }, 'Redis connection error');
      });
      this.ownsClient = true;
    } else {
      redis = client;
      this.ownsClient = false;
    }
    redis.defineCommand('stateStoreReleaseLock', { numberOfKeys: 1, lua: RELEASE_LOCK_LUA });
    redis.defineCommand('stateStoreExtendLock', { numberOfKeys: 1, lua: EXTEND_LOCK_LUA });
    redis.defineCommand('stateStoreSetAndRelease', { numberOfKeys: 2, lua: SET_AND_RELEASE_LUA });
    redis.defineCommand('stateStoreClaimLockGet', { numberOfKeys: 3, lua: CLAIM_LOCK_GET_LUA });
    redis.defineCommand('stateStoreIncrement', { numberOfKeys: 1, lua: INCREMENT_LUA });
    redis.defineCommand('stateStoreReserve', { numberOfKeys: 1, lua: RESERVE_LUA });
    redis.defineCommand('stateStoreSaveWithOutbox', { numberOfKeys: 3, lua: SAVE_WITH_OUTBOX_LUA });
    redis.defineCommand('stateStoreOutboxDelivered', {
      numberOfKeys: 1,
      lua: OUTBOX_DELIVERED_LUA,
    });
    this.client = redis as Redis & LockCommands & OutboxCommands;
  }

  /**
   * Creates a store for `url` and waits until Redis answers (ioredis "ready": connected,
   * authenticated, `INFO` says loading is done).
   * @throws StartError `Redis at <url without password> did not answer: <cause>` when it does not
   *   within `connectTimeout` (5000 ms by default); the client is then disconnected.
   */
  static async connect(
    url: string,
    options: RedisStateStoreOptions = {},
  ): Promise<RedisStateStore> {
    const store = new RedisStateStore(url, options);
    let lastError: Error | undefined;
    const remember = (err: Error): void => {
      lastError = err;
    };
    store.client.on('error', remember);
    try {
      await store.ensureConnected();
      return store;
    } catch (err) {
      store.client.disconnect();
      const cause = lastError ?? err;
      // Not `instanceof Error`: errors from Node's own modules may come from another realm.
      const reason = (cause as { message?: unknown } | null)?.message ?? String(cause);
      throw new StartError(`Redis at ${redactRedisUrl(url)} did not answer: ${String(reason)}`, {
        cause,
      });
    } finally {
      store.client.off('error', remember);
    }
  }

  async get<T>(key: string): Promise<T | null> {
    await this.ensureConnected();
    return fromJson<T>(await this.client.get(key));
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    const json = toJson(value);
    if (ttlMs === undefined) {
      await this.ensureConnected();
      await this.client.set(key, json);
      return;
    }
    assertTtlMs('ttlMs', ttlMs);
    await this.ensureConnected();
    await this.client.set(key, json, 'PX', ttlMs);
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    const json = toJson(value);
    assertTtlMs('ttlMs', ttlMs);
    await this.ensureConnected();
    return (await this.client.set(key, json, 'PX', ttlMs, 'NX')) === 'OK';
  }

  async getDel<T>(key: string): Promise<T | null> {
    await this.ensureConnected();
    return fromJson<T>(await this.client.getdel(key));
  }

  async delete(key: string): Promise<boolean> {
    await this.ensureConnected();
    return (await this.client.del(key)) > 0;
  }

  async acquireLock(key: string, ttlMs: number, waitMs: number): Promise<Lock> {
    assertTtlMs('ttlMs', ttlMs);
    assertWaitMs('waitMs', waitMs);
    await this.ensureConnected();
    return acquireWithBackoff(key, waitMs, async (token) => {
      return (await this.client.set(key, token, 'PX', ttlMs, 'NX')) === 'OK';
    });
  }

  async extendLock(lock: Lock, ttlMs: number): Promise<boolean> {
    assertTtlMs('ttlMs', ttlMs);
    await this.ensureConnected();
    return (await this.client.stateStoreExtendLock(lock.key, lock.token, ttlMs)) === 1;
  }

  async releaseLock(lock: Lock): Promise<void> {
    await this.ensureConnected();
    await this.client.stateStoreReleaseLock(lock.key, lock.token);
  }

  async setAndReleaseLock(
    lock: Lock,
    key: string,
    value: unknown,
    ttlMs: number,
  ): Promise<boolean> {
    const text = toJson(value);
    assertTtlMs('ttlMs', ttlMs);
    await this.ensureConnected();
    return (
      (await this.client.stateStoreSetAndRelease(lock.key, key, lock.token, text, ttlMs)) === 1
    );
  }

  /**
   * One `EVALSHA` (see {@link StateStore.saveWithOutbox}); with an index, its `SADD` is sent
   * first without waiting for its answer, so both go in one round trip and Redis runs them in
   * order: the script never runs without the index write before it.
   */
  async saveWithOutbox(
    lock: Lock,
    key: string,
    value: unknown,
    ttlMs: number,
    outbox: OutboxWrite,
    release: boolean,
  ): Promise<boolean> {
    const text = toJson(value);
    assertTtlMs('ttlMs', ttlMs);
    assertTtlMs('outbox.ttlMs', outbox.ttlMs);
    const entries = outbox.entries.map(encodeOutboxEntry);
    await this.ensureConnected();
    const indexed = outbox.index
      ? this.client.sadd(outbox.index.key, outbox.index.member)
      : Promise.resolve(0);
    const saved = this.client.stateStoreSaveWithOutbox(
      lock.key,
      key,
      outbox.key,
      lock.token,
      text,
      ttlMs,
      release ? '1' : '0',
      outbox.ttlMs,
      ...entries,
    );
    const [, result] = await Promise.all([indexed, saved]);
    return result === 1;
  }

  async outboxPending<T>(key: string): Promise<Array<OutboxEntry<T>>> {
    await this.ensureConnected();
    return (await this.client.lrange(key, 0, -1)).map((text) => decodeOutboxEntry<T>(text));
  }

  async outboxDelivered(key: string, id: string): Promise<boolean> {
    await this.ensureConnected();
    return (await this.client.stateStoreOutboxDelivered(key, id)) === 1;
  }

  /**
   * One `EVALSHA` (see {@link StateStore.claimLockAndGet}). Without a claim, KEYS[1] is the lock
   * key again (unused), so the script touches only the keys it is given.
   */
  async claimLockAndGet<T>(
    claim: { key: string; ttlMs: number } | null,
    lockKey: string,
    lockTtlMs: number,
    key: string,
  ): Promise<TurnStart<T>> {
    if (claim) assertTtlMs('claim.ttlMs', claim.ttlMs);
    assertTtlMs('lockTtlMs', lockTtlMs);
    await this.ensureConnected();
    const token = randomToken();
    const [step, text] = await this.client.stateStoreClaimLockGet(
      claim?.key ?? lockKey,
      lockKey,
      key,
      claim ? '1' : '0',
      claim?.ttlMs ?? 1,
      token,
      lockTtlMs,
    );
    if (step === 0) return { claimed: false };
    if (step === 1) return { claimed: true, lock: null };
    return { claimed: true, lock: { key: lockKey, token }, value: fromJson<T>(text ?? null) };
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    assertTtlMs('ttlMs', ttlMs);
    await this.ensureConnected();
    return this.client.stateStoreIncrement(key, ttlMs);
  }

  async reserveWithinCap(
    key: string,
    member: string,
    amount: number,
    cap: number,
    ttlMs: number,
  ): Promise<{ ok: boolean; total: number }> {
    assertTtlMs('ttlMs', ttlMs);
    await this.ensureConnected();
    const [ok, total] = await this.client.stateStoreReserve(
      key,
      member,
      String(amount),
      String(cap),
      ttlMs,
    );
    return { ok: ok === 1, total: Number(total) };
  }

  async appendToStream(key: string, value: unknown, maxLen: number): Promise<string> {
    const json = toJson(value);
    await this.ensureConnected();
    const id = await this.client.xadd(key, 'MAXLEN', '~', maxLen, '*', 'v', json);
    if (id === null) throw new Error(`XADD ${key} returned no id`);
    return id;
  }

  async appendToStreams(
    targets: ReadonlyArray<{ key: string; maxLen: number }>,
    value: unknown,
  ): Promise<string[]> {
    const json = toJson(value);
    await this.ensureConnected();
    const multi = this.client.multi();
    for (const { key, maxLen } of targets) multi.xadd(key, 'MAXLEN', '~', maxLen, '*', 'v', json);
    const results = (await multi.exec()) ?? [];
    return results.map(([error, id], i) => {
      if (error) throw error;
      if (typeof id !== 'string') throw new Error(`XADD ${targets[i]?.key} returned no id`);
      return id;
    });
  }

  async readStream<T>(key: string, count: number): Promise<Array<{ id: string; value: T }>> {
    await this.ensureConnected();
    const entries = await this.client.xrange(key, '-', '+', 'COUNT', count);
    return entries.map(([id, fields]) => {
      const at = fields.indexOf('v');
      return { id, value: fromJson<T>(fields[at + 1] ?? null) as T };
    });
  }

  async addMember(key: string, member: string): Promise<void> {
    await this.ensureConnected();
    await this.client.sadd(key, member);
  }

  async removeMember(key: string, member: string): Promise<void> {
    await this.ensureConnected();
    await this.client.srem(key, member);
  }

  async members(key: string): Promise<string[]> {
    await this.ensureConnected();
    return this.client.smembers(key);
  }

  /** Quits the client if this store created it (waiting for pending replies); else no-op. */
  async close(): Promise<void> {
    if (!this.ownsClient) return;
    if (this.client.status === 'ready') {
      try {
        await this.client.quit();
        return;
      } catch {
        // Fall through: drop the socket instead.
      }
    }
    this.client.disconnect();
  }

  /**
   * Starts the first connection of a lazily connecting client and lets concurrent first calls
   * wait for it. Later disconnects are ioredis's business (it reconnects in the background).
   */
  private async ensureConnected(): Promise<void> {
    if (this.client.status === 'wait') {
      this.connecting = this.client.connect().finally(() => {
        this.connecting = undefined;
      });
    }
    if (this.connecting !== undefined) await this.connecting;
  }
}
