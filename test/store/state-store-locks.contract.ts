import { setTimeout as sleep } from 'node:timers/promises';
import { type Lock, LockTimeoutError, type StateStore } from '../../src/store/state-store';
import { afterShortTtl, type ContractContext, SHORT_TTL_MS } from './state-store-contract-support';

/** The lock part of the StateStore contract: mutual exclusion, timeouts, extend and release. Called inside the contract's describe; see {@link ContractContext}. */
export function describeLockContract(context: ContractContext): void {
  let store: StateStore;
  const key = (label: string): string => context.key(label);
  beforeEach(() => {
    store = context.store;
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
}
