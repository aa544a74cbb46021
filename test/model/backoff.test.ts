import { DEFAULT_RETRY, fullJitterDelayMs, parseDurationMs } from '../../src/model/backoff';

describe('backoff', () => {
  const policy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 4000 };

  it('draws full jitter below min(cap, base * 2^retry)', () => {
    const almostOne = () => 0.999999;
    expect(fullJitterDelayMs(policy, 0, almostOne)).toBe(499);
    expect(fullJitterDelayMs(policy, 2, almostOne)).toBe(1999);
    expect(fullJitterDelayMs(policy, 10, almostOne)).toBe(3999);
    expect(fullJitterDelayMs(policy, 3, () => 0)).toBe(0);
    expect(fullJitterDelayMs(policy, 1, () => 0.5)).toBe(500);
  });

  it('keeps the default inside docs/llm.md §2.3 (2 retries, cap about 4 s)', () => {
    expect(DEFAULT_RETRY).toEqual({ attempts: 3, baseDelayMs: 500, maxDelayMs: 4000 });
  });

  it('reads protobuf Duration JSON', () => {
    expect(parseDurationMs('30s')).toBe(30_000);
    expect(parseDurationMs('1.5s')).toBe(1500);
    expect(parseDurationMs('0.25s')).toBe(250);
    expect(parseDurationMs('5m')).toBeUndefined();
    expect(parseDurationMs(30)).toBeUndefined();
    expect(parseDurationMs(undefined)).toBeUndefined();
  });
});
