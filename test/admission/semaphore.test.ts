import { Semaphore } from '../../src/admission/semaphore';

/** Lets queued promise callbacks run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('Semaphore', () => {
  it('refuses a limit that is not a positive integer', () => {
    for (const bad of [0, -1, 1.5, Number.NaN])
      expect(() => new Semaphore(bad)).toThrow(RangeError);
    expect(() => new Semaphore(0)).toThrow('Semaphore limit must be a positive integer, got 0');
  });

  it('lets `limit` holders in at once and queues the rest, first come first served', async () => {
    const places = new Semaphore(2);
    const order: string[] = [];
    const first = await places.acquire();
    const second = await places.acquire();
    expect([places.inFlight, places.waiting]).toEqual([2, 0]);
    const waiters = ['c', 'd', 'e'].map((name) =>
      places.acquire().then((release) => {
        order.push(name);
        return release;
      }),
    );
    await settle();
    expect([places.inFlight, places.waiting]).toEqual([2, 3]);
    expect(order).toEqual([]);

    first();
    await settle();
    expect(order).toEqual(['c']);
    expect([places.inFlight, places.waiting]).toEqual([2, 2]);
    second();
    await settle();
    expect(order).toEqual(['c', 'd']);
    for (const release of await Promise.all(waiters.slice(0, 2))) release();
    await settle();
    expect(order).toEqual(['c', 'd', 'e']);
    (await waiters[2])?.();
    expect([places.inFlight, places.waiting, places.peak]).toEqual([0, 0, 2]);
  });

  it('ignores a second call of the same release', async () => {
    const places = new Semaphore(1);
    const release = await places.acquire();
    release();
    release();
    expect(places.inFlight).toBe(0);
    const again = await places.acquire();
    expect(places.inFlight).toBe(1);
    again();
  });

  it('run gives the place back whether the work resolves or throws, and passes the result', async () => {
    const places = new Semaphore(1);
    await expect(places.run(async () => 'done')).resolves.toBe('done');
    await expect(
      places.run(async () => {
        throw new Error('work failed');
      }),
    ).rejects.toThrow('work failed');
    expect(places.inFlight).toBe(0);
  });

  it('keeps the peak: never more than the limit under 20 concurrent runs', async () => {
    const places = new Semaphore(3);
    let now = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 20 }, () =>
        places.run(async () => {
          now += 1;
          most = Math.max(most, now);
          await settle();
          now -= 1;
        }),
      ),
    );
    expect(most).toBe(3);
    expect(places.peak).toBe(3);
  });
});
