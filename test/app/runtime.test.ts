import { createServer } from 'node:net';
import { loadConfig } from '../../src/app/config';
import { auditLogger, type Runtime, startRuntime } from '../../src/app/runtime';
import type { Readiness } from '../../src/http/health';
import { StartError } from '../../src/lifecycle/start-error';
import { createLogger } from '../../src/logging/logger';
import { LogCapture } from '../auth/linking-support';

/** A port free right now (listened on, then closed), for a part the test wants to find again. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Whether something answers HTTP at `base` (a refused connection is `false`). */
async function answers(base: string): Promise<boolean> {
  try {
    await fetch(`${base}/healthz`);
    return true;
  } catch {
    return false;
  }
}

async function readyz(runtime: Runtime): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(`${runtime.httpBase}/readyz`);
  return { status: res.status, body: (await res.json()) as Readiness };
}

describe('startRuntime', () => {
  it('with no settings runs the emulator, in-memory state and the offline model, and says so', async () => {
    const logs = new LogCapture('warn');
    const runtime = await startRuntime({
      config: loadConfig({ METRICS: 'off' }),
      logger: logs.logger,
      platform: 'console',
      defaultHttpPort: 0,
    });
    try {
      const emulatorUrl = /emulator at (http:\/\/127\.0\.0\.1:\d+) /.exec(runtime.summary)?.[1];
      expect(emulatorUrl).toBeDefined();
      expect(runtime.summary).toBe(
        `TikTok: emulator at ${emulatorUrl} (no real ad will be created) · accounts: each user links TikTok at ${runtime.httpBase} (throwaway token key) · model: offline · state: in memory (lost on exit)`,
      );
      expect(runtime.metricsAt).toBe('off (METRICS=off)');
      // The terminal has one user, who may approve their own draft.
      expect(runtime.settings.allow_self_approval).toBe(true);
      expect(logs.lines.join('\n')).toContain('TOKEN_ENCRYPTION_KEYS is not set');
      const ready = await readyz(runtime);
      expect(ready.status).toBe(200);
      expect(Object.keys(ready.body.checks).sort()).toEqual(['accepting', 'tiktok']);
      expect(ready.body.checks.tiktok?.note).toBe(
        `TikTok: emulator at ${emulatorUrl} (no real ad will be created)`,
      );
      runtime.work.stopIntake();
      const stopping = await readyz(runtime);
      expect(stopping.status).toBe(503);
      expect(stopping.body.checks.accepting).toMatchObject({ ok: false, error: 'shutting down' });
    } finally {
      await runtime.close();
    }
    expect(await answers(runtime.httpBase)).toBe(false);
  });

  it('builds the engine settings once, for the platform it serves', async () => {
    const runtime = await startRuntime({
      config: loadConfig({ METRICS: 'off', DRAFT_IDLE_DAYS: '2', APPROVERS: 'U1, S2' }),
      logger: new LogCapture('silent').logger,
      platform: 'slack',
      defaultHttpPort: 0,
    });
    try {
      expect(runtime.settings).toMatchObject({
        allow_self_approval: false,
        draft_ttl_ms: 2 * 24 * 60 * 60 * 1000,
        approvers: ['U1', 'S2'],
      });
    } finally {
      await runtime.close();
    }
  });

  it('uses one configured account for everyone when a token and advertiser are set', async () => {
    const runtime = await startRuntime({
      config: loadConfig({
        METRICS: 'off',
        TIKTOK_EMULATOR: 'off',
        TIKTOK_BASE_URL: 'http://127.0.0.1:9',
        TIKTOK_ACCESS_TOKEN: 'tok',
        TIKTOK_ADVERTISER_ID: '7000000000000001',
      }),
      logger: new LogCapture('silent').logger,
      platform: 'console',
      defaultHttpPort: 0,
    });
    try {
      expect(runtime.emulator).toBeUndefined();
      expect(runtime.summary).toBe(
        'TikTok: http://127.0.0.1:9 · accounts: advertiser 7000000000000001 for everyone · model: offline · state: in memory (lost on exit)',
      );
    } finally {
      await runtime.close();
    }
  });

  it('closes what it started when a later step fails (the HTTP port is taken)', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    const emulatorPort = await freePort();
    try {
      const failure = startRuntime({
        config: loadConfig({
          METRICS: 'off',
          HTTP_PORT: String(taken),
          EMULATOR_PORT: String(emulatorPort),
        }),
        logger: new LogCapture('silent').logger,
        platform: 'console',
        defaultHttpPort: 0,
      });
      await expect(failure).rejects.toBeInstanceOf(StartError);
      await expect(failure).rejects.toThrow(/HTTP_PORT/);
      // The emulator started before the HTTP server; it is closed again.
      expect(await answers(`http://127.0.0.1:${emulatorPort}`)).toBe(false);
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  });
});

describe('auditLogger', () => {
  it('keeps audit records at info when the main log is quieter', () => {
    const lines: string[] = [];
    const main = createLogger('warn', { write: (line: string) => void lines.push(line) });
    auditLogger({}, main).info({ audit: { kind: 'approval' } }, 'audit approval');
    main.info('an ordinary info line');
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({
      component: 'audit',
      msg: 'audit approval',
    });
  });
});
