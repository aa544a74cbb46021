import { healthRouter, type ReadinessCheck, readiness } from '../../src/http/health';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import { silentLogger } from '../../src/logging/logger';

describe('readiness', () => {
  afterEach(() => jest.useRealTimers());

  it('is ready when every check passes, keeping notes', async () => {
    const checks = new Map<string, ReadinessCheck>([
      ['redis', async () => true],
      ['tiktok', async () => ({ ok: true, note: 'TikTok: emulator (no real ad will be created)' })],
    ]);
    const result = await readiness(checks);
    expect(result.ready).toBe(true);
    expect(result.checks.redis).toEqual({ ok: true, ms: expect.any(Number) });
    expect(result.checks.tiktok).toEqual({
      ok: true,
      ms: expect.any(Number),
      note: 'TikTok: emulator (no real ad will be created)',
    });
  });

  it('is not ready when one check fails, says no, throws or gives its own reason', async () => {
    const checks = new Map<string, ReadinessCheck>([
      ['redis', async () => true],
      ['slack', async () => false],
      ['discord', async () => ({ ok: false, error: 'gateway not READY' })],
      [
        'model',
        async () => {
          throw new Error('connect ECONNREFUSED');
        },
      ],
    ]);
    const result = await readiness(checks);
    expect(result.ready).toBe(false);
    expect(result.checks.redis?.ok).toBe(true);
    expect(result.checks.slack).toMatchObject({ ok: false, error: 'not ready' });
    expect(result.checks.discord).toMatchObject({ ok: false, error: 'gateway not READY' });
    expect(result.checks.model).toMatchObject({ ok: false, error: 'connect ECONNREFUSED' });
  });

  it('fails a check that does not answer within the timeout', async () => {
    jest.useFakeTimers();
    const checks = new Map<string, ReadinessCheck>([['redis', () => new Promise(() => {})]]);
    const pending = readiness(checks, 500);
    await jest.advanceTimersByTimeAsync(500);
    const result = await pending;
    expect(result).toEqual({
      ready: false,
      checks: { redis: { ok: false, ms: 500, error: 'no answer within 500 ms' } },
    });
  });

  it('is ready with no checks at all', async () => {
    expect(await readiness(new Map())).toEqual({ ready: true, checks: {} });
  });
});

describe('healthRouter over HTTP', () => {
  let http: HttpServer;
  let base: string;
  let redisUp: boolean;

  beforeAll(async () => {
    http = createHttpServer({ logger: silentLogger() });
    http.readinessChecks.set('redis', async () => redisUp);
    base = await http.listen(0);
  });
  afterAll(async () => {
    await http.close();
  });

  it('GET /healthz answers {"ok":true} whatever the checks say', async () => {
    redisUp = false;
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });

  it('GET /readyz answers 200 when ready and 503 with the failing check when not', async () => {
    redisUp = true;
    const up = await fetch(`${base}/readyz`);
    expect(up.status).toBe(200);
    expect(await up.json()).toMatchObject({ ready: true, checks: { redis: { ok: true } } });
    redisUp = false;
    const down = await fetch(`${base}/readyz`);
    expect(down.status).toBe(503);
    expect(await down.json()).toMatchObject({
      ready: false,
      checks: { redis: { ok: false, error: 'not ready' } },
    });
  });

  it('is a router of its own for any map of checks', () => {
    const router = healthRouter(new Map());
    const paths = router.stack.map((layer) => layer.route?.path);
    expect(paths).toEqual(['/healthz', '/readyz']);
  });
});
