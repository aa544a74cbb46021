import type { StateStore } from '../../src/store/state-store';
import { afterShortTtl, type ContractContext, SHORT_TTL_MS } from './state-store-contract-support';

/** The counter, capped reservation, stream, set and outbox part of the StateStore contract. Called inside the contract's describe; see {@link ContractContext}. */
export function describeDataContract(context: ContractContext): void {
  let store: StateStore;
  const key = (label: string): string => context.key(label);
  beforeEach(() => {
    store = context.store;
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
      const t = `{${key('thread')}}`;
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
      const t = `{${key('thread')}}`;
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
}
