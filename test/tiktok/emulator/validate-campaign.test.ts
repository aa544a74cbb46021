import { EmulatorError } from '../../../src/tiktok/emulator/envelope';
import type { Params } from '../../../src/tiktok/emulator/rules';
import { validateCampaign } from '../../../src/tiktok/emulator/validate-campaign';

/** A campaign/create/ body that passes, changed by `overrides` (undefined removes a field). */
function body(overrides: Params = {}): Params {
  const base: Params = {
    campaign_name: 'Summer sale',
    objective_type: 'TRAFFIC',
    budget_mode: 'BUDGET_MODE_DAY',
    budget: 50,
  };
  return Object.fromEntries(
    Object.entries({ ...base, ...overrides }).filter(([, v]) => v !== undefined),
  );
}

/** The code and message `validateCampaign` throws for `params`. */
function rejection(params: Params, currency = 'USD'): { code: number; message: string } {
  try {
    validateCampaign(params, currency);
  } catch (error) {
    if (error instanceof EmulatorError) return { code: error.tiktok_code, message: error.message };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('validateCampaign', () => {
  it('returns the checked fields with TikTok defaults (ENABLE, CBO on)', () => {
    expect(validateCampaign(body({ request_id: '123' }), 'USD')).toEqual({
      campaign_name: 'Summer sale',
      objective_type: 'TRAFFIC',
      budget_mode: 'BUDGET_MODE_DAY',
      budget: 50,
      operation_status: 'ENABLE',
      budget_optimize_on: true,
      request_id: '123',
    });
  });

  it.each([
    [{ campaign_name: undefined }, 'Missing required field(s): campaign_name.'],
    [{ budget_mode: undefined }, 'Missing required field(s): budget_mode.'],
    [
      { objective_type: 'SALES' },
      'objective_type: invalid value "SALES". Allowed values: TRAFFIC, WEB_CONVERSIONS, APP_PROMOTION, REACH, VIDEO_VIEWS, ENGAGEMENT, LEAD_GENERATION, PRODUCT_SALES, RF_REACH, BRAND_CONSIDERATION.',
    ],
    [
      { objective_type: 'RF_REACH', budget_mode: 'BUDGET_MODE_DAY' },
      'budget_mode: RF_REACH campaigns only accept BUDGET_MODE_INFINITE.',
    ],
    [{ budget: 49 }, 'budget: the daily budget must be at least 50 USD.'],
    [{ budget: 10_000_000 }, 'budget: must be less than 10000000 USD.'],
    [{ budget_optimize_on: 'yes' }, 'budget_optimize_on: must be a boolean.'],
    [
      { budget_mode: 'BUDGET_MODE_INFINITE', budget: undefined },
      'budget_mode: BUDGET_MODE_INFINITE is not allowed with Campaign Budget Optimization (budget_optimize_on defaults to true); send budget_optimize_on: false to budget on the ad groups.',
    ],
    [{ request_id: 'abc' }, 'request_id: must be a string holding a 64-bit integer.'],
  ])('refuses %j with 40002 and TikTok-style wording', (overrides, message) => {
    expect(rejection(body(overrides))).toEqual({ code: 40002, message });
  });

  it('scales the budget floor by the currency ratio', () => {
    expect(rejection(body({ budget: 4999 }), 'JPY')).toEqual({
      code: 40002,
      message: 'budget: the daily budget must be at least 5000 JPY.',
    });
    expect(validateCampaign(body({ budget: 5000 }), 'JPY').budget).toBe(5000);
  });

  it('lets an INFINITE budget through once CBO is off, with budget 0', () => {
    const input = validateCampaign(
      body({ budget_mode: 'BUDGET_MODE_INFINITE', budget: undefined, budget_optimize_on: false }),
      'USD',
    );
    expect(input).toMatchObject({ budget_mode: 'BUDGET_MODE_INFINITE', budget: 0 });
  });
});
