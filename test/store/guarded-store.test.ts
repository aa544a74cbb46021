import { guardedStore } from '../../src/store/guarded-store';
import { InMemoryStateStore } from '../../src/store/memory-state-store';
import {
  LockTimeoutError,
  type StateStore,
  StoreUnavailableError,
} from '../../src/store/state-store';

/** A working in-memory store whose `get` throws `error` (a failing Redis stand-in). */
function failingGet(error: unknown): StateStore {
  const store = new InMemoryStateStore();
  store.get = async () => {
    throw error;
  };
  return store;
}

describe('guardedStore', () => {
  it('passes calls and results through to the store', async () => {
    const inner = new InMemoryStateStore();
    const store = guardedStore(inner);
    await store.set('k', { v: 1 });
    expect(await inner.get('k')).toEqual({ v: 1 });
    expect(await store.get('k')).toEqual({ v: 1 });
    expect(await store.setIfAbsent('k', 2, 1000)).toBe(false);
    expect(await store.delete('k')).toBe(true);
  });

  it('reports a failure of the store as StoreUnavailableError naming the operation, with the cause', async () => {
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:6379'), {
      code: 'ECONNREFUSED',
    });
    const error = await guardedStore(failingGet(cause))
      .get('k')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(error).toMatchObject({
      name: 'StoreUnavailableError',
      operation: 'get',
      message: 'The state store failed during get',
    });
    expect((error as Error).cause).toBe(cause);
  });

  it.each([
    ['LockTimeoutError', new LockTimeoutError('lock:x', 80)],
    ['StoreUnavailableError', new StoreUnavailableError('set', { cause: null })],
    ['TypeError', new TypeError('value is not JSON-serializable (undefined)')],
    ['RangeError', new RangeError('ttlMs must be a positive integer')],
  ])('passes %s through unchanged', async (_name, thrown) => {
    await expect(guardedStore(failingGet(thrown)).get('k')).rejects.toBe(thrown);
  });

  it('wraps a store only once', () => {
    const once = guardedStore(new InMemoryStateStore());
    expect(guardedStore(once)).toBe(once);
  });

  it('leaves close as it is (not wrapped)', async () => {
    const inner = new InMemoryStateStore();
    const store = guardedStore(inner);
    expect(store.close).toBe(inner.close);
  });
});
