import { LockTimeoutError, StoreUnavailableError } from '../../src/store/state-store';

describe('LockTimeoutError', () => {
  it('names the lock and how long the caller waited', () => {
    const error = new LockTimeoutError('tab:lock:{slack:T1:C1:1.2}', 2000);
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('LockTimeoutError');
    expect(error.key).toBe('tab:lock:{slack:T1:C1:1.2}');
    expect(error.waitedMs).toBe(2000);
    expect(error.message).toBe('Lock tab:lock:{slack:T1:C1:1.2} still held after 2000 ms');
  });
});

describe('StoreUnavailableError', () => {
  it('names the operation and keeps the store failure as its cause', () => {
    const cause = new Error('Connection is closed.');
    const error = new StoreUnavailableError('claimLockAndGet', { cause });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('StoreUnavailableError');
    expect(error.operation).toBe('claimLockAndGet');
    expect(error.message).toBe('The state store failed during claimLockAndGet');
    expect(error.cause).toBe(cause);
  });

  it('is told apart from a lock timeout', () => {
    const error: unknown = new StoreUnavailableError('get', { cause: undefined });
    expect(error instanceof LockTimeoutError).toBe(false);
  });
});
