import { decodeOutboxEntry, encodeOutboxEntry, isOutboxEntry } from './outbox-encoding';
import type { Lock, OutboxEntry, OutboxWrite, StateStore, TurnStart } from './state-store';
import {
  acquireWithBackoff,
  assertTtlMs,
  assertWaitMs,
  fromJson,
  randomToken,
  toJson,
} from './store-support';

/** One stored entry: JSON text (or a raw lock token) and its expiry time (ms since epoch). */
interface Entry {
  text: string;
  expiresAt: number | undefined;
}

/** Options for {@link InMemoryStateStore}. */
export interface InMemoryStateStoreOptions {
  /** The clock that decides expiry, in ms since the epoch; default `Date.now`. */
  now?: () => number;
}

/** Expired entries are swept from the map after this many writes (reads drop them anyway). */
const SWEEP_EVERY_WRITES = 1000;

/**
 * The `StateStore` in process memory, for development, tests and a single process: nothing
 * survives a restart and nothing is shared with another process. Same semantics as
 * `RedisStateStore`: values are stored as JSON text (so callers never share objects with the
 * store), keys expire by the injectable clock, and a lock waiter polls with the same 5 → 50 ms
 * backoff (its wait is measured in real time, so a frozen test clock cannot hang it).
 */
export class InMemoryStateStore implements StateStore {
  private readonly entries = new Map<string, Entry>();
  private readonly streams = new Map<string, Array<{ id: string; text: string }>>();
  private lastStreamMs = 0;
  private streamSeq = 0;
  private readonly sets = new Map<string, Set<string>>();
  private readonly now: () => number;
  private writes = 0;

  /** @param options `now`: the expiry clock (ms since epoch), e.g. a fake one in tests. */
  constructor(options: InMemoryStateStoreOptions = {}) {
    this.now = options.now ?? Date.now;
  }

  async get<T>(key: string): Promise<T | null> {
    return fromJson<T>(this.read(key));
  }

  async set(key: string, value: unknown, ttlMs?: number): Promise<void> {
    const text = toJson(value);
    if (ttlMs !== undefined) assertTtlMs('ttlMs', ttlMs);
    this.write(key, text, ttlMs);
  }

  async setIfAbsent(key: string, value: unknown, ttlMs: number): Promise<boolean> {
    const text = toJson(value);
    assertTtlMs('ttlMs', ttlMs);
    return this.writeIfAbsent(key, text, ttlMs);
  }

  async getDel<T>(key: string): Promise<T | null> {
    const text = this.read(key);
    this.entries.delete(key);
    return fromJson<T>(text);
  }

  async delete(key: string): Promise<boolean> {
    const existed = this.read(key) !== null;
    this.entries.delete(key);
    return existed;
  }

  async acquireLock(key: string, ttlMs: number, waitMs: number): Promise<Lock> {
    assertTtlMs('ttlMs', ttlMs);
    assertWaitMs('waitMs', waitMs);
    return acquireWithBackoff(key, waitMs, async (token) => this.writeIfAbsent(key, token, ttlMs));
  }

  async extendLock(lock: Lock, ttlMs: number): Promise<boolean> {
    assertTtlMs('ttlMs', ttlMs);
    if (this.read(lock.key) !== lock.token) return false;
    this.write(lock.key, lock.token, ttlMs);
    return true;
  }

  async releaseLock(lock: Lock): Promise<void> {
    if (this.read(lock.key) === lock.token) this.entries.delete(lock.key);
  }

  async setAndReleaseLock(
    lock: Lock,
    key: string,
    value: unknown,
    ttlMs: number,
  ): Promise<boolean> {
    const text = toJson(value);
    assertTtlMs('ttlMs', ttlMs);
    if (this.read(lock.key) !== lock.token) return false;
    this.write(key, text, ttlMs);
    this.entries.delete(lock.key);
    return true;
  }

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
    const added = outbox.entries.map(encodeOutboxEntry);
    if (outbox.index) await this.addMember(outbox.index.key, outbox.index.member);
    if (this.read(lock.key) !== lock.token) return false;
    this.write(key, text, ttlMs);
    if (added.length > 0) {
      const list = [...this.outboxList(outbox.key), ...added];
      this.write(outbox.key, JSON.stringify(list), outbox.ttlMs);
    }
    if (release) this.entries.delete(lock.key);
    return true;
  }

  async outboxPending<T>(key: string): Promise<Array<OutboxEntry<T>>> {
    return this.outboxList(key).map((text) => decodeOutboxEntry<T>(text));
  }

  async outboxDelivered(key: string, id: string): Promise<boolean> {
    const list = this.outboxList(key);
    const at = list.findIndex((text) => isOutboxEntry(text, id));
    if (at < 0) return false;
    list.splice(at, 1);
    const entry = this.entries.get(key);
    if (list.length === 0) this.entries.delete(key);
    else this.entries.set(key, { text: JSON.stringify(list), expiresAt: entry?.expiresAt });
    return true;
  }

  async claimLockAndGet<T>(
    claim: { key: string; ttlMs: number } | null,
    lockKey: string,
    lockTtlMs: number,
    key: string,
  ): Promise<TurnStart<T>> {
    if (claim) assertTtlMs('claim.ttlMs', claim.ttlMs);
    assertTtlMs('lockTtlMs', lockTtlMs);
    if (claim && !this.writeIfAbsent(claim.key, '1', claim.ttlMs)) return { claimed: false };
    const token = randomToken();
    if (!this.writeIfAbsent(lockKey, token, lockTtlMs)) return { claimed: true, lock: null };
    return { claimed: true, lock: { key: lockKey, token }, value: fromJson<T>(this.read(key)) };
  }

  async increment(key: string, ttlMs: number): Promise<number> {
    assertTtlMs('ttlMs', ttlMs);
    const text = this.read(key);
    const next = (text === null ? 0 : Number(text)) + 1;
    const expiresAt = this.entries.get(key)?.expiresAt;
    if (text === null) this.write(key, String(next), ttlMs);
    else this.entries.set(key, { text: String(next), expiresAt });
    return next;
  }

  async reserveWithinCap(
    key: string,
    member: string,
    amount: number,
    cap: number,
    ttlMs: number,
  ): Promise<{ ok: boolean; total: number }> {
    assertTtlMs('ttlMs', ttlMs);
    const held = fromJson<Record<string, number>>(this.read(key)) ?? {};
    const others = Object.entries(held)
      .filter(([m]) => m !== member)
      .reduce((sum, [, v]) => sum + v, 0);
    if (others + amount > cap) return { ok: false, total: others };
    held[member] = amount;
    this.write(key, toJson(held), ttlMs);
    return { ok: true, total: others + amount };
  }

  async appendToStream(key: string, value: unknown, maxLen: number): Promise<string> {
    const text = toJson(value);
    const now = Math.max(this.now(), this.lastStreamMs);
    this.streamSeq = now === this.lastStreamMs ? this.streamSeq + 1 : 0;
    this.lastStreamMs = now;
    const id = `${now}-${this.streamSeq}`;
    const entries = this.streams.get(key) ?? [];
    entries.push({ id, text });
    if (entries.length > maxLen) entries.splice(0, entries.length - maxLen);
    this.streams.set(key, entries);
    return id;
  }

  async appendToStreams(
    targets: ReadonlyArray<{ key: string; maxLen: number }>,
    value: unknown,
  ): Promise<string[]> {
    const ids: string[] = [];
    for (const { key, maxLen } of targets) ids.push(await this.appendToStream(key, value, maxLen));
    return ids;
  }

  async readStream<T>(key: string, count: number): Promise<Array<{ id: string; value: T }>> {
    return (this.streams.get(key) ?? [])
      .slice(0, count)
      .map((e) => ({ id: e.id, value: fromJson<T>(e.text) as T }));
  }

  async addMember(key: string, member: string): Promise<void> {
    let set = this.sets.get(key);
    if (!set) {
      set = new Set();
      this.sets.set(key, set);
    }
    set.add(member);
  }

  async removeMember(key: string, member: string): Promise<void> {
    const set = this.sets.get(key);
    set?.delete(member);
    if (set?.size === 0) this.sets.delete(key);
  }

  async members(key: string): Promise<string[]> {
    return [...(this.sets.get(key) ?? [])];
  }

  /** Nothing to close; the data stays until the object is dropped. */
  async close(): Promise<void> {}

  /** The encoded entries of the outbox list at `key` ([] when absent or expired). */
  private outboxList(key: string): string[] {
    return fromJson<string[]>(this.read(key)) ?? [];
  }

  /** The live text at `key`, dropping it first if it has expired. */
  private read(key: string): string | null {
    const entry = this.entries.get(key);
    if (entry === undefined) return null;
    if (entry.expiresAt !== undefined && entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return null;
    }
    return entry.text;
  }

  private writeIfAbsent(key: string, text: string, ttlMs: number): boolean {
    if (this.read(key) !== null) return false;
    this.write(key, text, ttlMs);
    return true;
  }

  private write(key: string, text: string, ttlMs: number | undefined): void {
    const expiresAt = ttlMs === undefined ? undefined : this.now() + ttlMs;
    this.entries.set(key, { text, expiresAt });
    this.writes += 1;
    if (this.writes % SWEEP_EVERY_WRITES === 0) this.sweep();
  }

  /** Drops every expired entry, so claims that are never read again do not pile up. */
  private sweep(): void {
    for (const key of [...this.entries.keys()]) this.read(key);
  }
}
