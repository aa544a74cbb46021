import { randomUUID } from 'node:crypto';
import { type RunningServer, runServer } from '../../src/app/server';
import { silentLogger } from '../../src/logging/logger';
import { SlackStandIn } from '../standins/slack-standin';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/harness';
import { emulatedServerEnv, freePort } from '../support/server-env';

const TOKEN = 'metrics-token-0123456789abcdef';

/** GET `url` with an optional bearer token: status, WWW-Authenticate and body. */
async function scrape(url: string, token?: string) {
  const res = await fetch(url, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  return {
    status: res.status,
    challenge: res.headers.get('www-authenticate'),
    body: await res.text(),
  };
}

describe('/metrics is not served unauthenticated on the public port of a Slack or Discord server', () => {
  const standin = new SlackStandIn();
  const prefix = `test:metrics-access:${randomUUID()}:`;
  const servers: RunningServer[] = [];
  let slackUrl: string;
  beforeAll(async () => {
    slackUrl = await standin.listen();
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await standin.close();
    await deleteRedisPrefix(prefix);
  });

  async function start(env: NodeJS.ProcessEnv): Promise<RunningServer> {
    const server = await runServer({
      env: {
        SLACK_SIGNING_SECRET: 'metrics-signing-secret',
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: slackUrl,
        REDIS_URL: TEST_REDIS_URL,
        STATE_PREFIX: prefix,
        ...(await emulatedServerEnv()),
        ...env,
      },
      logger: silentLogger(),
    });
    servers.push(server);
    return server;
  }

  it('METRICS_TOKEN: the public port answers only with Authorization: Bearer <token>', async () => {
    const base = (await start({ METRICS_TOKEN: TOKEN })).runtime.httpBase;
    const none = await scrape(`${base}/metrics`);
    expect(none.status).toBe(401);
    expect(none.challenge).toBe('Bearer realm="metrics"');
    expect(none.body).not.toContain('tiktok_ad_bot_');
    expect((await scrape(`${base}/metrics`, `${TOKEN}x`)).status).toBe(401);
    const right = await scrape(`${base}/metrics`, TOKEN);
    expect(right.status).toBe(200);
    expect(right.body).toContain('tiktok_ad_bot_turns_total');
  });

  it('METRICS_PORT: served there only (with the token too when both are set), not on the public port', async () => {
    const port = await freePort();
    const server = await start({ METRICS_PORT: String(port), METRICS_TOKEN: TOKEN });
    expect(server.runtime.metricsAt).toBe(`http://127.0.0.1:${port}/metrics (bearer token)`);
    expect((await scrape(`${server.runtime.httpBase}/metrics`, TOKEN)).status).toBe(404);
    expect((await scrape(`http://127.0.0.1:${port}/metrics`)).status).toBe(401);
    const own = await scrape(`http://127.0.0.1:${port}/metrics`, TOKEN);
    expect(own.status).toBe(200);
    expect(own.body).toContain('tiktok_ad_bot_turns_total');
    // The metrics port serves nothing else.
    expect((await scrape(`http://127.0.0.1:${port}/readyz`, TOKEN)).status).toBe(404);
  });

  it('neither setting: /metrics is not served, and /readyz says TikTok is the emulator', async () => {
    const server = await start({});
    expect(server.runtime.metricsAt).toMatch(/^off: set METRICS_PORT .* or METRICS_TOKEN/);
    expect((await scrape(`${server.runtime.httpBase}/metrics`)).status).toBe(404);
    const ready = (await (await fetch(`${server.runtime.httpBase}/readyz`)).json()) as {
      checks: { tiktok?: { ok: boolean; note?: string } };
    };
    expect(ready.checks.tiktok?.ok).toBe(true);
    expect(ready.checks.tiktok?.note).toMatch(
      /^TikTok: emulator at http:\/\/127\.0\.0\.1:\d+ \(no real ad will be created\)$/,
    );
  });
});
