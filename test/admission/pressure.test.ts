import { AdmissionControl } from '../../src/admission/admission';
import type { ChatEngine } from '../../src/engine/ports';

/** A runner is not needed for `run` (keyed work); admission's own bookkeeping is under test. */
const NO_RUNNER: ChatEngine = {
  claim: async () => true,
  release: async () => {},
  handle: async () => [],
  hasConversation: async () => false,
  readiness: async () => ({ ok: true }),
};

/** Work that runs until the test ends it: `started` counts starts, `finish()` ends one. */
class HeldWork {
  started = 0;
  private readonly ends: Array<() => void> = [];
  run = (): Promise<void> =>
    new Promise<void>((resolve) => {
      this.started += 1;
      this.ends.push(resolve);
    });
  finishAll(): void {
    for (const end of this.ends.splice(0)) end();
  }
}

describe('AdmissionControl under load feedback (slow start, loop lag)', () => {
  let lag = 0;
  let admission: AdmissionControl | undefined;
  beforeEach(() => {
    jest.useFakeTimers();
    lag = 0;
  });
  afterEach(() => {
    admission?.stop();
    jest.useRealTimers();
  });

  const start = (startInFlight: number) => {
    admission = new AdmissionControl(
      NO_RUNNER,
      { maxTurnsInFlight: 8, maxQueued: 100 },
      undefined,
      {
        lagMs: () => lag,
        targetLagMs: 30,
        minInFlight: 1,
        everyMs: 10,
        startInFlight,
      },
    );
    return admission;
  };

  it('a burst starts only startInFlight turns, then one more per tick while all are taken', async () => {
    const control = start(2);
    const work = new HeldWork();
    for (let i = 0; i < 6; i++) void control.run(`thread-${i}`, work.run);
    await jest.advanceTimersByTimeAsync(0);
    expect(work.started).toBe(2);
    expect(control.decide('another')).toBe('queue');
    await jest.advanceTimersByTimeAsync(10);
    expect(work.started).toBe(3);
    await jest.advanceTimersByTimeAsync(30);
    expect(work.started).toBe(6);
    expect(control.stats()).toMatchObject({ inFlight: 6, queued: 0 });
    work.finishAll();
  });

  it('halves the places while the loop runs late, and opens them again once it keeps up', async () => {
    const control = start(8);
    const work = new HeldWork();
    lag = 100;
    await jest.advanceTimersByTimeAsync(10);
    for (let i = 0; i < 8; i++) void control.run(`thread-${i}`, work.run);
    await jest.advanceTimersByTimeAsync(0);
    expect(work.started).toBe(4);
    await jest.advanceTimersByTimeAsync(20);
    expect(work.started).toBe(4);
    lag = 0;
    // Additive increase: the places climb back one per tick (1 → 4 → 8) as the loop keeps up.
    await jest.advanceTimersByTimeAsync(40);
    expect(work.started).toBe(5);
    await jest.advanceTimersByTimeAsync(30);
    expect(work.started).toBe(8);
    work.finishAll();
  });

  it('falls back to startInFlight once idle, so the next burst starts slowly again', async () => {
    const control = start(2);
    const first = new HeldWork();
    for (let i = 0; i < 6; i++) void control.run(`a-${i}`, first.run);
    await jest.advanceTimersByTimeAsync(50);
    expect(first.started).toBe(6);
    first.finishAll();
    await jest.advanceTimersByTimeAsync(30);
    const second = new HeldWork();
    for (let i = 0; i < 6; i++) void control.run(`b-${i}`, second.run);
    await jest.advanceTimersByTimeAsync(0);
    expect(second.started).toBe(2);
    second.finishAll();
    await jest.advanceTimersByTimeAsync(100);
  });

  it('never grows places that are not all in use', async () => {
    const control = start(2);
    const work = new HeldWork();
    void control.run('only', work.run);
    await jest.advanceTimersByTimeAsync(100);
    for (let i = 0; i < 5; i++) void control.run(`later-${i}`, work.run);
    await jest.advanceTimersByTimeAsync(0);
    expect(work.started).toBe(2);
    work.finishAll();
    await jest.advanceTimersByTimeAsync(100);
  });
});
