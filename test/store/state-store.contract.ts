import { randomBytes } from 'node:crypto';
import type { StateStore } from '../../src/store/state-store';
import {
  afterShortTtl,
  type ContractContext,
  SHORT_TTL_MS,
  type StoreUnderTest,
} from './state-store-contract-support';
import { describeDataContract } from './state-store-data.contract';
import { describeLockContract } from './state-store-locks.contract';

export type { StoreUnderTest } from './state-store-contract-support';

/**
 * The behaviour every `StateStore` must have. Run it from one `*.test.ts` per implementation.
 * `makeStore(prefix)` is called before each test; every key the suite writes starts with
 * `prefix`, which is random per test file, so suites can share one Redis database. The lock
 * part and the data part (counters, streams, sets, outbox) live in their own files.
 */
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
    const context: ContractContext = {
      get store() {
        return store;
      },
      key,
    };

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

    describeLockContract(context);
    describeDataContract(context);
  });
}
