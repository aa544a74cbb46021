import { TtlSet } from '../../adapters/slack/ttl-set';

describe('TtlSet (what the Slack adapter remembers: channel membership, its own threads)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('remembers a key for its lifetime only', () => {
    const set = new TtlSet(1000);
    set.add('T1:C1');
    expect(set.has('T1:C1')).toBe(true);
    expect(set.has('T1:C2')).toBe(false);
    jest.advanceTimersByTime(999);
    expect(set.has('T1:C1')).toBe(true);
    jest.advanceTimersByTime(1);
    expect(set.has('T1:C1')).toBe(false);
  });

  it('forgets a deleted key at once, and drops the oldest when full', () => {
    const set = new TtlSet(60_000, 2);
    set.add('a');
    set.add('b');
    set.delete('a');
    expect(set.has('a')).toBe(false);
    set.add('c');
    set.add('d');
    expect([set.has('b'), set.has('c'), set.has('d')]).toEqual([false, true, true]);
  });

  it('adding a key again starts its lifetime over', () => {
    const set = new TtlSet(1000);
    set.add('k');
    jest.advanceTimersByTime(800);
    set.add('k');
    jest.advanceTimersByTime(800);
    expect(set.has('k')).toBe(true);
  });
});
