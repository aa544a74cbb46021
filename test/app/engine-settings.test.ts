import { loadConfig } from '../../src/app/config';
import { approversOf, EMULATOR_NOTICE, engineSettingsFrom } from '../../src/app/engine-settings';

/** Settings a Slack server may start with against the emulator. */
const SLACK_ON_EMULATOR = {
  SLACK_SIGNING_SECRET: 'secret',
  SLACK_BOT_TOKEN: 'xoxb-1',
  TIKTOK_EMULATOR: 'on',
  PUBLIC_URL: 'https://ads-bot.example.com',
  ALLOW_MEMORY_STATE: 'true',
};

describe('engineSettingsFrom', () => {
  it('carries budgets, targeting and identity from the settings', () => {
    const settings = engineSettingsFrom(
      loadConfig({
        MIN_DAILY_BUDGET: '30',
        MAX_DAILY_BUDGET: '900',
        DEFAULT_DAILY_BUDGET: 'none',
        TIKTOK_CURRENCY: 'EUR',
        TIKTOK_LOCATION_IDS: ' 6252001, 2635167 ,',
        TIKTOK_PIXEL_ID: 'px_1',
        TIKTOK_IDENTITY_NAME: 'Shop',
        LANDING_PAGE_PORTS: '8443 9443',
        DRAFT_IDLE_DAYS: '1.5',
      }),
      'slack',
    );
    expect(settings.budget).toEqual({
      min_daily: 30,
      max_daily: 900,
      default_daily: null,
      currency: 'EUR',
    });
    expect(settings.targeting).toEqual({
      location_ids: ['6252001', '2635167'],
      pixel_id: 'px_1',
      optimization_event: 'SHOPPING',
    });
    expect(settings.identity).toEqual({ display_name: 'Shop' });
    expect(settings.landing_page_ports).toEqual([8443, 9443]);
    expect(settings.draft_ttl_ms).toBe(1.5 * 24 * 60 * 60 * 1000);
  });

  it('lets the requester self-approve only in the terminal, unless ALLOW_SELF_APPROVAL says otherwise', () => {
    expect(engineSettingsFrom(loadConfig({}), 'console').allow_self_approval).toBe(true);
    expect(engineSettingsFrom(loadConfig({}), 'slack').allow_self_approval).toBe(false);
    expect(
      engineSettingsFrom(loadConfig({ ALLOW_SELF_APPROVAL: 'true' }), 'discord')
        .allow_self_approval,
    ).toBe(true);
    expect(
      engineSettingsFrom(loadConfig({ ALLOW_SELF_APPROVAL: 'false' }), 'console')
        .allow_self_approval,
    ).toBe(false);
  });

  it('says the emulator notice first in Slack and Discord threads on the emulator, never in the terminal', () => {
    expect(engineSettingsFrom(loadConfig(SLACK_ON_EMULATOR), 'slack').notice).toBe(EMULATOR_NOTICE);
    expect(engineSettingsFrom(loadConfig(SLACK_ON_EMULATOR), 'console').notice).toBeUndefined();
    expect(engineSettingsFrom(loadConfig({}), 'console').notice).toBeUndefined();
  });
});

describe('approversOf', () => {
  it('splits on commas and spaces, and is empty when unset', () => {
    expect(approversOf({ APPROVERS: 'U1,S2  123 ,' })).toEqual(['U1', 'S2', '123']);
    expect(approversOf({ APPROVERS: undefined })).toEqual([]);
  });
});
