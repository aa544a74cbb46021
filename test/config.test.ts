import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, linkingMode, loadConfig } from '../src/app/config';
import { engineSettingsFrom } from '../src/app/engine-settings';
import { tokenKey } from './auth/linking-support';

const REAL_TIKTOK = { TIKTOK_BASE_URL: 'https://business-api.tiktok.com' };
const OAUTH = {
  TIKTOK_APP_ID: '7123',
  TIKTOK_SECRET: 'app-secret-value',
  TIKTOK_REDIRECT_URI: 'https://bot.example.com/oauth/tiktok/callback',
  TOKEN_ENCRYPTION_KEYS: tokenKey(1),
};

function error(env: NodeJS.ProcessEnv): string {
  try {
    loadConfig(env);
  } catch (e) {
    if (e instanceof ConfigError) return e.message;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('settings for TikTok accounts', () => {
  it('with no settings: the emulator, where users link against it', () => {
    expect(linkingMode(loadConfig({}))).toBe('emulator');
  });

  it('real TikTok with per-user linking needs the app id, secret, redirect URI and key', () => {
    expect(linkingMode(loadConfig({ ...REAL_TIKTOK, ...OAUTH }))).toBe('oauth');
    for (const name of Object.keys(OAUTH).filter((n) => n !== 'TIKTOK_APP_ID')) {
      const env: NodeJS.ProcessEnv = { ...REAL_TIKTOK, ...OAUTH };
      delete env[name];
      expect(error(env)).toContain(`${name}: required for account linking`);
    }
  });

  it('real TikTok with nothing configured names both ways to run', () => {
    const message = error(REAL_TIKTOK);
    expect(message).toContain(
      'TIKTOK_APP_ID, TIKTOK_SECRET, TIKTOK_REDIRECT_URI, TOKEN_ENCRYPTION_KEYS',
    );
    expect(message).toContain('TIKTOK_ACCESS_TOKEN and TIKTOK_ADVERTISER_ID');
  });

  it('one configured account for everyone is still possible', () => {
    const config = loadConfig({
      ...REAL_TIKTOK,
      TIKTOK_ACCESS_TOKEN: 'tok',
      TIKTOK_ADVERTISER_ID: '123',
    });
    expect(linkingMode(config)).toBe('static');
  });

  it('a malformed key is refused without echoing it', () => {
    const bad = 'v1:c2VjcmV0LWtleS1tYXRlcmlhbA==';
    const message = error({ TOKEN_ENCRYPTION_KEYS: bad });
    expect(message).toContain('TOKEN_ENCRYPTION_KEYS: Token key entry 1 must look like');
    expect(message).not.toContain('c2VjcmV0');
    const short = `1:${Buffer.alloc(16).toString('base64')}`;
    expect(error({ TOKEN_ENCRYPTION_KEYS: short })).toContain('must decode to 32 bytes (got 16)');
  });

  it('a redirect URI must be an http(s) URL', () => {
    expect(error({ ...REAL_TIKTOK, ...OAUTH, TIKTOK_REDIRECT_URI: 'ftp://x/cb' })).toContain(
      'TIKTOK_REDIRECT_URI',
    );
  });
});

describe('TIKTOK_IDENTITY_AVATAR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'avatar-'));
  const pngHeader = (w: number, h: number) => {
    const ihdr = Buffer.alloc(25);
    ihdr.writeUInt32BE(13, 0);
    ihdr.write('IHDR', 4, 'latin1');
    ihdr.writeUInt32BE(w, 8);
    ihdr.writeUInt32BE(h, 12);
    return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), ihdr, Buffer.alloc(16)]);
  };

  it('accepts a square PNG and refuses at start-up what TikTok would refuse', () => {
    const square = join(dir, 'square.png');
    const wide = join(dir, 'wide.png');
    writeFileSync(square, pngHeader(200, 200));
    writeFileSync(wide, pngHeader(300, 200));
    expect(loadConfig({ TIKTOK_IDENTITY_AVATAR: square }).TIKTOK_IDENTITY_AVATAR).toBe(square);
    expect(error({ TIKTOK_IDENTITY_AVATAR: wide })).toMatch(
      /TIKTOK_IDENTITY_AVATAR: .*300x200; the identity avatar must be square/,
    );
    expect(error({ TIKTOK_IDENTITY_AVATAR: join(dir, 'missing.png') })).toContain('cannot read');
  });
});

describe('approval and guard settings', () => {
  it('defaults: no approvers list, no caps or quotas, messages up to 2000 characters', () => {
    const settings = engineSettingsFrom(loadConfig({}), 'slack');
    expect(settings.approvers).toEqual([]);
    expect(settings.guards).toEqual({
      workspace_daily_budget_cap: null,
      llm_calls_per_user_per_hour: null,
      llm_calls_per_workspace_per_hour: null,
      max_message_chars: 2000,
    });
  });

  it('reads APPROVERS as a list and the limits as numbers', () => {
    const settings = engineSettingsFrom(
      loadConfig({
        APPROVERS: 'U0ANA, S0LEADS 1234567890123456789',
        WORKSPACE_DAILY_BUDGET_CAP: '5000',
        LLM_CALLS_PER_USER_PER_HOUR: '60',
        LLM_CALLS_PER_WORKSPACE_PER_HOUR: '600',
        MAX_MESSAGE_CHARS: '4000',
      }),
      'discord',
    );
    expect(settings.approvers).toEqual(['U0ANA', 'S0LEADS', '1234567890123456789']);
    expect(settings.guards).toEqual({
      workspace_daily_budget_cap: 5000,
      llm_calls_per_user_per_hour: 60,
      llm_calls_per_workspace_per_hour: 600,
      max_message_chars: 4000,
    });
  });

  it('refuses a cap or quota that is not a positive number, naming the variable', () => {
    expect(() => loadConfig({ WORKSPACE_DAILY_BUDGET_CAP: '-5' })).toThrow(
      /WORKSPACE_DAILY_BUDGET_CAP/,
    );
    expect(() => loadConfig({ LLM_CALLS_PER_USER_PER_HOUR: 'lots' })).toThrow(
      /LLM_CALLS_PER_USER_PER_HOUR/,
    );
  });
});
