import { createWorkTracker } from '../../src/lifecycle/work-tracker';

/** Resolves with `value` after `ms` of the (fake) clock. */
const later = <T>(ms: number, value: T) =>
  new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

describe('WorkTracker (fake clock)', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('passes results and rejections through, and counts work until it settles', async () => {
    const work = createWorkTracker();
    const ok = work.track(later(20, 'done'));
    const failed = work.track(Promise.reject(new Error('boom')));
    expect(work.inFlight).toBe(2);
    await expect(failed).rejects.toThrow('boom');
    await jest.advanceTimersByTimeAsync(20);
    await expect(ok).resolves.toBe('done');
    await work.settled();
    expect(work.inFlight).toBe(0);
  });

  it('drain stops intake and waits for work, also work started while draining', async () => {
    const work = createWorkTracker();
    work.track(later(30, 1));
    const draining = work.drain(2000);
    expect(work.accepting).toBe(false);
    work.track(later(60, 2));
    await jest.advanceTimersByTimeAsync(30);
    expect(work.inFlight).toBe(1);
    await jest.advanceTimersByTimeAsync(30);
    const result = await draining;
    expect(result).toEqual({ drained: true, left: 0, waitedMs: 60 });
    expect(work.inFlight).toBe(0);
  });

  it('drain gives up after the grace time and says how much was still running', async () => {
    const work = createWorkTracker();
    work.track(later(500, 1));
    const draining = work.drain(50);
    await jest.advanceTimersByTimeAsync(50);
    expect(await draining).toEqual({ drained: false, left: 1, waitedMs: 50 });
    expect(work.inFlight).toBe(1);
    await jest.advanceTimersByTimeAsync(450);
    expect(work.inFlight).toBe(0);
  });
});
