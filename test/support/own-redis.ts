import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { Redis } from 'ioredis';

/**
 * A redis-server of the test's own, on a free local port, with no persistence: a test may
 * stop it (`SIGSTOP`, a pause: commands time out), resume it (`SIGCONT`) or end it, by its
 * pid, without touching the shared Redis other suites use.
 */
export class OwnRedis {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  /** Starts `redis-server` and resolves once it answers `PING`. */
  static async start(): Promise<OwnRedis> {
    const port = await freePort();
    const child = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    const url = `redis://127.0.0.1:${port}`;
    // Until the server listens (an event of its own: it answers), try one PING at a time.
    for (let attempt = 0; ; attempt++) {
      const probe = new Redis(url, {
        lazyConnect: true,
        maxRetriesPerRequest: 0,
        retryStrategy: () => null,
      });
      probe.on('error', () => {});
      const ok = await probe.ping().then(
        () => true,
        () => false,
      );
      probe.disconnect();
      if (ok) break;
      if (attempt >= 100 || child.exitCode !== null) throw new Error('redis-server did not start');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return new OwnRedis(child, url);
  }

  /** Pauses the server (SIGSTOP): connections stay open, nothing is answered. */
  pause(): void {
    this.signal('SIGSTOP');
  }

  /** Resumes a paused server (SIGCONT). */
  resume(): void {
    this.signal('SIGCONT');
  }

  /** Ends the server (resumed first, so it can exit) and waits for it to go. */
  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const gone = new Promise((resolve) => this.child.once('exit', resolve));
    this.resume();
    this.signal('SIGTERM');
    await gone;
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.child.pid !== undefined) process.kill(this.child.pid, signal);
  }
}

/** A local TCP port free right now (bound, read, released). */
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
