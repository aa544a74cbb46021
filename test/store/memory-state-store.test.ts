import { InMemoryStateStore } from '../../src/store/memory-state-store';
import { LockTimeoutError } from '../../src/store/state-store';
import { describeStateStoreContract } from './state-store.contract';

describeStateStoreContract('InMemoryStateStore', async () => {
  const store = new InMemoryStateStore();
  return { store, cleanup: () => store.close() };
});

describe('InMemoryStateStore with an injected clock', () => {
  const DAY_MS = 24 * 60 * 60 * 1000;
  let nowMs = 1_700_000_000_000;
  const store = new InMemoryStateStore({ now: () => nowMs });

  it('expires values and claims by the injected clock, to the millisecond', async () => {
    await store.set('draft', { v: 1 }, 7 * DAY_MS);
    await store.setIfAbsent('event', true, 2 * 60 * 60 * 1000);
    nowMs += 7 * DAY_MS - 1;
    expect(await store.get('draft')).toEqual({ v: 1 });
    nowMs += 1;
    expect(await store.get('draft')).toBeNull();
    expect(await store.setIfAbsent('event', true, 1000)).toBe(true);
  });

  it('frees an expired lock by the injected clock, without real waiting', async () => {
    await store.acquireLock('lock', 30_000, 0);
    await expect(store.acquireLock('lock', 30_000, 0)).rejects.toBeInstanceOf(LockTimeoutError);
    nowMs += 30_000;
    await expect(store.acquireLock('lock', 30_000, 0)).resolves.toMatchObject({ key: 'lock' });
  });
});
