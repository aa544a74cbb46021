import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { type RunningServer, runServer } from '../../src/app/server';
import { silentLogger } from '../../src/logging/logger';
import { SlackStandIn } from '../standins/slack-standin';
import { emulatedServerEnv } from '../support/server-env';
import { until } from './child-bot';

/** redis-server on PATH or in /usr/bin (.ci/run installs it); never the shared :6379 one. */
function redisServerBinary(): string {
  const found = [...(process.env.PATH ?? '').split(':'), '/usr/bin', '/usr/local/bin']
    .map((dir) => `${dir}/redis-server`)
    .find((path) => existsSync(path));
  if (!found)
    throw new Error(
      'This test needs the redis-server binary (apt-get install redis-server; .ci/run installs it) to start and stop a private Redis.',
    );
  return found;
}

const METRICS_TOKEN = 'readiness-metrics-token-0123';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A private redis-server on `port`, started and stopped by its own pid. */
class PrivateRedis {
  private proc: ChildProcess | undefined;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    const proc = spawn(
      redisServerBinary(),
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.proc = proc;
    let out = '';
    proc.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
    });
    await until('redis-server to accept connections', () =>
      out.includes('Ready to accept connections'),
    );
  }

  async stop(): Promise<void> {
    const proc = this.proc;
    this.proc = undefined;
    if (!proc || proc.exitCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGTERM');
    await exited;
  }
}

describe('/readyz follows Redis: 503 when it stops, 200 when it is back', () => {
  const standin = new SlackStandIn();
  let redis: PrivateRedis;
  let server: RunningServer;
  let base: string;

  beforeAll(async () => {
    redis = new PrivateRedis(await freePort());
    await redis.start();
    server = await runServer({
      env: {
        SLACK_SIGNING_SECRET: 'readiness-secret',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: await standin.listen(),
        REDIS_URL: `redis://127.0.0.1:${redis.port}`,
        METRICS_TOKEN: METRICS_TOKEN,
        ...(await emulatedServerEnv()),
      },
      logger: silentLogger(),
    });
    base = server.runtime.httpBase;
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
    await standin.close();
  });

  const readyz = async () => {
    const res = await fetch(`${base}/readyz`);
    return {
      status: res.status,
      body: (await res.json()) as { ready: boolean; checks: Record<string, { ok: boolean }> },
    };
  };

  it('reports each check, and follows Redis going away and coming back', async () => {
    const up = await readyz();
    expect(up.status).toBe(200);
    expect(up.body.ready).toBe(true);
    expect(up.body.checks).toMatchObject({
      redis: { ok: true },
      slack: { ok: true },
      accepting: { ok: true },
    });

    await redis.stop();
    const down = await readyz();
    expect(down.status).toBe(503);
    expect(down.body.ready).toBe(false);
    expect(down.body.checks).toMatchObject({ redis: { ok: false }, slack: { ok: true } });
    // Alive all the same: only readiness depends on Redis.
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    // The failed round trip is counted.
    const metrics = await (
      await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    ).text();
    const failed = /tiktok_ad_bot_redis_errors_total\{operation="get"\} (\d+)/.exec(metrics)?.[1];
    expect(Number(failed)).toBeGreaterThanOrEqual(1);

    await redis.start();
    const deadline = Date.now() + 15_000;
    let back = await readyz();
    while (back.status !== 200 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      back = await readyz();
    }
    expect(back.status).toBe(200);
    expect(back.body.checks.redis).toMatchObject({ ok: true });
  });
});
