import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from '../../logging/logger';
import type { Keys } from '../../store/keys';
import type { StateStore } from '../../store/state-store';

/** Options of {@link ProcessOwner}. Times in milliseconds. */
export interface ProcessOwnerOptions {
  store: StateStore;
  keys: Keys;
  logger?: Logger;
  /** Life of the heartbeat key; a crashed process counts as gone this long after. Default 5000. */
  ttlMs?: number;
  /** How often the key is renewed. Default `ttlMs / 3`. */
  beatMs?: number;
  /** Default `os.hostname()` and `process.pid` (tests vary them). */
  host?: string;
  pid?: number;
}

/**
 * This process as the owner of the submissions it runs: an id `<host>:<pid>:<random>` and a
 * heartbeat key (`Keys.owner`) renewed every `beatMs` with a short TTL. Another process counts
 * it gone when the key has expired, or at once when it runs on the same host and its pid no
 * longer exists (so a restarted bot resumes a killed one's work without waiting for the TTL).
 * `running` holds the threads whose submission runs in this process right now.
 */
export class ProcessOwner {
  readonly id: string;
  readonly running = new Set<string>();
  readonly ttlMs: number;
  private readonly host: string;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly options: ProcessOwnerOptions) {
    this.host = options.host ?? hostname();
    const pid = options.pid ?? process.pid;
    this.id = `${this.host}:${pid}:${randomBytes(4).toString('hex')}`;
    this.ttlMs = options.ttlMs ?? 5000;
  }

  /** Writes the heartbeat now and keeps renewing it until {@link stop}. */
  async start(): Promise<void> {
    await this.beat();
    const every = this.options.beatMs ?? Math.max(1, Math.floor(this.ttlMs / 3));
    this.timer = setInterval(() => {
      this.beat().catch((err: unknown) =>
        this.options.logger?.warn({ err }, 'owner heartbeat failed'),
      );
    }, every);
    this.timer.unref();
  }

  /**
   * Stops the heartbeat and deletes the key (a clean exit frees its work at once). With
   * `keepKey` the key is left to expire on its own, which is what a crash looks like.
   */
  async stop(options: { keepKey?: boolean } = {}): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (!options.keepKey) await this.options.store.delete(this.options.keys.owner(this.id));
  }

  /** Whether the owner `ownerId` is gone (never true for this process itself). */
  async isGone(ownerId: string): Promise<boolean> {
    if (ownerId === this.id) return false;
    const [host, pidText] = ownerId.split(':');
    const pid = Number(pidText);
    if (host === this.host && Number.isInteger(pid) && pid > 0 && !pidAlive(pid)) return true;
    return (await this.options.store.get(this.options.keys.owner(ownerId))) === null;
  }

  private beat(): Promise<void> {
    return this.options.store.set(this.options.keys.owner(this.id), { at: Date.now() }, this.ttlMs);
  }
}

/** Whether a process with `pid` exists on this host (signal 0 checks without sending). */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
