import { SlackStandIn } from '../standins/slack-standin';
import { emulatedServerEnv } from '../support/server-env';
import { ChildBot } from './child-bot';

const SLACK = { SLACK_SIGNING_SECRET: 'sign-secret-value', SLACK_BOT_TOKEN: 'xoxb-secret-token' };
const REDIS = { REDIS_URL: 'redis://:hunter2@127.0.0.1:6379' };

/** Runs the built bot with `env` and returns its exit code and stderr. */
async function run(env: NodeJS.ProcessEnv, args: string[] = []) {
  const bot = ChildBot.start(env, args);
  bot.proc.stdin?.end();
  const { code } = await bot.exited;
  return { code, stderr: bot.errLines.join('\n') };
}

describe('settings that cannot work are refused at start: the variable, its value, exit 1', () => {
  it.each([
    [
      'budgets out of order',
      { MIN_DAILY_BUDGET: '2000', MAX_DAILY_BUDGET: '1000' },
      'MIN_DAILY_BUDGET="2000": must be below MAX_DAILY_BUDGET="1000"',
    ],
    [
      'a default budget below the minimum',
      { MIN_DAILY_BUDGET: '40', DEFAULT_DAILY_BUDGET: '30' },
      'DEFAULT_DAILY_BUDGET="30": must not be below MIN_DAILY_BUDGET="40"',
    ],
    [
      'server mode without Redis',
      { ...SLACK },
      'REDIS_URL=(unset): Slack or Discord is configured',
    ],
    [
      'a Slack command without its slash',
      { ...SLACK, ...REDIS, SLACK_COMMAND: 'tiktok-ad' },
      'SLACK_COMMAND="tiktok-ad": must start with "/"',
    ],
    [
      'a base URL that is not http(s)',
      {
        TIKTOK_BASE_URL: 'ftp://business-api.tiktok.com',
        TIKTOK_ACCESS_TOKEN: 't',
        TIKTOK_ADVERTISER_ID: '1',
      },
      'TIKTOK_BASE_URL="ftp://business-api.tiktok.com": must be an http:// or https:// URL',
    ],
    [
      'a Slack API URL that is not a URL',
      { ...SLACK, ...REDIS, SLACK_API_URL: 'localhost:9999' },
      'SLACK_API_URL="localhost:9999": must be an http:// or https:// URL',
    ],
    [
      'Slack with no TikTok settings (a real workspace must not get the emulator silently)',
      { ...SLACK, ...REDIS, PUBLIC_URL: 'https://ads-bot.example.com' },
      "TIKTOK_BASE_URL=(unset): Slack or Discord is configured, so ads must go to real TikTok: set TIKTOK_BASE_URL=https://business-api.tiktok.com (or TikTok's sandbox https://sandbox-ads.tiktok.com) with TIKTOK_APP_ID, TIKTOK_SECRET, TIKTOK_REDIRECT_URI and TOKEN_ENCRYPTION_KEYS (each user links their own account) or TIKTOK_ACCESS_TOKEN and TIKTOK_ADVERTISER_ID (one account for everyone); or TIKTOK_EMULATOR=on to try the bot against the in-process emulator (no real ad is created)",
    ],
    [
      'Discord with no PUBLIC_URL',
      { DISCORD_TOKEN: 'discord-secret-token', ...REDIS, TIKTOK_EMULATOR: 'on' },
      "PUBLIC_URL=(unset): Slack or Discord is configured, so account links need the address users' browsers reach the bot at; set PUBLIC_URL, e.g. PUBLIC_URL=https://ads-bot.example.com",
    ],
    [
      'a PUBLIC_URL over plain http to another host',
      { ...SLACK, ...REDIS, TIKTOK_EMULATOR: 'on', PUBLIC_URL: 'http://ads-bot.example.com' },
      'PUBLIC_URL="http://ads-bot.example.com": must be an https:// URL (http:// only for a loopback address such as http://127.0.0.1:3000), since account-link pages carry OAuth codes',
    ],
    [
      "a TikTok redirect URI that is not PUBLIC_URL's callback",
      {
        ...SLACK,
        ...REDIS,
        TIKTOK_EMULATOR: 'on',
        PUBLIC_URL: 'https://ads-bot.example.com/',
        TIKTOK_REDIRECT_URI: 'https://old-host.example.com/oauth/tiktok/callback',
      },
      'TIKTOK_REDIRECT_URI="https://old-host.example.com/oauth/tiktok/callback": must be "https://ads-bot.example.com/oauth/tiktok/callback" (PUBLIC_URL and the callback path), also registered as the redirect URL of your TikTok app',
    ],
    [
      'the emulator and a TikTok base URL at once',
      {
        TIKTOK_EMULATOR: 'on',
        TIKTOK_BASE_URL: 'https://business-api.tiktok.com',
        TIKTOK_ACCESS_TOKEN: 't',
        TIKTOK_ADVERTISER_ID: '1',
      },
      'TIKTOK_EMULATOR="on": contradicts TIKTOK_BASE_URL="https://business-api.tiktok.com"; unset one of them',
    ],
    [
      'a Redis URL without its scheme',
      { REDIS_URL: 'localhost:6379x' },
      'REDIS_URL=localhost:6379x: must be a redis:// or rediss:// URL with a host and a numeric port, e.g. redis://localhost:6379 (with a password: redis://:password@host:6379)',
    ],
    [
      'a Redis URL missing its colon (password masked)',
      { REDIS_URL: 'redis//:hunter2@127.0.0.1:6379' },
      'REDIS_URL=redis//:***@127.0.0.1:6379: must be a redis:// or rediss:// URL',
    ],
    [
      'a Redis URL with a port that is not a number',
      { REDIS_URL: 'redis://:hunter2@localhost:6379x' },
      'REDIS_URL=redis://:***@localhost:6379x: must be a redis:// or rediss:// URL',
    ],
    [
      '/metrics on the public port again',
      { HTTP_PORT: '3000', METRICS_PORT: '3000' },
      'METRICS_PORT="3000": must differ from HTTP_PORT="3000", or /metrics is public again',
    ],
    [
      'a metrics token too short to be secret',
      { METRICS_TOKEN: 'short' },
      'METRICS_TOKEN=[masked, 5 chars]: must be at least 16 characters (a random string)',
    ],
  ])('%s', async (_what, env, message) => {
    const { code, stderr } = await run(env);
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid settings:');
    expect(stderr).toContain(message);
    // A settings mistake is a message, not a crash: no stack trace.
    expect(stderr).not.toMatch(/\n\s+at /);
    // Secrets are never shown, not even in part.
    expect(stderr).not.toMatch(/sign-secret-value|xoxb-secret-token|hunter2|discord-secret-token/);
  });

  it('server mode without Redis starts when ALLOW_MEMORY_STATE=true says so on purpose', async () => {
    const standin = new SlackStandIn();
    const bot = ChildBot.start({
      ...SLACK,
      SLACK_BOT_TOKEN: 'xoxb-test',
      ALLOW_MEMORY_STATE: 'true',
      SLACK_API_URL: await standin.listen(),
      ...(await emulatedServerEnv()),
    });
    try {
      await bot.started();
      expect(bot.logs().some((l) => String(l.msg).includes('state is kept in memory'))).toBe(true);
      bot.proc.kill('SIGTERM');
      expect((await bot.exited).code).toBe(0);
    } finally {
      bot.kill();
      await standin.close();
    }
  });

  it('a secret in a refused setting is masked', async () => {
    const { code, stderr } = await run({ ...SLACK, ...REDIS, SLACK_COMMAND: 'x y' });
    expect(code).toBe(1);
    expect(stderr).toContain('SLACK_COMMAND="x y"');
    const masked = await run({ TOKEN_ENCRYPTION_KEYS: 'not-a-key-at-all', ...REDIS });
    expect(masked.code).toBe(1);
    expect(masked.stderr).not.toContain('not-a-key-at-all');
  });

  it('the container entry (`main.js server`) with no platform says what to set and exits 1', async () => {
    const { code, stderr } = await run({}, ['server']);
    expect(code).toBe(1);
    expect(stderr).toContain('No chat platform is configured');
    expect(stderr).toContain('SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN');
    expect(stderr).toContain('DISCORD_TOKEN');
  });
});
