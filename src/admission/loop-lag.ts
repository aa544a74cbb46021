/**
 * How late this process's event loop runs: a timer due every `intervalMs` measures how much
 * later than planned it fired, and the worst lateness of the last `windowMs` is kept. A late
 * loop means queued callbacks (incoming requests among them) wait; admission control starts
 * fewer turns while it is late, so acks keep their place.
 *
 * The timer is `unref`ed: it never keeps the process alive. Call `stop()` to end it.
 */
export class LoopLag {
  private worst = 0;
  private windowWorst = 0;
  private windowStart = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly intervalMs = 10,
    private readonly windowMs = 200,
  ) {}

  start(): this {
    if (this.timer) return this;
    this.windowStart = performance.now();
    let due = performance.now() + this.intervalMs;
    const tick = () => {
      const now = performance.now();
      const late = Math.max(0, now - due);
      this.windowWorst = Math.max(this.windowWorst, late);
      if (now - this.windowStart >= this.windowMs) {
        this.worst = this.windowWorst;
        this.windowWorst = 0;
        this.windowStart = now;
      }
      due = now + this.intervalMs;
      this.timer = setTimeout(tick, this.intervalMs);
      this.timer.unref();
    };
    this.timer = setTimeout(tick, this.intervalMs);
    this.timer.unref();
    return this;
  }

  /** The worst lateness (ms) of the last full window, or of the current one if worse. */
  get lagMs(): number {
    return Math.max(this.worst, this.windowWorst);
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
