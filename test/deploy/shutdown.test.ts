import { randomUUID } from 'node:crypto';
import { DiscordStandIn } from '../standins/discord-standin';
import { commandRequest, eventRequest, sendSigned } from '../standins/slack-requests';
import { SlackStandIn } from '../standins/slack-standin';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/harness';
import { emulatedServerEnv } from '../support/server-env';
import { ChildBot, until } from './child-bot';

const SECRET = 'shutdown-test-signing-secret';
const TEAM = 'T0TEST';
const CHANNEL = 'C0MARKETING';

jest.setTimeout(40_000);

describe('SIGTERM lets the turn in flight finish, then exits 0 (the built bot as a child process)', () => {
  const prefixes: string[] = [];
  const bots: ChildBot[] = [];
  afterAll(async () => {
    for (const bot of bots) bot.kill();
    for (const prefix of prefixes) await deleteRedisPrefix(prefix);
  });
  const prefix = () => {
    const p = `test:shutdown:${randomUUID()}:`;
    prefixes.push(p);
    return p;
  };

  it('Slack: a /tiktok-ad in flight still gets its thread and first question; new deliveries get 503', async () => {
    const standin = new SlackStandIn();
    const apiUrl = await standin.listen();
    try {
      const bot = ChildBot.start({
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_BOT_TOKEN: 'xoxb-test',
        SLACK_API_URL: apiUrl,
        REDIS_URL: TEST_REDIS_URL,
        STATE_PREFIX: prefix(),
        ...(await emulatedServerEnv()),
      });
      bots.push(bot);
      const base = await bot.started();
      // The draft's root post waits 2 s for Slack's rate limit: the turn is in flight.
      standin.rateLimitNext('chat.postMessage', 2);
      const ack = await sendSigned(
        `${base}/slack/events`,
        SECRET,
        commandRequest({
          team_id: TEAM,
          channel_id: CHANNEL,
          user_id: 'U0ANA',
          user_name: 'ana',
          text: 'Summer sale for traffic',
          response_url: standin.responseUrl(),
        }),
      );
      expect(ack.status).toBe(200);
      await until('the rate-limited root post', () =>
        standin.callsTo('chat.postMessage').some((c) => c.status === 429),
      );
      expect(standin.messages).toHaveLength(0);
      bot.proc.kill('SIGTERM');
      await bot.waitForLog('shutting down', (l) => String(l.msg).startsWith('shutting down'));

      // Intake is closed: Slack gets a 503 (and retries elsewhere); /readyz says not ready.
      const late = await sendSigned(
        `${base}/slack/events`,
        SECRET,
        eventRequest(TEAM, {
          type: 'message',
          channel: CHANNEL,
          user: 'U0ANA',
          text: 'late',
          ts: '1700000000.000100',
          thread_ts: '1700000000.000001',
        }),
      );
      expect(late.status).toBe(503);
      const ready = await fetch(`${base}/readyz`);
      expect(ready.status).toBe(503);
      expect(((await ready.json()) as { checks: Record<string, unknown> }).checks).toMatchObject({
        accepting: { ok: false, error: 'shutting down' },
      });

      expect(await bot.exited).toEqual({ code: 0, signal: null });
      const root = standin.messages.find((m) => m.channel === CHANNEL && !m.thread_ts);
      expect(root).toBeDefined();
      const thread = standin.messagesIn(CHANNEL, root?.ts);
      expect(thread.length).toBeGreaterThan(0);
      expect(JSON.stringify(thread.map((m) => m.blocks))).toContain(
        // The words name the campaign ("Summer sale"), so the ad text is asked next.
        'What should the ad text say?',
      );
      const logs = bot.logs();
      expect(logs.some((l) => l.msg === 'work in flight finished')).toBe(true);
      expect(logs.some((l) => l.msg === 'stopped')).toBe(true);
    } finally {
      await standin.close();
    }
  });

  it('Discord: a /tiktok-ad in flight still gets its first question in the thread', async () => {
    const standin = await DiscordStandIn.start();
    try {
      const bot = ChildBot.start({
        DISCORD_TOKEN: standin.token,
        DISCORD_API_URL: standin.apiUrl,
        REDIS_URL: TEST_REDIS_URL,
        STATE_PREFIX: prefix(),
        ...(await emulatedServerEnv()),
      });
      bots.push(bot);
      const base = await bot.started();
      expect((await fetch(`${base}/readyz`)).status).toBe(200);
      const ana = standin.addUser('ana');
      // The first message into the new thread waits 2 s for Discord's rate limit.
      standin.rateLimitNext('POST', /^\/channels\/\d+\/messages$/, 2);
      standin.slashCommand(ana, 'Summer sale for traffic');
      await until('the rate-limited thread post', () =>
        standin.calls.some((c) => c.status === 429),
      );
      const thread = String(standin.threads()[0]?.id);
      expect(standin.channelMessages(thread)).toHaveLength(0);
      bot.proc.kill('SIGTERM');
      expect(await bot.exited).toEqual({ code: 0, signal: null });
      const posted = standin.channelMessages(thread).map((m) => JSON.stringify(m));
      expect(posted.length).toBeGreaterThan(0);
      expect(posted.join()).toContain(
        // The words name the campaign ("Summer sale"), so the ad text is asked next.
        'What should the ad text say?',
      );
      expect(bot.logs().some((l) => l.msg === 'work in flight finished')).toBe(true);
    } finally {
      await standin.close();
    }
  });
});
