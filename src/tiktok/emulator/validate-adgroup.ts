/**
 * adgroup/create/ validation, as TikTok answers it: 40002 naming the field, 40007 for an unknown
 * campaign or pixel. Sources per rule below (`SDK` = tiktok/tiktok-business-api-sdk, `bububa` =
 * bububa/tiktok-business), summarised in docs/tiktok-api.md §6; the website-conversion
 * rules from TikTok "Create Website Conversions ads" (doc 1775548501843970).
 */
import { paramError } from './envelope';
import { CURRENCY_RATIO } from './fixtures';
import {
  ADGROUP_BUDGET_MODES,
  BID_TYPES,
  BILLING_EVENTS,
  checkEnum,
  checkText,
  isInt64String,
  notExist,
  OPERATION_STATUSES,
  OPTIMIZATION_EVENTS,
  OPTIMIZATION_GOALS,
  optNumber,
  optString,
  optStringArray,
  PACINGS,
  type Params,
  PLACEMENT_TYPES,
  PLACEMENTS,
  PROMOTION_TYPES,
  parseTikTokTime,
  reqString,
  requireFields,
  SCHEDULE_TYPES,
} from './rules';

/** What the ad group is checked against: its campaign and the advertiser's account. */
export interface AdGroupContext {
  /** The campaign the body's `campaign_id` names, or undefined when it does not exist. */
  campaign: { objective_type: string; budget_optimize_on: boolean } | undefined;
  currency: string;
  pixelExists: (pixel_id: string) => boolean;
}

/**
 * Goals billed per click vs. by optimized CPM. Source: TikTok "Create Website Conversions ads"
 * (doc 1775548501843970) goal/billing table, docs/tiktok-api.md §6. Other goals: not checked.
 */
const BILLING_FOR_GOAL: Readonly<Record<string, string>> = {
  CLICK: 'CPC',
  CONVERT: 'OCPM',
  VALUE: 'OCPM',
  AUTOMATIC_VALUE_OPTIMIZATION: 'OCPM',
  TRAFFIC_LANDING_PAGE_VIEW: 'OCPM',
};

/** Max `location_ids` + `zipcode_ids` per ad group (bububa model/adgroup/create.go). */
export const MAX_LOCATION_IDS = 3000;

/**
 * Objectives whose ad groups need no `promotion_type`. Source: SDK
 * js_sdk/docs/AdgroupCreateBody.md at c3a04b9, `promotion_type`.
 */
const NO_PROMOTION_TYPE = new Set(['REACH', 'VIDEO_VIEWS', 'ENGAGEMENT']);

/**
 * The placements `PLACEMENT_TYPE_AUTOMATIC` resolves to in the response. Our choice; TikTok's
 * actual list depends on the account (UNCONFIRMED, docs/tiktok-api.md §6).
 */
export const AUTOMATIC_PLACEMENTS = [
  'PLACEMENT_TIKTOK',
  'PLACEMENT_PANGLE',
  'PLACEMENT_GLOBAL_APP_BUNDLE',
];

/** The campaign an ad group goes into, once known to exist. */
type KnownCampaign = NonNullable<AdGroupContext['campaign']>;

/**
 * Checks an adgroup/create/ body; returns the ad group object fields to store (without ids).
 * Throws 40002 (field problems) or 40007 (unknown campaign_id / pixel_id). The steps run in
 * this order, so the first problem found is the one TikTok's answer names.
 */
export function validateAdGroup(body: Params, ctx: AdGroupContext): Record<string, unknown> {
  // Required (the SDK's python_sdk/business_api_client/models/adgroup_create_body.py setters
  // reject None): campaign_id, adgroup_name, schedule_type, schedule_start_time,
  // optimization_goal, billing_event; budget, budget_mode and pacing below (not under CBO).
  requireFields(body, [
    'campaign_id',
    'adgroup_name',
    'schedule_type',
    'schedule_start_time',
    'optimization_goal',
    'billing_event',
  ]);
  const campaign_id = reqString(body, 'campaign_id');
  const campaign = ctx.campaign;
  if (!campaign) notExist('campaign_id', campaign_id);
  const adgroup_name = reqString(body, 'adgroup_name');
  // ≤ 512, no emoji: SDK js_sdk/docs/AdgroupCreateBody.md at c3a04b9, `adgroup_name`.
  checkText(adgroup_name, 'adgroup_name', 1, 512);
  const promotion_type = promotionType(body, campaign);
  const placement = placementsOf(body);
  const location_ids = locationIds(body);
  const budget = adGroupBudget(body, campaign, ctx.currency);
  const schedule = scheduleOf(body, budget.budget_mode);
  const optimization = optimizationOf(body, ctx);
  const bid_type = bidType(body, optimization.billing_event);
  const pacing = pacingOf(body, campaign, bid_type);
  const operation_status =
    checkEnum(optString(body, 'operation_status'), OPERATION_STATUSES, 'operation_status') ??
    'ENABLE';
  // request_id: int64 in a string (SDK yml `x-open-convert: int64(%s)`).
  if (body.request_id !== undefined && !isInt64String(body.request_id)) {
    paramError('request_id: must be a string holding a 64-bit integer.');
  }
  return {
    campaign_id,
    adgroup_name,
    promotion_type: promotion_type ?? null,
    ...placement,
    location_ids,
    budget_mode: budget.budget_mode ?? null,
    budget: budget.budget ?? 0,
    ...schedule,
    optimization_goal: optimization.optimization_goal,
    billing_event: optimization.billing_event,
    bid_type,
    pacing,
    pixel_id: optimization.pixel_id ?? null,
    optimization_event: optimization.optimization_event ?? null,
    operation_status,
    dayparting: '1'.repeat(336),
  };
}

/** `promotion_type`: required unless the campaign's objective is in {@link NO_PROMOTION_TYPE}. */
function promotionType(body: Params, campaign: KnownCampaign): string | undefined {
  const promotion_type = checkEnum(
    optString(body, 'promotion_type'),
    PROMOTION_TYPES,
    'promotion_type',
  );
  if (!promotion_type && !NO_PROMOTION_TYPE.has(campaign.objective_type)) {
    paramError(
      `Missing required field(s): promotion_type (required for ${campaign.objective_type} campaigns).`,
    );
  }
  return promotion_type;
}

/**
 * `placement_type` (default NORMAL, which needs `placements`: SDK
 * js_sdk/docs/AdgroupCreateBody.md at c3a04b9, "Required when placement_type is
 * PLACEMENT_TYPE_NORMAL") and the placements stored: {@link AUTOMATIC_PLACEMENTS} under
 * AUTOMATIC.
 */
function placementsOf(body: Params): { placement_type: string; placements: string[] } {
  const placement_type =
    checkEnum(optString(body, 'placement_type'), PLACEMENT_TYPES, 'placement_type') ??
    'PLACEMENT_TYPE_NORMAL';
  const placements = optStringArray(body, 'placements');
  for (const p of placements ?? []) checkEnum(p, PLACEMENTS, 'placements');
  if (placement_type === 'PLACEMENT_TYPE_NORMAL' && (!placements || placements.length === 0)) {
    paramError(
      'Missing required field(s): placements (required when placement_type is PLACEMENT_TYPE_NORMAL).',
    );
  }
  if (placement_type === 'PLACEMENT_TYPE_AUTOMATIC') {
    return { placement_type, placements: [...AUTOMATIC_PLACEMENTS] };
  }
  return { placement_type, placements: placements ?? [] };
}

/**
 * At least one of `location_ids` / `zipcode_ids`, at most {@link MAX_LOCATION_IDS} together.
 * Source: SDK js_sdk/docs/AdgroupCreateBody.md at c3a04b9 (`location_ids` [required]); the
 * 3,000 cap: bububa/tiktok-business model/adgroup/create.go, `LocationIDs` comment.
 * @returns the `location_ids` stored (empty when only zip codes are sent).
 */
function locationIds(body: Params): string[] {
  const location_ids = optStringArray(body, 'location_ids');
  const zipcode_ids = optStringArray(body, 'zipcode_ids');
  const targeted = (location_ids?.length ?? 0) + (zipcode_ids?.length ?? 0);
  if (targeted === 0) {
    paramError('Missing required field(s): location_ids.');
  }
  if (targeted > MAX_LOCATION_IDS) {
    paramError(
      `location_ids: at most ${MAX_LOCATION_IDS} location_ids and zipcode_ids together (got ${targeted}).`,
    );
  }
  return location_ids ?? [];
}

/**
 * Budget: ignored under campaign budget optimization (CBO, both fields then undefined),
 * required otherwise (SDK js_sdk/docs/AdgroupCreateBody.md at c3a04b9, `budget`). Daily
 * minimum 20 × currency ratio, < 10,000,000 × ratio: TikTok "Budget verification ratio" (doc
 * 1737585839634433). `budget` in `currency` units.
 */
function adGroupBudget(
  body: Params,
  campaign: KnownCampaign,
  currency: string,
): { budget_mode: string | undefined; budget: number | undefined } {
  const budget_mode = checkEnum(
    optString(body, 'budget_mode'),
    ADGROUP_BUDGET_MODES,
    'budget_mode',
  );
  const budget = optNumber(body, 'budget');
  if (campaign.budget_optimize_on) return { budget_mode: undefined, budget: undefined };
  const ratio = CURRENCY_RATIO[currency] ?? 1;
  requireFields(body, ['budget_mode', 'budget']);
  if (budget === undefined || budget <= 0) paramError('budget: must be greater than 0.');
  if (budget_mode !== 'BUDGET_MODE_TOTAL' && budget < 20 * ratio) {
    paramError(`budget: the daily budget must be at least ${20 * ratio} ${currency}.`);
  }
  if (budget >= 10_000_000 * ratio) {
    paramError(`budget: must be less than ${10_000_000 * ratio} ${currency}.`);
  }
  return { budget_mode, budget };
}

/**
 * `schedule_type` and its times. `schedule_end_time` is required for SCHEDULE_START_END or a
 * TOTAL budget: SDK js_sdk/docs/AdgroupCreateBody.md at c3a04b9, `schedule_end_time`. "Later
 * than the start" is our check (UNCONFIRMED wording).
 */
function scheduleOf(
  body: Params,
  budget_mode: string | undefined,
): {
  schedule_type: string | undefined;
  schedule_start_time: unknown;
  schedule_end_time: string | null;
} {
  const schedule_type = checkEnum(
    reqString(body, 'schedule_type'),
    SCHEDULE_TYPES,
    'schedule_type',
  );
  const start = parseTikTokTime(reqString(body, 'schedule_start_time'), 'schedule_start_time');
  const endText = optString(body, 'schedule_end_time');
  if (schedule_type === 'SCHEDULE_START_END') {
    if (!endText) {
      paramError('Missing required field(s): schedule_end_time (required for SCHEDULE_START_END).');
    }
    if (parseTikTokTime(endText, 'schedule_end_time') <= start) {
      paramError('schedule_end_time: must be later than schedule_start_time.');
    }
  }
  if (budget_mode === 'BUDGET_MODE_TOTAL' && schedule_type === 'SCHEDULE_FROM_NOW') {
    paramError('schedule_type: BUDGET_MODE_TOTAL requires SCHEDULE_START_END.');
  }
  return {
    schedule_type,
    schedule_start_time: body.schedule_start_time,
    schedule_end_time: endText ?? null,
  };
}

/**
 * `optimization_goal` with the `billing_event` it is billed by ({@link BILLING_FOR_GOAL}), and
 * the conversion it optimizes for: CONVERT needs `pixel_id` + `optimization_event` ("Create
 * Website Conversions ads", doc 1775548501843970). An unknown pixel → 40007 is our choice of
 * code (UNCONFIRMED).
 */
function optimizationOf(
  body: Params,
  ctx: AdGroupContext,
): {
  optimization_goal: string;
  billing_event: string;
  pixel_id: string | undefined;
  optimization_event: string | undefined;
} {
  const optimization_goal = checkEnum(
    reqString(body, 'optimization_goal'),
    OPTIMIZATION_GOALS,
    'optimization_goal',
  ) as string;
  const billing_event = checkEnum(
    reqString(body, 'billing_event'),
    BILLING_EVENTS,
    'billing_event',
  ) as string;
  const expectedBilling = BILLING_FOR_GOAL[optimization_goal];
  if (expectedBilling && billing_event !== expectedBilling) {
    paramError(
      `billing_event: optimization_goal ${optimization_goal} requires billing_event ${expectedBilling}, got ${billing_event}.`,
    );
  }
  const pixel_id = optString(body, 'pixel_id');
  const optimization_event = checkEnum(
    optString(body, 'optimization_event'),
    OPTIMIZATION_EVENTS,
    'optimization_event',
  );
  if (optimization_goal === 'CONVERT' && (!pixel_id || !optimization_event)) {
    paramError(
      'Missing required field(s): pixel_id, optimization_event (required when optimization_goal is CONVERT).',
    );
  }
  if (pixel_id !== undefined && !ctx.pixelExists(pixel_id)) notExist('pixel_id', pixel_id);
  return { optimization_goal, billing_event, pixel_id, optimization_event };
}

/**
 * `bid_type` (default NO_BID). BID_TYPE_CUSTOM needs `bid_price` (CPC/CPM/CPV) or
 * `conversion_bid_price` (OCPM): SDK js_sdk/docs/AdgroupCreateBody.md at c3a04b9,
 * `conversion_bid_price`; bububa model/adgroup/create.go `BidPrice`.
 */
function bidType(body: Params, billing_event: string): string {
  const bid_type =
    checkEnum(optString(body, 'bid_type'), BID_TYPES, 'bid_type') ?? 'BID_TYPE_NO_BID';
  if (bid_type === 'BID_TYPE_CUSTOM') {
    const priceField = billing_event === 'OCPM' ? 'conversion_bid_price' : 'bid_price';
    const price = optNumber(body, priceField);
    if (price === undefined || price <= 0) {
      paramError(`Missing required field(s): ${priceField} (required with BID_TYPE_CUSTOM).`);
    }
  }
  return bid_type;
}

/**
 * `pacing`: required unless CBO is on (then TikTok forces PACING_MODE_SMOOTH). Source: SDK
 * python_sdk/business_api_client/models/adgroup_create_body.py (`pacing` setter rejects None),
 * js_sdk/docs/AdgroupCreateBody.md at c3a04b9 ("Otherwise, this field is required"), bububa
 * model/adgroup/create.go `Pacing`. FAST only with BID_TYPE_CUSTOM: docs/tiktok-api.md §6;
 * neither SDK's pacing text says so, so that rule is UNCONFIRMED.
 */
function pacingOf(body: Params, campaign: KnownCampaign, bid_type: string): string {
  if (!campaign.budget_optimize_on) requireFields(body, ['pacing']);
  const pacing = campaign.budget_optimize_on
    ? 'PACING_MODE_SMOOTH'
    : (checkEnum(optString(body, 'pacing'), PACINGS, 'pacing') as string);
  if (pacing === 'PACING_MODE_FAST' && bid_type !== 'BID_TYPE_CUSTOM') {
    paramError('pacing: PACING_MODE_FAST is only available with BID_TYPE_CUSTOM.');
  }
  return pacing;
}
