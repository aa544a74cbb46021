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
  ])('%s', async (_what, env, message) => {
    const { code, stderr } = await run(env);
    expect(code).toBe(1);
    expect(stderr).toContain('Invalid settings:');
    expect(stderr).toContain(message);
    // Secrets are never shown, not even in part.
    expect(stderr).not.toMatch(/sign-secret-value|xoxb-secret-token|hunter2/);
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
