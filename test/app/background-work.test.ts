import { BackgroundWork } from '../../src/app/background-work';
import { createWorkTracker } from '../../src/lifecycle/work-tracker';
import { LogCapture } from '../auth/linking-support';

/** A promise settled by hand, so the test decides when work finishes (no timers). */
function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void } {
  let resolve!: () => void;
  let reject!: (e: Error) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('BackgroundWork', () => {
  it('drain waits for work in flight, including work started while it waits', async () => {
    const logs = new LogCapture('info');
    const background = new BackgroundWork(logs.logger);
    const first = deferred();
    const second = deferred();
    background.run(first.promise);
    let drained = false;
    const draining = background.drain().then(() => {
      drained = true;
    });
    background.run(second.promise);
    first.resolve();
    await first.promise;
    await Promise.resolve();
    expect(drained).toBe(false);
    second.resolve();
    await draining;
    expect(drained).toBe(true);
  });

  it('logs a failure once and never rejects drain', async () => {
    const logs = new LogCapture('info');
    const background = new BackgroundWork(logs.logger);
    const work = deferred();
    background.run(work.promise);
    work.reject(new Error('submit lost'));
    await expect(background.drain()).resolves.toBeUndefined();
    const failures = logs.lines
      .map((line) => JSON.parse(line) as { msg: string; level: number; err?: { message: string } })
      .filter((line) => line.msg === 'background work failed');
    expect(failures).toHaveLength(1);
    expect(failures[0]?.level).toBe(50);
    expect(failures[0]?.err?.message).toBe('submit lost');
  });

  it('counts its work in the tracker, so a shutdown drain waits for it too', async () => {
    const logs = new LogCapture('info');
    const tracker = createWorkTracker();
    const background = new BackgroundWork(logs.logger, tracker);
    const work = deferred();
    background.run(work.promise);
    expect(tracker.inFlight).toBe(1);
    work.resolve();
    await background.drain();
    await tracker.settled();
    expect(tracker.inFlight).toBe(0);
  });
});
