import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { DiscordStandIn } from '../standins/discord-standin';
import { SlackStandIn } from '../standins/slack-standin';
import { deleteRedisPrefix, TEST_REDIS_URL } from '../support/harness';
import { emulatedServerEnv, freePort } from '../support/server-env';
import { ChildBot } from './child-bot';

jest.setTimeout(40_000);

const SLACK = { SLACK_SIGNING_SECRET: 'sign-secret-value', SLACK_BOT_TOKEN: 'xoxb-test' };

/** Runs the built bot with `env`; its exit code, stderr and how long it ran (ms). */
async function run(env: NodeJS.ProcessEnv) {
  const started = Date.now();
  const bot = ChildBot.start(env);
  bot.proc.stdin?.end();
  try {
    const { code } = await bot.exited;
    return { code, stderr: bot.errLines.join('\n'), ms: Date.now() - started };
  } finally {
    bot.kill();
  }
}

/** A port that accepts TCP connections and never answers (a black hole). */
async function silentPort(): Promise<{ port: number; server: Server; sockets: Socket[] }> {
  const sockets: Socket[] = [];
  const server = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server, sockets };
}

/** Expects exit 1 with `message` in stderr, no stack trace and no secret. */
function expectRefused(result: { code: number | null; stderr: string }, message: string): void {
  expect(result.stderr).toContain(message);
  expect(result.code).toBe(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  expect(result.stderr).not.toMatch(/sign-secret-value|hunter2|discord-secret-token/);
}

describe('a dependency that cannot be reached at start is named, with its URL, and the bot exits', () => {
  const slack = new SlackStandIn();
  const prefix = `test:unreachable:${randomUUID()}:`;
  let slackUrl: string;
  beforeAll(async () => {
    slackUrl = await slack.listen();
  });
  afterAll(async () => {
    await slack.close();
    await deleteRedisPrefix(prefix);
  });
  const server = async () => ({
    ...SLACK,
    SLACK_API_URL: slackUrl,
    REDIS_URL: TEST_REDIS_URL,
    STATE_PREFIX: prefix,
    ...(await emulatedServerEnv()),
  });

  it('Slack refusing connections', async () => {
    const port = await freePort();
    const result = await run({
      ...(await server()),
      SLACK_API_URL: `http://127.0.0.1:${port}/api/`,
    });
    expectRefused(
      result,
      `Slack did not answer at http://127.0.0.1:${port}/api/auth.test: connect ECONNREFUSED 127.0.0.1:${port}. Check this machine's network and SLACK_API_URL (default https://slack.com/api/).`,
    );
  });

  it('Slack never answering: stopped after START_TIMEOUT_MS, not after minutes of retries', async () => {
    const hole = await silentPort();
    try {
      const result = await run({
        ...(await server()),
        SLACK_API_URL: `http://127.0.0.1:${hole.port}/api/`,
        START_TIMEOUT_MS: '1000',
      });
      expectRefused(
        result,
        `Slack did not answer at http://127.0.0.1:${hole.port}/api/auth.test: no answer within 1 s. Check this machine's network and SLACK_API_URL (default https://slack.com/api/).`,
      );
      // Bolt's own auth.test would have retried for about five minutes.
      expect(result.ms).toBeLessThan(20_000);
    } finally {
      for (const socket of hole.sockets) socket.destroy();
      hole.server.close();
    }
  });

  it('Slack refusing the bot token', async () => {
    const result = await run({ ...(await server()), SLACK_BOT_TOKEN: 'xoxb-not-accepted-token' });
    expectRefused(
      result,
      "SLACK_BOT_TOKEN=[masked, 23 chars]: Slack refused it (auth.test: invalid_auth). Copy the Bot User OAuth Token (xoxb-…) from your Slack app's OAuth & Permissions page.",
    );
    expect(result.stderr).not.toContain('xoxb-not-accepted-token');
  });

  it('Discord refusing connections, and refusing the token', async () => {
    const port = await freePort();
    const discordEnv = {
      DISCORD_TOKEN: 'discord-secret-token',
      REDIS_URL: TEST_REDIS_URL,
      STATE_PREFIX: prefix,
      ...(await emulatedServerEnv()),
    };
    const down = await run({ ...discordEnv, DISCORD_API_URL: `http://127.0.0.1:${port}/api` });
    expectRefused(
      down,
      `Discord did not answer at http://127.0.0.1:${port}/api/v10/gateway/bot: connect ECONNREFUSED 127.0.0.1:${port}. Check this machine's network and DISCORD_API_URL (default https://discord.com/api).`,
    );
    const standin = await DiscordStandIn.start();
    try {
      const refused = await run({ ...discordEnv, DISCORD_API_URL: standin.apiUrl });
      expectRefused(
        refused,
        'DISCORD_TOKEN=[masked, 20 chars]: Discord refused it (HTTP 401). Copy the bot token from the Developer Portal: your application → Bot → Reset Token.',
      );
    } finally {
      await standin.close();
    }
  });

  it('the model refusing connections', async () => {
    const port = await freePort();
    const result = await run({
      ...(await server()),
      GEMINI_API_KEY: 'gemini-key-value',
      GEMINI_BASE_URL: `http://127.0.0.1:${port}`,
    });
    expectRefused(
      result,
      `The model (Gemini) did not answer at http://127.0.0.1:${port}/v1beta/models/gemini-3.1-flash-lite: connect ECONNREFUSED 127.0.0.1:${port}. Check this machine's network and GEMINI_BASE_URL (default https://generativelanguage.googleapis.com), or unset GEMINI_API_KEY to use the offline model.`,
    );
    expect(result.stderr).not.toContain('gemini-key-value');
  });

  it('Redis refusing connections (password masked)', async () => {
    const port = await freePort();
    const result = await run({
      ...(await server()),
      REDIS_URL: `redis://:hunter2@127.0.0.1:${port}`,
    });
    expectRefused(
      result,
      `Redis at redis://:***@127.0.0.1:${port} did not answer: connect ECONNREFUSED 127.0.0.1:${port}. Start Redis there or correct REDIS_URL.`,
    );
  });

  it.each(['HTTP_PORT', 'METRICS_PORT'])('a port in use names its setting: %s', async (setting) => {
    const taken = await silentPort();
    try {
      const env: NodeJS.ProcessEnv = { ...(await server()), [setting]: String(taken.port) };
      if (setting === 'HTTP_PORT') env.PUBLIC_URL = `http://127.0.0.1:${taken.port}`;
      const result = await run(env);
      expectRefused(
        result,
        `${setting}="${taken.port}": port ${taken.port} on 127.0.0.1 is already in use by another program; stop it or set ${setting} to a free port`,
      );
    } finally {
      taken.server.close();
    }
  });
});
