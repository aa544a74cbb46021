import {
  BASE_URL_SETTINGS,
  type CheckedSettings,
  named,
  shownValue,
  unworkableSettings,
} from '../../src/settings/config-checks';

const OK: CheckedSettings = {
  MIN_DAILY_BUDGET: 20,
  MAX_DAILY_BUDGET: 1000,
  DEFAULT_DAILY_BUDGET: null,
  REDIS_URL: 'redis://localhost:6379',
};

describe('shownValue / named', () => {
  it('quotes ordinary values and says (unset) for a missing one', () => {
    expect(shownValue('HTTP_PORT', 3000)).toBe('"3000"');
    expect(shownValue('PUBLIC_URL', undefined)).toBe('(unset)');
    expect(named('LOG_LEVEL', 'debug')).toBe('LOG_LEVEL="debug"');
  });

  it('masks secrets by name, showing only their length', () => {
    expect(shownValue('SLACK_BOT_TOKEN', 'xoxb-1234')).toBe('[masked, 9 chars]');
    expect(shownValue('TIKTOK_SECRET', 'abc')).toBe('[masked, 3 chars]');
    expect(shownValue('GEMINI_API_KEY', 'k'.repeat(39))).toBe('[masked, 39 chars]');
    expect(named('REDIS_PASSWORD', 'hunter2')).toBe('REDIS_PASSWORD=[masked, 7 chars]');
  });

  it("replaces a Redis URL's password", () => {
    const shown = shownValue('REDIS_URL', 'redis://:hunter2@redis.internal:6379');
    expect(shown).not.toContain('hunter2');
    expect(shown).toContain('redis.internal:6379');
  });
});

describe('unworkableSettings', () => {
  it('finds nothing wrong with workable settings', () => {
    expect(unworkableSettings(OK, { REDIS_URL: 'redis://localhost:6379' }, true)).toEqual([]);
  });

  it('refuses budgets out of order', () => {
    expect(
      unworkableSettings({ ...OK, MIN_DAILY_BUDGET: 1000, MAX_DAILY_BUDGET: 1000 }, {}, false),
    ).toEqual([
      'MIN_DAILY_BUDGET="1000": must be below MAX_DAILY_BUDGET="1000", or every budget is refused',
    ]);
    expect(unworkableSettings({ ...OK, DEFAULT_DAILY_BUDGET: 5000 }, {}, false)).toEqual([
      'DEFAULT_DAILY_BUDGET="5000": must not exceed MAX_DAILY_BUDGET="1000"',
    ]);
    expect(unworkableSettings({ ...OK, DEFAULT_DAILY_BUDGET: 10 }, {}, false)).toEqual([
      'DEFAULT_DAILY_BUDGET="10": must not be below MIN_DAILY_BUDGET="20"',
    ]);
  });

  it('refuses server mode without Redis unless memory state is allowed', () => {
    const { REDIS_URL: _url, ...noRedis } = OK;
    expect(unworkableSettings(noRedis, {}, true)).toEqual([
      'REDIS_URL=(unset): Slack or Discord is configured, so drafts, approvals and event claims must survive a restart; set REDIS_URL (or ALLOW_MEMORY_STATE=true to run without, losing them on every restart)',
    ]);
    expect(unworkableSettings({ ...noRedis, ALLOW_MEMORY_STATE: true }, {}, true)).toEqual([]);
    expect(unworkableSettings(noRedis, {}, false)).toEqual([]);
  });

  it.each(['localhost:6379', 'redis//localhost:6379', 'http://localhost:6379', 'redis://'])(
    'refuses REDIS_URL=%s as not a redis URL',
    (raw) => {
      const problems = unworkableSettings(OK, { REDIS_URL: raw }, false);
      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatch(
        /^REDIS_URL=.*: must be a redis:\/\/ or rediss:\/\/ URL with a host and a numeric port, e\.g\. redis:\/\/localhost:6379/,
      );
    },
  );

  it('accepts rediss:// and a password', () => {
    expect(
      unworkableSettings(OK, { REDIS_URL: 'rediss://:pw@cache.example.com:6380' }, false),
    ).toEqual([]);
  });

  it('refuses a base URL that is not http(s), naming each, and ignores blank ones', () => {
    expect(BASE_URL_SETTINGS).toEqual([
      'TIKTOK_BASE_URL',
      'TIKTOK_PORTAL_URL',
      'GEMINI_BASE_URL',
      'SLACK_API_URL',
      'DISCORD_API_URL',
    ]);
    expect(
      unworkableSettings(
        OK,
        {
          TIKTOK_BASE_URL: 'business-api.tiktok.com',
          GEMINI_BASE_URL: 'ftp://gemini.example',
          SLACK_API_URL: '  ',
          DISCORD_API_URL: 'https://discord.com/api',
        },
        false,
      ),
    ).toEqual([
      'TIKTOK_BASE_URL="business-api.tiktok.com": must be an http:// or https:// URL',
      'GEMINI_BASE_URL="ftp://gemini.example": must be an http:// or https:// URL',
    ]);
  });
});
