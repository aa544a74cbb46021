import { randomUUID } from 'node:crypto';
import { commandRequest, eventRequest, sendSigned } from '../standins/slack-requests';
import { SlackStandIn } from '../standins/slack-standin';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/harness';
import { emulatedServerEnv } from '../support/server-env';
import { ChildBot, until } from './child-bot';
import { topLevelCount } from './log-lines';

const SECRET = 'logs-test-signing-secret';
const TEAM = 'T0TEST';
const CHANNEL = 'C0MARKETING';

jest.setTimeout(40_000);

describe('server logs with no LOG_LEVEL set (the built bot as a child process)', () => {
  const prefix = `test:logs:${randomUUID()}:`;
  const standin = new SlackStandIn();
  let bot: ChildBot;
  let base: string;

  beforeAll(async () => {
    bot = ChildBot.start({
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_BOT_TOKEN: 'xoxb-test',
      SLACK_API_URL: await standin.listen(),
      REDIS_URL: TEST_REDIS_URL,
      STATE_PREFIX: prefix,
      ...(await emulatedServerEnv()),
    });
    base = await bot.started();
  });
  afterAll(async () => {
    bot.proc.kill('SIGTERM');
    await bot.exited;
    await standin.close();
    await deleteRedisPrefix(prefix);
  });

  it('logs at info: a start-up line naming each part', () => {
    const line = bot.logs().find((l) => String(l.msg).startsWith('bot running'));
    expect(line).toMatchObject({
      level: 30,
      slack: 'http',
      discord: 'off',
      store: 'redis',
      model: 'offline',
      tiktok: 'emulator',
      // Server mode with neither METRICS_PORT nor METRICS_TOKEN: not served on the public port.
      metrics: expect.stringMatching(/^off: set METRICS_PORT .* or METRICS_TOKEN/),
      shutdown_grace_ms: 25_000,
    });
    expect(String(line?.msg)).toMatch(/TikTok: emulator at .* \(no real ad will be created\)/);
  });

  it('one request line per Slack delivery and OAuth hop, with status and duration, no query', async () => {
    const ack = await sendSigned(
      `${base}/slack/events`,
      SECRET,
      commandRequest({
        team_id: TEAM,
        channel_id: CHANNEL,
        user_id: 'U0ANA',
        text: 'Summer sale for traffic',
        response_url: standin.responseUrl(),
      }),
    );
    expect(ack.status).toBe(200);
    const hop = await fetch(`${base}/oauth/tiktok/start?link=not-a-real-link-id`, {
      redirect: 'manual',
    });
    const requests = await until('two request lines', () => {
      const found = bot.logs().filter((l) => l.msg === 'request');
      return found.length >= 2 ? found : undefined;
    });
    expect(requests).toEqual([
      expect.objectContaining({ level: 30, method: 'POST', path: '/slack/events', status: 200 }),
      expect.objectContaining({ method: 'GET', path: '/oauth/tiktok/start', status: hop.status }),
    ]);
    for (const r of requests) expect(typeof r.duration_ms).toBe('number');
    expect(bot.errLines.join('\n')).not.toContain('not-a-real-link-id');
  });

  it('a platform refusal is a warn with Slack’s code and no stack', async () => {
    const root = await until('the thread root', () =>
      standin.messages.find((m) => m.channel === CHANNEL && !m.thread_ts),
    );
    await until('the first question', () => standin.messagesIn(CHANNEL, root.ts).length > 0);
    standin.removeBot(CHANNEL);
    const ts = `${Math.floor(Date.now() / 1000)}.900001`;
    await sendSigned(
      `${base}/slack/events`,
      SECRET,
      eventRequest(TEAM, {
        type: 'message',
        channel: CHANNEL,
        user: 'U0ANA',
        text: 'Big summer deals',
        ts,
        thread_ts: root.ts,
        event_ts: ts,
      }),
    );
    const refusal = await bot.waitForLog('the refusal', (l) => l.slack_error === 'not_in_channel');
    expect(refusal.level).toBe(40);
    expect(JSON.stringify(refusal)).not.toMatch(/stack|\n\s+at /);
  });

  it('no log line repeats a top-level key', () => {
    const lines = bot.errLines.filter((l) => l.startsWith('{'));
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) {
      const keys = Object.keys(JSON.parse(line) as object);
      for (const key of keys) expect([key, topLevelCount(line, key)]).toEqual([key, 1]);
    }
  });
});
