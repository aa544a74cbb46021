import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';

/** A free TCP port on 127.0.0.1, found by listening on port 0 and closing again. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/**
 * A private `redis-server` that requires a password (`requirepass`), on its own port with no
 * persistence, so a test can connect with a wrong password without touching the shared Redis.
 * Stopped by its pid.
 */
export class PasswordRedis {
  private constructor(
    private readonly proc: ChildProcess,
    private readonly dir: string,
    readonly port: number,
    readonly password: string,
  ) {}

  /** Starts the server; resolves once it says it accepts connections and answers a PING. */
  static async start(password: string): Promise<PasswordRedis> {
    const port = await freePort();
    const dir = mkdtempSync(join(tmpdir(), 'password-redis-'));
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--requirepass', password, '--save', ''],
      { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve, reject) => {
      let seen = '';
      proc.stdout?.on('data', (chunk: Buffer) => {
        seen += chunk.toString('utf8');
        if (seen.includes('Ready to accept connections')) resolve();
      });
      proc.once('exit', (code) => reject(new Error(`redis-server exited (${code}): ${seen}`)));
    });
    proc.stdout?.resume();
    const redis = new PasswordRedis(proc, dir, port, password);
    const client = new Redis(redis.url(password));
    try {
      await client.ping();
    } finally {
      client.disconnect();
    }
    return redis;
  }

  /** `redis://default:<password>@127.0.0.1:<port>`. */
  url(password = this.password): string {
    return `redis://default:${encodeURIComponent(password)}@127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    if (this.proc.exitCode === null) {
      const exited = new Promise((resolve) => this.proc.once('exit', resolve));
      this.proc.kill('SIGTERM');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
