import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Lock, LockTimeoutError, type StateStore } from '../../src/store/state-store';

/** A store under test and how to remove what the test wrote. */
export interface StoreUnderTest {
  store: StateStore;
  /** Deletes every key under the prefix given to the factory and closes connections. */
  cleanup: () => Promise<void>;
}

/**
 * The behaviour every `StateStore` must have. Run it from one `*.test.ts` per implementation.
 * `makeStore(prefix)` is called before each test; every key the suite writes starts with
 * `prefix`, which is random per test file, so suites can share one Redis database.
 */
/**
 * The TTL of values a test expects to find and then to see expire. The steps before expiry
 * (a read, a second claim, an extend) must fit in it even on a busy machine, so it is not a few
 * ms; waiting past it ({@link afterShortTtl}) is a lower bound, which load only lengthens.
 */
const SHORT_TTL_MS = 500;
const afterShortTtl = () => sleep(SHORT_TTL_MS + 200);

export function describeStateStoreContract(
  name: string,
  makeStore: (prefix: string) => Promise<StoreUnderTest>,
): void {
  describe(`StateStore contract: ${name}`, () => {
    const prefix = `test:store-contract:${randomBytes(6).toString('hex')}:`;
    let store: StateStore;
    let cleanup: () => Promise<void>;
    let n = 0;
    /** A fresh key for this test. */
    const key = (label: string): string => `${prefix}${label}:${++n}`;

    beforeEach(async () => {
      ({ store, cleanup } = await makeStore(prefix));
    });
    afterEach(async () => {
      await cleanup();
    });

    describe('get / set', () => {
      it('round-trips JSON values and returns null for a missing key', async () => {
        const k = key('value');
        const value = { draft: { name: 'Spring sale', budget: 50, tags: ['a', 'b'] }, ok: true };
        await store.set(k, value);
        expect(await store.get(k)).toEqual(value);
        await store.set(k, 'replaced');
        expect(await store.get<string>(k)).toBe('replaced');
        expect(await store.get(key('missing'))).toBeNull();
      });

      it('stores a copy: mutating the written or the read object changes nothing stored', async () => {
        const k = key('copy');
        const written = { list: [1, 2], nested: { x: 1 } };
        await store.set(k, written);
        written.list.push(3);
        written.nested.x = 99;
        const read = await store.get<typeof written>(k);
        expect(read).toEqual({ list: [1, 2], nested: { x: 1 } });
        read?.list.push(4);
        expect(await store.get(k)).toEqual({ list: [1, 2], nested: { x: 1 } });
      });

      it('rejects values without a JSON form and TTLs that are not positive integers', async () => {
        await expect(store.set(key('bad'), undefined)).rejects.toThrow(TypeError);
        await expect(store.set(key('bad'), 1, 0)).rejects.toThrow(RangeError);
        await expect(store.setIfAbsent(key('bad'), 1, 1.5)).rejects.toThrow(RangeError);
        await expect(store.acquireLock(key('bad'), -1, 0)).rejects.toThrow(RangeError);
      });
    });

    describe('expiry', () => {
      it('drops a value after its TTL', async () => {
        const k = key('ttl');
        await store.set(k, { v: 1 }, SHORT_TTL_MS);
        expect(await store.get(k)).toEqual({ v: 1 });
        await afterShortTtl();
        expect(await store.get(k)).toBeNull();
      });

      it('set without a TTL replaces an earlier TTL (the value then stays)', async () => {
        const k = key('persist');
        await store.set(k, 1, SHORT_TTL_MS);
        await store.set(k, 2);
        await afterShortTtl();
        expect(await store.get(k)).toBe(2);
      });
    });

    describe('setIfAbsent', () => {
      it('claims once; the first value stays; the key can be claimed again after expiry', async () => {
        const k = key('claim');
        expect(await store.setIfAbsent(k, 'first', SHORT_TTL_MS)).toBe(true);
        expect(await store.setIfAbsent(k, 'second', SHORT_TTL_MS)).toBe(false);
        expect(await store.get(k)).toBe('first');
        await afterShortTtl();
        expect(await store.setIfAbsent(k, 'third', 1000)).toBe(true);
        expect(await store.get(k)).toBe('third');
      });

      it('gives exactly one of 20 concurrent claims', async () => {
        const k = key('race');
        const results = await Promise.all(
          Array.from({ length: 20 }, (_, i) => store.setIfAbsent(k, i, 5000)),
        );
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.get(k)).toBe(results.indexOf(true));
      });
    });

    describe('getDel / delete', () => {
      it('getDel returns the value once, then null', async () => {
        const k = key('once');
        await store.set(k, { state: 'abc' }, 5000);
        expect(await store.getDel(k)).toEqual({ state: 'abc' });
        expect(await store.getDel(k)).toBeNull();
        expect(await store.get(k)).toBeNull();
      });

      it('delete reports whether something was deleted', async () => {
        const k = key('del');
        await store.set(k, 1);
        expect(await store.delete(k)).toBe(true);
        expect(await store.delete(k)).toBe(false);
        expect(await store.get(k)).toBeNull();
      });
    });

    describe('locks', () => {
      it('runs concurrent critical sections on one key one after another', async () => {
        const k = key('mutex');
        const events: string[] = [];
        const section = async (id: number): Promise<void> => {
          const lock = await store.acquireLock(k, 5000, 5000);
          events.push(`enter ${id}`);
          await sleep(20);
          events.push(`exit ${id}`);
          await store.releaseLock(lock);
        };
        await Promise.all([0, 1, 2, 3, 4].map(section));
        expect(events).toHaveLength(10);
        for (let i = 0; i < events.length; i += 2) {
          const id = events[i]?.split(' ')[1];
          expect([events[i], events[i + 1]]).toEqual([`enter ${id}`, `exit ${id}`]);
        }
      });

      it('makes a second acquire wait while held, then succeed after release', async () => {
        const k = key('wait');
        const first = await store.acquireLock(k, 5000, 0);
        let second: Lock | undefined;
        const waiting = store.acquireLock(k, 5000, 2000).then((lock) => {
          second = lock;
          return lock;
        });
        await sleep(80);
        expect(second).toBeUndefined();
        await store.releaseLock(first);
        const lock = await waiting;
        expect(lock.key).toBe(k);
        expect(lock.token).not.toBe(first.token);
        await store.releaseLock(lock);
      });

      it('times out with LockTimeoutError when the holder keeps it', async () => {
        const k = key('timeout');
        const held = await store.acquireLock(k, 5000, 0);
        const started = Date.now();
        const error = await store.acquireLock(k, 5000, 80).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(LockTimeoutError);
        expect(error).toMatchObject({ name: 'LockTimeoutError', key: k });
        expect((error as LockTimeoutError).waitedMs).toBeGreaterThanOrEqual(80);
        expect(Date.now() - started).toBeGreaterThanOrEqual(75);
        await store.releaseLock(held);
      });

      it('ignores a release by a token that does not own the lock', async () => {
        const k = key('owner');
        const held = await store.acquireLock(k, 5000, 0);
        await store.releaseLock({ key: k, token: 'not-the-owner' });
        await expect(store.acquireLock(k, 5000, 0)).rejects.toBeInstanceOf(LockTimeoutError);
        await store.releaseLock(held);
        await store.releaseLock(held); // already released: no throw
        await store.releaseLock(await store.acquireLock(k, 5000, 0));
      });

      it('extend keeps a lock past its first TTL', async () => {
        const k = key('extend');
        const lock = await store.acquireLock(k, SHORT_TTL_MS, 0);
        expect(await store.extendLock(lock, 5000)).toBe(true);
        await afterShortTtl();
        await expect(store.acquireLock(k, 5000, 0)).rejects.toBeInstanceOf(LockTimeoutError);
        await store.releaseLock(lock);
      });

      it('extend returns false once the lock expired or was taken by another holder', async () => {
        const k = key('lost');
        const lock = await store.acquireLock(k, 50, 0);
        await sleep(100);
        expect(await store.extendLock(lock, 5000)).toBe(false);
        const other = await store.acquireLock(k, 5000, 0);
        expect(await store.extendLock(lock, 5000)).toBe(false);
        await store.releaseLock(lock); // not the owner any more: must not free `other`
        await expect(store.acquireLock(k, 5000, 0)).rejects.toBeInstanceOf(LockTimeoutError);
        await store.releaseLock(other);
      });

      it('setAndReleaseLock writes and releases while the lock is held', async () => {
        const lockKey = key('commit-lock');
        const valueKey = key('commit-value');
        const lock = await store.acquireLock(lockKey, 5000, 0);
        expect(await store.setAndReleaseLock(lock, valueKey, { n: 1 }, 5000)).toBe(true);
        expect(await store.get(valueKey)).toEqual({ n: 1 });
        const next = await store.acquireLock(lockKey, 5000, 0);
        await store.releaseLock(next);
      });

      it('setAndReleaseLock writes nothing once the lock expired and another holder took it', async () => {
        const lockKey = key('fenced-lock');
        const valueKey = key('fenced-value');
        await store.set(valueKey, { by: 'newer turn' });
        const stale = await store.acquireLock(lockKey, 50, 0);
        await sleep(100);
        const other = await store.acquireLock(lockKey, 5000, 0);
        expect(await store.setAndReleaseLock(stale, valueKey, { by: 'stale turn' }, 5000)).toBe(
          false,
        );
        expect(await store.get(valueKey)).toEqual({ by: 'newer turn' });
        await expect(store.acquireLock(lockKey, 5000, 0)).rejects.toBeInstanceOf(LockTimeoutError);
        await store.releaseLock(other);
      });

      it('claimLockAndGet claims, locks and reads in one step; a repeat claim does nothing', async () => {
        const claimKey = key('turn-claim');
        const lockKey = key('turn-lock');
        const valueKey = key('turn-value');
        await store.set(valueKey, { draft: 'saved' });
        const first = await store.claimLockAndGet(
          { key: claimKey, ttlMs: 5000 },
          lockKey,
          5000,
          valueKey,
        );
        expect(first).toMatchObject({ claimed: true, value: { draft: 'saved' } });
        if (!first.claimed || !first.lock) throw new Error('expected the lock');
        // The lock is really held, with the returned token.
        await expect(store.acquireLock(lockKey, 5000, 0)).rejects.toBeInstanceOf(LockTimeoutError);
        // The same claim again: not claimed, and the lock is left alone.
        expect(
          await store.claimLockAndGet({ key: claimKey, ttlMs: 5000 }, lockKey, 5000, valueKey),
        ).toEqual({ claimed: false });
        // Another event while the lock is held: claimed, but no lock (the caller waits).
        const other = key('turn-claim-2');
        expect(
          await store.claimLockAndGet({ key: other, ttlMs: 5000 }, lockKey, 5000, valueKey),
        ).toEqual({ claimed: true, lock: null });
        expect(await store.setIfAbsent(other, 1, 5000)).toBe(false);
        expect(await store.setAndReleaseLock(first.lock, valueKey, { draft: 'next' }, 5000)).toBe(
          true,
        );
        // Without a claim (already claimed by the caller), a missing value reads as null.
        const missing = key('turn-missing');
        const next = await store.claimLockAndGet(null, lockKey, 5000, missing);
        expect(next).toMatchObject({ claimed: true, value: null });
        if (next.claimed && next.lock) await store.releaseLock(next.lock);
      });

      it('frees the lock of a holder that crashed, once its TTL runs out', async () => {
        const k = key('crash');
        await store.acquireLock(k, 60, 0); // never released
        const started = Date.now();
        const lock = await store.acquireLock(k, 5000, 2000);
        expect(Date.now() - started).toBeLessThan(1000);
        await store.releaseLock(lock);
      });
    });

    describe('counters, capped reservations and streams', () => {
      it('increment counts from 1 and expires with the first TTL', async () => {
        const k = key('count');
        expect(await store.increment(k, SHORT_TTL_MS)).toBe(1);
        expect(await store.increment(k, SHORT_TTL_MS)).toBe(2);
        await afterShortTtl();
        expect(await store.increment(k, SHORT_TTL_MS)).toBe(1);
      });

      it('reserveWithinCap refuses past the cap, never counts a member twice, and is atomic', async () => {
        const k = key('cap');
        expect(await store.reserveWithinCap(k, 'a', 600, 1000, 5000)).toEqual({
          ok: true,
          total: 600,
        });
        expect(await store.reserveWithinCap(k, 'b', 500, 1000, 5000)).toEqual({
          ok: false,
          total: 600,
        });
        // The same member again replaces its amount.
        expect(await store.reserveWithinCap(k, 'a', 700, 1000, 5000)).toEqual({
          ok: true,
          total: 700,
        });
        const many = await Promise.all(
          Array.from({ length: 10 }, (_, i) => store.reserveWithinCap(k, `m${i}`, 100, 1000, 5000)),
        );
        expect(many.filter((r) => r.ok)).toHaveLength(3);
        expect(await store.reserveWithinCap(k, 'probe', 0, 1000, 5000)).toEqual({
          ok: true,
          total: 1000,
        });
      });

      it('appends stream entries in order with increasing ids', async () => {
        const k = key('stream');
        const ids = [];
        for (let i = 0; i < 5; i++) ids.push(await store.appendToStream(k, { i }, 100));
        const read = await store.readStream<{ i: number }>(k, 100);
        expect(read.map((e) => e.value.i)).toEqual([0, 1, 2, 3, 4]);
        expect(read.map((e) => e.id)).toEqual(ids);
        expect(await store.readStream(key('empty-stream'), 10)).toEqual([]);
      });

      it('appends one entry to several streams at once', async () => {
        const [a, b] = [key('streams-a'), key('streams-b')];
        const ids = await store.appendToStreams(
          [
            { key: a, maxLen: 100 },
            { key: b, maxLen: 100 },
          ],
          { x: 1 },
        );
        expect(ids).toHaveLength(2);
        expect((await store.readStream<{ x: number }>(a, 10)).map((e) => e.value)).toEqual([
          { x: 1 },
        ]);
        expect((await store.readStream<{ x: number }>(b, 10)).map((e) => e.id)).toEqual([ids[1]]);
      });
    });

    describe('sets', () => {
      it('adds members once, lists them, removes them, and reads [] for a missing set', async () => {
        const k = key('set');
        expect(await store.members(k)).toEqual([]);
        await store.addMember(k, 'a');
        await store.addMember(k, 'b');
        await store.addMember(k, 'a');
        expect((await store.members(k)).sort()).toEqual(['a', 'b']);
        await store.removeMember(k, 'a');
        await store.removeMember(k, 'never-there');
        expect(await store.members(k)).toEqual(['b']);
        await store.removeMember(k, 'b');
        expect(await store.members(k)).toEqual([]);
      });
    });
    describe('outbox', () => {
      it('saves the state and appends its replies in one step, then forgets each one marked delivered', async () => {
        const t = `{${prefix}thread:${++n}}`;
        const lock = await store.acquireLock(`lock:${t}`, 5000, 0);
        const outbox = { key: `outbox:${t}`, ttlMs: 60_000 };
        const index = { key: key('outboxes'), member: t };
        const first = [
          { id: 'a1', value: { text: 'Approved. Submitting…' } },
          { id: 'a2', value: { text: 'line one\nline two', n: 2 } },
        ];
        expect(
          await store.saveWithOutbox(
            lock,
            `state:${t}`,
            { status: 'submitting' },
            60_000,
            { ...outbox, entries: first, index },
            false,
          ),
        ).toBe(true);
        expect(await store.get(`state:${t}`)).toEqual({ status: 'submitting' });
        expect(await store.members(index.key)).toEqual([t]);
        // Not released: a second save under the same lock appends after the first entries.
        const second = [{ id: 'b1', value: { text: 'Your ad was created.' } }];
        expect(
          await store.saveWithOutbox(
            lock,
            `state:${t}`,
            { status: 'submitted' },
            60_000,
            { ...outbox, entries: second },
            true,
          ),
        ).toBe(true);
        expect(await store.get(`state:${t}`)).toEqual({ status: 'submitted' });
        expect(await store.outboxPending(outbox.key)).toEqual([...first, ...second]);
        expect(await store.outboxDelivered(outbox.key, 'a2')).toBe(true);
        expect(await store.outboxDelivered(outbox.key, 'a2')).toBe(false);
        expect(await store.outboxPending(outbox.key)).toEqual([first[0], second[0]]);
        // Released: the lock is free again.
        await expect(store.acquireLock(`lock:${t}`, 5000, 0)).resolves.toMatchObject({
          key: `lock:${t}`,
        });
      });

      it('writes neither state nor replies when the lock was lost, and refuses ids with a newline', async () => {
        const t = `{${prefix}thread:${++n}}`;
        const lock = await store.acquireLock(`lock:${t}`, 5000, 0);
        await store.releaseLock(lock);
        const taken = await store.acquireLock(`lock:${t}`, 5000, 0);
        const outbox = {
          key: `outbox:${t}`,
          ttlMs: 60_000,
          entries: [{ id: 'x', value: 'stale' }],
        };
        expect(await store.saveWithOutbox(lock, `state:${t}`, 'stale', 60_000, outbox, true)).toBe(
          false,
        );
        expect(await store.get(`state:${t}`)).toBeNull();
        expect(await store.outboxPending(outbox.key)).toEqual([]);
        await expect(
          store.saveWithOutbox(
            taken,
            `state:${t}`,
            'v',
            60_000,
            { ...outbox, entries: [{ id: 'a\nb', value: 1 }] },
            true,
          ),
        ).rejects.toThrow(RangeError);
        expect(await store.get(`state:${t}`)).toBeNull();
      });
    });
  });
}
