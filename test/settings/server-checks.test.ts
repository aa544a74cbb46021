import {
  deploymentProblems,
  isLoopbackHost,
  publicBase,
  TIKTOK_SETTINGS_HELP,
  usesEmulator,
} from '../../src/settings/server-checks';

const REAL = {
  TIKTOK_BASE_URL: 'https://business-api.tiktok.com',
  PUBLIC_URL: 'https://ads-bot.example.com',
  TIKTOK_REDIRECT_URI: 'https://ads-bot.example.com/oauth/tiktok/callback',
  HTTP_PORT: 3000,
};

describe('usesEmulator', () => {
  it('is the emulator unless a base URL is set or it is turned off', () => {
    expect(usesEmulator({})).toBe(true);
    expect(usesEmulator({ TIKTOK_EMULATOR: 'on' })).toBe(true);
    expect(usesEmulator({ TIKTOK_EMULATOR: 'off' })).toBe(false);
    expect(usesEmulator({ TIKTOK_BASE_URL: 'https://business-api.tiktok.com' })).toBe(false);
  });
});

describe('isLoopbackHost', () => {
  it.each(['localhost', 'LOCALHOST', '127.0.0.1', '127.1.2.3', '::1', '[::1]'])(
    '%s is loopback',
    (h) => expect(isLoopbackHost(h)).toBe(true),
  );
  it.each(['0.0.0.0', '10.0.0.1', '128.0.0.1', 'example.com', '127.0.0.1.example.com'])(
    '%s is not',
    (h) => expect(isLoopbackHost(h)).toBe(false),
  );
});

describe('publicBase', () => {
  it('drops trailing slashes', () => {
    expect(publicBase('https://ads-bot.example.com///')).toBe('https://ads-bot.example.com');
    expect(publicBase('https://a.example/bot')).toBe('https://a.example/bot');
  });
});

describe('deploymentProblems', () => {
  it('finds nothing wrong with a real TikTok server set up fully', () => {
    expect(deploymentProblems(REAL, true)).toEqual([]);
    expect(
      deploymentProblems({ ...REAL, PUBLIC_URL: 'https://ads-bot.example.com/' }, true),
    ).toEqual([]);
  });

  it('lets the terminal chat run on the emulator with nothing set', () => {
    expect(deploymentProblems({}, false)).toEqual([]);
  });

  it('refuses a server that would silently use the emulator', () => {
    expect(deploymentProblems({ PUBLIC_URL: REAL.PUBLIC_URL }, true)).toEqual([
      `TIKTOK_BASE_URL=(unset): Slack or Discord is configured, so ads must go to real TikTok: ${TIKTOK_SETTINGS_HELP}`,
    ]);
    expect(
      deploymentProblems({ PUBLIC_URL: REAL.PUBLIC_URL, TIKTOK_EMULATOR: 'on' }, true),
    ).toEqual([]);
  });

  it('refuses contradicting or empty TikTok targets', () => {
    expect(deploymentProblems({ ...REAL, TIKTOK_EMULATOR: 'on' }, true)).toEqual([
      'TIKTOK_EMULATOR="on": contradicts TIKTOK_BASE_URL="https://business-api.tiktok.com"; unset one of them',
    ]);
    expect(deploymentProblems({ TIKTOK_EMULATOR: 'off' }, false)).toEqual([
      `TIKTOK_EMULATOR="off" and no TIKTOK_BASE_URL: ${TIKTOK_SETTINGS_HELP}`,
    ]);
  });

  it('needs PUBLIC_URL in server mode', () => {
    const { PUBLIC_URL: _u, TIKTOK_REDIRECT_URI: _r, ...rest } = REAL;
    expect(deploymentProblems(rest, true)).toEqual([
      "PUBLIC_URL=(unset): Slack or Discord is configured, so account links need the address users' browsers reach the bot at; set PUBLIC_URL, e.g. PUBLIC_URL=https://ads-bot.example.com",
    ]);
  });

  it('needs https for PUBLIC_URL, except http on a loopback host', () => {
    const http = deploymentProblems({ PUBLIC_URL: 'http://ads-bot.example.com' }, false);
    expect(http).toEqual([
      'PUBLIC_URL="http://ads-bot.example.com": must be an https:// URL (http:// only for a loopback address such as http://127.0.0.1:3000), since account-link pages carry OAuth codes',
    ]);
    expect(deploymentProblems({ PUBLIC_URL: 'http://127.0.0.1:3000' }, false)).toEqual([]);
    expect(deploymentProblems({ PUBLIC_URL: 'ads-bot' }, false)).toEqual([
      'PUBLIC_URL="ads-bot": must be a URL such as https://ads-bot.example.com',
    ]);
  });

  it('needs the redirect URI to be PUBLIC_URL plus the callback path', () => {
    expect(
      deploymentProblems(
        { ...REAL, TIKTOK_REDIRECT_URI: 'https://other.example/oauth/tiktok/callback' },
        true,
      ),
    ).toEqual([
      'TIKTOK_REDIRECT_URI="https://other.example/oauth/tiktok/callback": must be "https://ads-bot.example.com/oauth/tiktok/callback" (PUBLIC_URL and the callback path), also registered as the redirect URL of your TikTok app',
    ]);
  });

  it('does not also judge the redirect URI when PUBLIC_URL itself is wrong', () => {
    const problems = deploymentProblems(
      { ...REAL, PUBLIC_URL: 'http://ads-bot.example.com', TIKTOK_REDIRECT_URI: 'https://x/y' },
      true,
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^PUBLIC_URL=/);
  });

  it('refuses METRICS_PORT equal to HTTP_PORT, but not 0', () => {
    expect(deploymentProblems({ ...REAL, METRICS_PORT: 3000 }, true)).toEqual([
      'METRICS_PORT="3000": must differ from HTTP_PORT="3000", or /metrics is public again',
    ]);
    expect(deploymentProblems({ ...REAL, METRICS_PORT: 0, HTTP_PORT: 0 }, true)).toEqual([]);
  });
});
