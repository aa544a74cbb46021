import { authorizationPage, chooseAccountAccess } from '../../src/app/account-access';
import { loadConfig } from '../../src/app/config';
import { PinoAuditLog } from '../../src/auth/audit';
import { EMULATOR_PORTAL_PATH } from '../../src/http/emulator-portal';
import { createHttpServer } from '../../src/http/server';
import { Keys } from '../../src/store/keys';
import { InMemoryStateStore } from '../../src/store/memory-state-store';
import { TikTokClient } from '../../src/tiktok/client';
import { LogCapture } from '../auth/linking-support';

const LINK_BASE = 'https://ads-bot.example.com';

function options(env: NodeJS.ProcessEnv, logs = new LogCapture('warn')) {
  const config = loadConfig({ METRICS: 'off', ...env });
  const tiktok = {
    client: new TikTokClient({ baseUrl: 'http://127.0.0.1:9', logger: logs.logger }),
    baseUrl: 'http://127.0.0.1:9',
  };
  return {
    config,
    tiktok,
    store: new InMemoryStateStore(),
    keys: new Keys('test:'),
    logger: logs.logger,
    http: createHttpServer({ logger: logs.logger }),
    linkBase: LINK_BASE,
    audit: new PinoAuditLog(logs.logger),
    onLinked: () => {},
  };
}

describe('chooseAccountAccess', () => {
  it('gives everyone the configured advertiser when a token and advertiser id are set', async () => {
    const accounts = chooseAccountAccess(
      options({
        TIKTOK_EMULATOR: 'off',
        TIKTOK_BASE_URL: 'http://127.0.0.1:9',
        TIKTOK_ACCESS_TOKEN: 'tok',
        TIKTOK_ADVERTISER_ID: '7000000000000001',
      }),
    );
    expect(accounts.description).toBe('advertiser 7000000000000001 for everyone');
    const access = await accounts.access.resolve({
      platform: 'slack',
      workspace_id: 'T1',
      user_id: 'U1',
    } as never);
    expect(access).toEqual({ access_token: 'tok', advertiser_ids: ['7000000000000001'] });
  });

  it('otherwise links each user, warning when tokens would be sealed with a throwaway key', () => {
    const logs = new LogCapture('warn');
    const accounts = chooseAccountAccess(options({}, logs));
    expect(accounts.description).toBe(
      `each user links TikTok at ${LINK_BASE} (throwaway token key)`,
    );
    expect(accounts.access.linking).toBeDefined();
    expect(logs.lines.join('\n')).toContain(
      'TOKEN_ENCRYPTION_KEYS is not set: linked tokens are sealed with a throwaway key',
    );
  });
});

describe('authorizationPage', () => {
  const config = { TIKTOK_PORTAL_URL: 'https://business-api.tiktok.com/portal/auth' };

  it("is TikTok's portal against real TikTok", () => {
    expect(
      authorizationPage({ ...config, PUBLIC_URL: undefined }, { baseUrl: 'https://x' }, LINK_BASE),
    ).toBe('https://business-api.tiktok.com/portal/auth');
  });

  it("is the emulator's page on the bot's public server, or on the emulator's loopback port", () => {
    const emulator = { emulator: {} as never, baseUrl: 'http://127.0.0.1:4567' };
    expect(authorizationPage({ ...config, PUBLIC_URL: LINK_BASE }, emulator, LINK_BASE)).toBe(
      `${LINK_BASE}${EMULATOR_PORTAL_PATH}`,
    );
    expect(authorizationPage({ ...config, PUBLIC_URL: undefined }, emulator, LINK_BASE)).toBe(
      'http://127.0.0.1:4567/portal/auth',
    );
  });
});
