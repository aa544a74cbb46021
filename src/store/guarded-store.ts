import { LockTimeoutError, type StateStore, StoreUnavailableError } from './state-store';

/** Marks a store already wrapped by {@link guardedStore}. */
const GUARDED = Symbol('guardedStore');

/**
 * `store` with every failure of the store itself reported as {@link StoreUnavailableError}
 * (operation name kept, original error as `cause`), so callers can tell "Redis is in trouble"
 * from a bug. Passed through unchanged: {@link LockTimeoutError} (the store works, the thread is
 * busy) and `TypeError`/`RangeError` (a bad argument, e.g. a value without a JSON form).
 */
export function guardedStore(store: StateStore): StateStore {
  if ((store as unknown as Record<symbol, boolean>)[GUARDED]) return store;
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === GUARDED) return true;
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function' || property === 'close') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (error) {
          if (
            error instanceof LockTimeoutError ||
            error instanceof StoreUnavailableError ||
            error instanceof TypeError ||
            error instanceof RangeError
          )
            throw error;
          throw new StoreUnavailableError(String(property), { cause: error });
        }
      };
    },
  });
}
