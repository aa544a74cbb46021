/**
 * A counting semaphore with a FIFO of waiters: at most `limit` holders at once, and the ones
 * that wait get in in the order they asked. It also keeps the highest number of holders seen
 * (`peak`), so a bench or a test can check that the bound held.
 */
export class Semaphore {
  private holders = 0;
  private highest = 0;
  private readonly waiters: Array<() => void> = [];

  /** @throws RangeError when `limit` is not a positive integer. */
  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`Semaphore limit must be a positive integer, got ${limit}`);
  }

  /** Holders right now. */
  get inFlight(): number {
    return this.holders;
  }

  /** Callers waiting for a place right now. */
  get waiting(): number {
    return this.waiters.length;
  }

  /** The most holders there ever were at once. */
  get peak(): number {
    return this.highest;
  }

  /** Waits for a place (FIFO) and takes it; call the returned function once to give it back. */
  async acquire(): Promise<() => void> {
    if (this.holders < this.limit) {
      this.take();
    } else {
      // The releasing holder hands its place straight to us (holders stays the same).
      await new Promise<void>((resolve) => this.waiters.push(resolve));
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.release();
    };
  }

  /** Runs `work` holding a place, and gives the place back however `work` ends. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await work();
    } finally {
      release();
    }
  }

  private take(): void {
    this.holders += 1;
    if (this.holders > this.highest) this.highest = this.holders;
  }

  private release(): void {
    const next = this.waiters.shift();
    if (next) {
      next();
      return;
    }
    this.holders -= 1;
  }
}
