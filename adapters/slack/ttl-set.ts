/**
 * Keys remembered for `ttlMs` each, in this process only, at most `maxEntries` of them (the
 * oldest is dropped first). For facts that only ever become false rarely and then show
 * themselves (a channel the bot left, a thread whose state expired), so a busy path can skip a
 * network round trip to check them again.
 */
export class TtlSet {
  private readonly until = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  /** Whether `key` was added less than `ttlMs` ago (an expired key is dropped). */
  has(key: string): boolean {
    const until = this.until.get(key);
    if (until === undefined) return false;
    if (until > Date.now()) return true;
    this.until.delete(key);
    return false;
  }

  add(key: string): void {
    this.until.delete(key);
    if (this.until.size >= this.maxEntries) {
      const oldest = this.until.keys().next().value;
      if (oldest !== undefined) this.until.delete(oldest);
    }
    this.until.set(key, Date.now() + this.ttlMs);
  }

  delete(key: string): void {
    this.until.delete(key);
  }
}
