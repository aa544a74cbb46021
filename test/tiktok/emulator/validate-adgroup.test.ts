import { EmulatorError } from '../../../src/tiktok/emulator/envelope';
import type { Params } from '../../../src/tiktok/emulator/rules';
import {
  type AdGroupContext,
  AUTOMATIC_PLACEMENTS,
  validateAdGroup,
} from '../../../src/tiktok/emulator/validate-adgroup';

const NO_CBO: AdGroupContext = {
  campaign: { objective_type: 'TRAFFIC', budget_optimize_on: false },
  currency: 'USD',
  pixelExists: (pixel_id) => pixel_id === 'px_1',
};

/** An adgroup/create/ body that passes under {@link NO_CBO}; undefined removes a field. */
function body(overrides: Params = {}): Params {
  const base: Params = {
    campaign_id: '1800000000000001',
    adgroup_name: 'Summer ad group',
    promotion_type: 'WEBSITE',
    placement_type: 'PLACEMENT_TYPE_NORMAL',
    placements: ['PLACEMENT_TIKTOK'],
    location_ids: ['6252001'],
    budget_mode: 'BUDGET_MODE_DAY',
    budget: 20,
    schedule_type: 'SCHEDULE_FROM_NOW',
    schedule_start_time: '2030-01-01 00:00:00',
    optimization_goal: 'CLICK',
    billing_event: 'CPC',
    pacing: 'PACING_MODE_SMOOTH',
  };
  return Object.fromEntries(
    Object.entries({ ...base, ...overrides }).filter(([, v]) => v !== undefined),
  );
}

/** The code and message `validateAdGroup` throws. */
function rejection(
  params: Params,
  ctx: AdGroupContext = NO_CBO,
): { code: number; message: string } {
  try {
    validateAdGroup(params, ctx);
  } catch (error) {
    if (error instanceof EmulatorError) return { code: error.tiktok_code, message: error.message };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('validateAdGroup', () => {
  it('returns the stored fields, in TikTok order, with defaults filled in', () => {
    const fields = validateAdGroup(body(), NO_CBO);
    expect(Object.keys(fields)).toEqual([
      'campaign_id',
      'adgroup_name',
      'promotion_type',
      'placement_type',
      'placements',
      'location_ids',
      'budget_mode',
      'budget',
      'schedule_type',
      'schedule_start_time',
      'schedule_end_time',
      'optimization_goal',
      'billing_event',
      'bid_type',
      'pacing',
      'pixel_id',
      'optimization_event',
      'operation_status',
      'dayparting',
    ]);
    expect(fields).toMatchObject({
      budget: 20,
      bid_type: 'BID_TYPE_NO_BID',
      schedule_end_time: null,
      pixel_id: null,
      operation_status: 'ENABLE',
    });
  });

  it('under CBO drops the ad group budget and forces smooth pacing', () => {
    const fields = validateAdGroup(
      body({ budget: undefined, budget_mode: undefined, pacing: undefined }),
      {
        ...NO_CBO,
        campaign: { objective_type: 'TRAFFIC', budget_optimize_on: true },
      },
    );
    expect(fields).toMatchObject({ budget_mode: null, budget: 0, pacing: 'PACING_MODE_SMOOTH' });
  });

  it('resolves PLACEMENT_TYPE_AUTOMATIC to the automatic placements', () => {
    const fields = validateAdGroup(
      body({ placement_type: 'PLACEMENT_TYPE_AUTOMATIC', placements: undefined }),
      NO_CBO,
    );
    expect(fields.placements).toEqual(AUTOMATIC_PLACEMENTS);
  });

  it('answers 40007 for an unknown campaign and an unknown pixel', () => {
    expect(rejection(body(), { ...NO_CBO, campaign: undefined })).toEqual({
      code: 40007,
      message: 'campaign_id: 1800000000000001 does not exist.',
    });
    expect(
      rejection(
        body({
          optimization_goal: 'CONVERT',
          billing_event: 'OCPM',
          pixel_id: 'px_9',
          optimization_event: 'SHOPPING',
        }),
      ),
    ).toEqual({ code: 40007, message: 'pixel_id: px_9 does not exist.' });
  });

  it.each([
    [
      { promotion_type: undefined },
      'Missing required field(s): promotion_type (required for TRAFFIC campaigns).',
    ],
    [
      { placements: undefined },
      'Missing required field(s): placements (required when placement_type is PLACEMENT_TYPE_NORMAL).',
    ],
    [{ location_ids: undefined }, 'Missing required field(s): location_ids.'],
    [{ budget: 19 }, 'budget: the daily budget must be at least 20 USD.'],
    [
      { schedule_type: 'SCHEDULE_START_END' },
      'Missing required field(s): schedule_end_time (required for SCHEDULE_START_END).',
    ],
    [
      { schedule_type: 'SCHEDULE_START_END', schedule_end_time: '2029-12-31 00:00:00' },
      'schedule_end_time: must be later than schedule_start_time.',
    ],
    [
      { budget_mode: 'BUDGET_MODE_TOTAL' },
      'schedule_type: BUDGET_MODE_TOTAL requires SCHEDULE_START_END.',
    ],
    [
      { schedule_start_time: '2030-01-01T00:00:00Z' },
      'schedule_start_time: Time format should be %Y-%m-%d %H:%M:%S. Please try again.',
    ],
    [
      { billing_event: 'OCPM' },
      'billing_event: optimization_goal CLICK requires billing_event CPC, got OCPM.',
    ],
    [
      { optimization_goal: 'CONVERT', billing_event: 'OCPM' },
      'Missing required field(s): pixel_id, optimization_event (required when optimization_goal is CONVERT).',
    ],
    [
      { bid_type: 'BID_TYPE_CUSTOM' },
      'Missing required field(s): bid_price (required with BID_TYPE_CUSTOM).',
    ],
    [
      { pacing: 'PACING_MODE_FAST' },
      'pacing: PACING_MODE_FAST is only available with BID_TYPE_CUSTOM.',
    ],
    [{ request_id: 12 }, 'request_id: must be a string holding a 64-bit integer.'],
  ])('refuses %j with 40002 and the exact message', (overrides, message) => {
    expect(rejection(body(overrides))).toEqual({ code: 40002, message });
  });

  it('caps location_ids and zipcode_ids at 3000 together', () => {
    const ids = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
    expect(rejection(body({ location_ids: ids(2000, 'l'), zipcode_ids: ids(1001, 'z') }))).toEqual({
      code: 40002,
      message: 'location_ids: at most 3000 location_ids and zipcode_ids together (got 3001).',
    });
  });
});
