import { Writable } from 'node:stream';
import type { RequestHandler } from 'express';
import { createHttpServer, type HttpServer } from '../../src/http/server';
import { StartError } from '../../src/lifecycle/start-error';
import { createLogger } from '../../src/logging/logger';
import { exposeMetrics, METRICS_UNSERVED, type MetricsExposure } from '../../src/metrics/expose';

const handler: RequestHandler = (_req, res) => {
  res.type('text/plain').send('tiktok_ad_bot_turns_in_flight 0\n');
};

let http: HttpServer;
let base: string;
let warnings: string[];
let exposure: MetricsExposure | undefined;

function logger() {
  return createLogger(
    'info',
    new Writable({
      write(chunk, _enc, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) {
          const entry = JSON.parse(line) as { level: number; msg: string };
          if (entry.level === 40) warnings.push(entry.msg);
        }
        done();
      },
    }),
  );
}

beforeEach(async () => {
  warnings = [];
  http = createHttpServer({ logger: logger() });
  base = await http.listen(0);
  exposure = undefined;
});
afterEach(async () => {
  await exposure?.close();
  await http.close();
});

const options = (more: Partial<Parameters<typeof exposeMetrics>[0]>) => ({
  handler,
  http,
  host: '127.0.0.1',
  openOnPublicPort: false,
  logger: logger(),
  ...more,
});

describe('exposeMetrics over real HTTP', () => {
  it('serves on a port of its own when METRICS_PORT is set, not on the public port', async () => {
    exposure = await exposeMetrics(options({ port: 0 }));
    expect(exposure.where).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const own = await fetch(exposure.where);
    expect(own.status).toBe(200);
    expect(await own.text()).toBe('tiktok_ad_bot_turns_in_flight 0\n');
    expect(own.headers.get('x-powered-by')).toBeNull();
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
    await exposure.close();
    await expect(fetch(exposure.where)).rejects.toThrow();
    exposure = undefined;
  });

  it('with a token on its own port, needs the bearer token', async () => {
    exposure = await exposeMetrics(options({ port: 0, token: 'm-token' }));
    expect(exposure.where).toMatch(/\/metrics \(bearer token\)$/);
    const url = exposure.where.replace(' (bearer token)', '');
    expect((await fetch(url, { headers: { authorization: 'Bearer m-token' } })).status).toBe(200);
  });

  it('behind METRICS_TOKEN on the public port: 401 with WWW-Authenticate without the right token', async () => {
    exposure = await exposeMetrics(options({ token: 'm-token' }));
    expect(exposure.where).toBe('/metrics (bearer token)');
    const none = await fetch(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toBe('Bearer realm="metrics"');
    expect(await none.text()).toBe('401: /metrics needs Authorization: Bearer <METRICS_TOKEN>\n');
    const wrong = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer m-tokeN' } });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${base}/metrics`, { headers: { authorization: 'bearer m-token' } });
    expect(right.status).toBe(200);
    expect(await right.text()).toBe('tiktok_ad_bot_turns_in_flight 0\n');
  });

  it("serves openly on the terminal chat's own server", async () => {
    exposure = await exposeMetrics(options({ openOnPublicPort: true }));
    expect(exposure.where).toBe('/metrics');
    expect((await fetch(`${base}/metrics`)).status).toBe(200);
  });

  it('a server with neither setting does not serve it and warns once, naming both', async () => {
    const log = logger();
    exposure = await exposeMetrics(options({ logger: log }));
    expect(exposure.where).toBe(METRICS_UNSERVED);
    expect(METRICS_UNSERVED).toBe(
      'off: set METRICS_PORT (a port of its own) or METRICS_TOKEN (a bearer token) to serve /metrics',
    );
    expect(warnings).toEqual([`/metrics is ${METRICS_UNSERVED}`]);
    expect((await fetch(`${base}/metrics`)).status).toBe(404);
  });

  it('refuses a METRICS_PORT that is taken with a StartError naming it', async () => {
    const port = Number(new URL(base).port);
    const error = await exposeMetrics(options({ port })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toBe(
      `METRICS_PORT="${port}": port ${port} on 127.0.0.1 is already in use by another program; stop it or set METRICS_PORT to a free port`,
    );
  });
});
