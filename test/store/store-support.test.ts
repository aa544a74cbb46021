import { LockTimeoutError } from '../../src/store/state-store';
import {
  acquireWithBackoff,
  assertTtlMs,
  assertWaitMs,
  fromJson,
  LOCK_RETRY_MAX_MS,
  LOCK_RETRY_MIN_MS,
  randomToken,
  toJson,
} from '../../src/store/store-support';

const clock = { now: 0, pauses: [] as number[] };
jest.mock('node:timers/promises', () => ({
  setTimeout: async (ms: number) => {
    clock.pauses.push(ms);
    clock.now += ms;
  },
}));

describe('argument checks', () => {
  it('accepts a positive integer TTL and refuses anything else, naming the argument', () => {
    expect(() => assertTtlMs('ttlMs', 1)).not.toThrow();
    for (const bad of [0, -5, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 53]) {
      expect(() => assertTtlMs('ttlMs', bad)).toThrow(RangeError);
    }
    expect(() => assertTtlMs('lockTtlMs', 0)).toThrow(
      'lockTtlMs must be a positive integer of milliseconds, got 0',
    );
  });

  it('accepts a wait of 0 or more ms and refuses a negative or infinite one', () => {
    expect(() => assertWaitMs('waitMs', 0)).not.toThrow();
    expect(() => assertWaitMs('waitMs', 2.5)).not.toThrow();
    expect(() => assertWaitMs('waitMs', Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => assertWaitMs('waitMs', -1)).toThrow(
      'waitMs must be a non-negative number of milliseconds, got -1',
    );
  });
});

describe('JSON values', () => {
  it('round-trips values and keeps null for an absent key', () => {
    expect(toJson({ a: [1, 'b'], c: null })).toBe('{"a":[1,"b"],"c":null}');
    expect(fromJson<{ a: unknown[] }>('{"a":[1,"b"]}')).toEqual({ a: [1, 'b'] });
    expect(fromJson(null)).toBeNull();
    expect(fromJson('null')).toBeNull();
  });

  it('refuses values without a JSON form, naming their type', () => {
    expect(() => toJson(undefined)).toThrow('value is not JSON-serializable (undefined)');
    expect(() => toJson(() => 1)).toThrow('value is not JSON-serializable (function)');
    expect(() => toJson(Symbol('s'))).toThrow(TypeError);
  });
});

describe('randomToken', () => {
  it('is 32 hex characters, different each time', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => randomToken()));
    expect(tokens.size).toBe(50);
    for (const token of tokens) expect(token).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('acquireWithBackoff', () => {
  /** The clock the pauses move: `sleep` (mocked above) adds its ms here instead of waiting. */
  beforeEach(() => {
    clock.now = 1_000_000;
    clock.pauses = [];
    jest.spyOn(Date, 'now').mockImplementation(() => clock.now);
  });
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('returns the lock at once when the first try succeeds, with the token it tried', async () => {
    const tried: string[] = [];
    const lock = await acquireWithBackoff('lock:a', 0, async (token) => {
      tried.push(token);
      return true;
    });
    expect(tried).toHaveLength(1);
    expect(lock).toEqual({ key: 'lock:a', token: tried[0] });
    expect(clock.pauses).toEqual([]);
  });

  it('tries with the same token, pausing 5, 10, 20, 40, 50, 50 ms, until it succeeds', async () => {
    const tokens: string[] = [];
    const lock = await acquireWithBackoff('lock:b', 10_000, async (token) => {
      tokens.push(token);
      return tokens.length === 7;
    });
    expect(clock.pauses).toEqual([
      LOCK_RETRY_MIN_MS,
      10,
      20,
      40,
      LOCK_RETRY_MAX_MS,
      LOCK_RETRY_MAX_MS,
    ]);
    expect(new Set(tokens).size).toBe(1);
    expect(lock).toEqual({ key: 'lock:b', token: tokens[0] });
  });

  it('makes a last try at the deadline, then throws LockTimeoutError with the time waited', async () => {
    const at: number[] = [];
    const error = await acquireWithBackoff('lock:c', 30, async () => {
      at.push(Date.now() - 1_000_000);
      return false;
    }).catch((e: unknown) => e);
    expect(at).toEqual([0, 5, 15, 30]);
    expect(clock.pauses).toEqual([5, 10, 15]);
    expect(error).toBeInstanceOf(LockTimeoutError);
    expect(error).toMatchObject({ key: 'lock:c', waitedMs: 30 });
  });

  it('tries exactly once with a wait of 0', async () => {
    let calls = 0;
    const error = await acquireWithBackoff('lock:d', 0, async () => {
      calls += 1;
      return false;
    }).catch((e: unknown) => e);
    expect(calls).toBe(1);
    expect(clock.pauses).toEqual([]);
    expect(error).toMatchObject({ name: 'LockTimeoutError', key: 'lock:d', waitedMs: 0 });
  });
});
