import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DEFAULT_DRAFT_IDLE_DAYS,
  DEFAULT_GEMINI_MODEL,
  DEFAULT_HTTP_HOST,
  DEFAULT_LOG_FILE,
  DEFAULT_MAX_DAILY_BUDGET,
  DEFAULT_MAX_MESSAGE_CHARS,
  DEFAULT_MIN_DAILY_BUDGET,
  DEFAULT_SHUTDOWN_GRACE_MS,
  DEFAULT_STATE_PREFIX,
  DEFAULT_TIKTOK_LOCATION_IDS,
  DEFAULT_TIKTOK_PORTAL_URL,
  EnvSchema,
} from '../../src/app/env-schema';

/** Names declared with a `/** … *\/` docstring right above them in `file`. */
function documentedFields(file: string): Set<string> {
  const text = readFileSync(join(__dirname, '../..', file), 'utf8');
  return new Set([...text.matchAll(/\*\/\n\s+([A-Z][A-Z0-9_]+):/g)].map((m) => m[1] ?? ''));
}

describe('EnvSchema', () => {
  it('fills every default from the constant declared beside its field', () => {
    const config = EnvSchema.parse({});
    expect(config).toMatchObject({
      LOG_FILE: DEFAULT_LOG_FILE,
      STATE_PREFIX: DEFAULT_STATE_PREFIX,
      DRAFT_IDLE_DAYS: DEFAULT_DRAFT_IDLE_DAYS,
      GEMINI_MODEL: DEFAULT_GEMINI_MODEL,
      TIKTOK_LOCATION_IDS: DEFAULT_TIKTOK_LOCATION_IDS,
      TIKTOK_PORTAL_URL: DEFAULT_TIKTOK_PORTAL_URL,
      HTTP_HOST: DEFAULT_HTTP_HOST,
      DEFAULT_DAILY_BUDGET: 50,
      MAX_DAILY_BUDGET: DEFAULT_MAX_DAILY_BUDGET,
      MIN_DAILY_BUDGET: DEFAULT_MIN_DAILY_BUDGET,
      SHUTDOWN_GRACE_MS: DEFAULT_SHUTDOWN_GRACE_MS,
      MAX_MESSAGE_CHARS: DEFAULT_MAX_MESSAGE_CHARS,
      SLACK_COMMAND: '/tiktok-ad',
      METRICS: 'on',
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.HTTP_PORT).toBeUndefined();
  });

  it('documents every field where it is declared (core here, Slack and Discord in their adapters)', () => {
    const documented = new Set([
      ...documentedFields('src/app/env-schema.ts'),
      ...documentedFields('adapters/slack/settings.ts'),
      ...documentedFields('adapters/discord/settings.ts'),
    ]);
    const undocumented = Object.keys(EnvSchema.shape).filter((name) => !documented.has(name));
    expect(undocumented).toEqual([]);
    expect(Object.keys(EnvSchema.shape).length).toBeGreaterThan(55);
  });

  it('reads "none" or an empty DEFAULT_DAILY_BUDGET as "always ask"', () => {
    expect(EnvSchema.parse({ DEFAULT_DAILY_BUDGET: 'none' }).DEFAULT_DAILY_BUDGET).toBeNull();
    expect(EnvSchema.parse({ DEFAULT_DAILY_BUDGET: ' ' }).DEFAULT_DAILY_BUDGET).toBeNull();
    const refused = EnvSchema.safeParse({ DEFAULT_DAILY_BUDGET: '-5' });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['DEFAULT_DAILY_BUDGET', 'must be a positive number, or "none" to always ask'],
    ]);
  });

  it('treats an empty string as unset, and yes/1/true as true', () => {
    const config = EnvSchema.parse({
      REDIS_URL: '  ',
      ALLOW_MEMORY_STATE: 'yes',
      ALLOW_SELF_APPROVAL: '0',
    });
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.ALLOW_MEMORY_STATE).toBe(true);
    expect(config.ALLOW_SELF_APPROVAL).toBe(false);
  });

  it('refuses ports outside 0-65535 and landing-page ports that are not numbers', () => {
    const refused = EnvSchema.safeParse({ HTTP_PORT: '70000', LANDING_PAGE_PORTS: '8443, http' });
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual([
      'HTTP_PORT',
      'LANDING_PAGE_PORTS',
    ]);
    expect(EnvSchema.parse({ LANDING_PAGE_PORTS: '8443, 9443' }).LANDING_PAGE_PORTS).toBe(
      '8443, 9443',
    );
  });
});
