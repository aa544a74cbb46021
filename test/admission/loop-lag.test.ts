import { LoopLag } from '../../src/admission/loop-lag';

/** performance.now() under the test's control; timers are jest's fake ones. */
let clock = 0;

beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['performance'] });
  clock = 0;
  jest.spyOn(performance, 'now').mockImplementation(() => clock);
});
afterEach(() => {
  jest.useRealTimers();
  jest.restoreAllMocks();
});

/** Moves the clock to `at`, then lets the 10 ms timer fire once. */
function tickAt(at: number): void {
  clock = at;
  jest.advanceTimersByTime(10);
}

describe('LoopLag', () => {
  it('reads 0 before any tick and while ticks come on time', () => {
    const lag = new LoopLag(10, 200).start();
    expect(lag.lagMs).toBe(0);
    for (let t = 10; t <= 50; t += 10) tickAt(t);
    expect(lag.lagMs).toBe(0);
    lag.stop();
  });

  it('measures how late a tick fired and keeps the worst of the window', () => {
    const lag = new LoopLag(10, 200).start();
    tickAt(35); // due at 10
    expect(lag.lagMs).toBe(25);
    tickAt(45); // due at 45: on time, the worst stays
    expect(lag.lagMs).toBe(25);
    tickAt(62); // due at 55
    expect(lag.lagMs).toBe(25);
    lag.stop();
  });

  it('keeps the last full window until a later window ends on time', () => {
    const lag = new LoopLag(10, 200).start();
    tickAt(210); // due at 10: 200 late, and the first window ends
    expect(lag.lagMs).toBe(200);
    for (let t = 220; t < 410; t += 10) tickAt(t);
    expect(lag.lagMs).toBe(200);
    tickAt(410); // the on-time window ends
    expect(lag.lagMs).toBe(0);
    lag.stop();
  });

  it('stops ticking after stop(), and start() twice keeps one timer', () => {
    const lag = new LoopLag(10, 200);
    expect(lag.start()).toBe(lag.start());
    expect(jest.getTimerCount()).toBe(1);
    lag.stop();
    expect(jest.getTimerCount()).toBe(0);
    tickAt(500);
    expect(lag.lagMs).toBe(0);
  });
});
