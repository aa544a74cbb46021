/**
 * A redis-server of the chaos run's own, on a free port, that can be snapshotted, killed and
 * restarted from its last snapshot, as a real Redis with RDB persistence comes back after a
 * crash: whatever was written after the snapshot is gone. Only the process this module started
 * is ever signalled (by its pid); the shared Redis of the machine is never touched.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { Redis } from 'ioredis';

/** A free TCP port on 127.0.0.1 (asked of the OS, then released). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** One redis-server process with its data directory (RDB file `dump.rdb`, no AOF). */
export class OwnRedis {
  private child: ChildProcess | undefined;
  private admin: Redis | undefined;

  private constructor(
    readonly port: number,
    private readonly dir: string,
    private readonly binary: string,
  ) {}

  /** Starts `redis-server` (or `$REDIS_SERVER`) on a free port. */
  static async start(binary = process.env.REDIS_SERVER ?? 'redis-server'): Promise<OwnRedis> {
    const own = new OwnRedis(await freePort(), mkdtempSync(join(tmpdir(), 'chaos-redis-')), binary);
    await own.spawn();
    return own;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  /** Writes the snapshot now (SAVE: synchronous, the data set as it is at this instant). */
  async snapshot(): Promise<void> {
    await this.client().save();
  }

  /**
   * SIGKILLs the server (no shutdown save) and starts it again on the same port: it loads the
   * last {@link snapshot}, so every write since is lost. Resolves once it accepts commands.
   */
  async crashAndRestore(): Promise<void> {
    const child = this.child;
    this.admin?.disconnect();
    this.admin = undefined;
    if (child?.pid) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    }
    await this.spawn();
  }

  /** Stops the server (by its pid) and removes its data directory. */
  async stop(): Promise<void> {
    this.admin?.disconnect();
    const child = this.child;
    if (child?.pid && child.exitCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private client(): Redis {
    if (!this.admin) {
      this.admin = new Redis(this.url, { maxRetriesPerRequest: 1 });
      this.admin.on('error', () => undefined); // a refused reconnect while it restarts
    }
    return this.admin;
  }

  private async spawn(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir];
    args.push('--dbfilename', 'dump.rdb', '--save', '', '--appendonly', 'no');
    const child = spawn(this.binary, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    this.child = child;
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    await new Promise<void>((resolve, reject) => {
      lines.on('line', (line) => {
        if (/Ready to accept connections/.test(line)) resolve();
      });
      child.once('exit', (code) => reject(new Error(`redis-server exited (${code})`)));
    });
    lines.removeAllListeners('line');
    child.stdout?.resume();
  }
}
