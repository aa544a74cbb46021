/**
 * Field checks shared by the emulator's validators. Each failure is a 40002 whose message names
 * the field, the way TikTok's messages do ("Missing required field(s): account_id.").
 * Sources: 40002 = ERROR_CODE_PARAM_ERROR in the official SDK's
 * python_sdk/business_api_client/tiktok_business/tiktok_code.py; the message wording from
 * docs/tiktok-api.md §4.1 (real messages seen); each enum names its SDK / Go SDK file
 * (`SDK` = tiktok/tiktok-business-api-sdk, `bububa` = bububa/tiktok-business).
 */
import { EmulatorError, paramError } from './envelope';

/** A JSON-ish request body or query. */
export type Params = Record<string, unknown>;

/**
 * `objective_type` values creatable today. Source: SDK yml_files/smart_plus_campaign_create.yml
 * (enum package CampaignObjectiveType) and bububa enum/objective_type.go; BRAND_CONSIDERATION is
 * bububa only. Legacy values are left out (docs/tiktok-api.md §5).
 */
export const OBJECTIVE_TYPES = [
  'TRAFFIC',
  'WEB_CONVERSIONS',
  'APP_PROMOTION',
  'REACH',
  'VIDEO_VIEWS',
  'ENGAGEMENT',
  'LEAD_GENERATION',
  'PRODUCT_SALES',
  'RF_REACH',
  'BRAND_CONSIDERATION',
] as const;

/** Campaign `budget_mode` values. Source: bububa enum/budget_mode.go, model/campaign/create.go. */
export const CAMPAIGN_BUDGET_MODES = [
  'BUDGET_MODE_INFINITE',
  'BUDGET_MODE_DAY',
  'BUDGET_MODE_TOTAL',
  'BUDGET_MODE_DYNAMIC_DAILY_BUDGET',
] as const;

/**
 * Ad group `budget_mode` values (no INFINITE). Source: bububa model/adgroup/create.go
 * `BudgetMode`; SDK js_sdk/docs/AdgroupCreateBody.md at c3a04b9.
 */
export const ADGROUP_BUDGET_MODES = [
  'BUDGET_MODE_DAY',
  'BUDGET_MODE_TOTAL',
  'BUDGET_MODE_DYNAMIC_DAILY_BUDGET',
] as const;

/** `promotion_type` values. Source: bububa enum/promotion_type.go (docs/tiktok-api.md §6). */
export const PROMOTION_TYPES = [
  'WEBSITE',
  'APP_ANDROID',
  'APP_IOS',
  'GAME',
  'LEAD_GENERATION',
  'LEAD_GEN_CLICK_TO_TT_DIRECT_MESSAGE',
  'LEAD_GEN_CLICK_TO_SOCIAL_MEDIA_APP_MESSAGE',
  'LEAD_GEN_CLICK_TO_CALL',
  'WEBSITE_OR_DISPLAY',
  'TIKTOK_SHOP',
  'VIDEO_SHOPPING',
  'LIVE_SHOPPING',
  'PSA_PRODUCT',
  'EXTERNAL_OR_DISPLAY',
] as const;

/** `placement_type` values. Source: bububa enum/placement_type.go. */
export const PLACEMENT_TYPES = ['PLACEMENT_TYPE_AUTOMATIC', 'PLACEMENT_TYPE_NORMAL'] as const;
/** `placements` values (incl. deprecated ones TikTok still lists). Source: bububa enum/placement.go. */
export const PLACEMENTS = [
  'PLACEMENT_TIKTOK',
  'PLACEMENT_PANGLE',
  'PLACEMENT_GLOBAL_APP_BUNDLE',
  'PLACEMENT_TOPBUZZ',
  'PLACEMENT_HELO',
] as const;

/**
 * `optimization_goal` values. Source: SDK yml_files/smart_plus_adgroup_create.yml (enum package
 * OptimizeGoal) and bububa enum/optimization_goal.go.
 */
export const OPTIMIZATION_GOALS = [
  'CLICK',
  'CONVERT',
  'VALUE',
  'AUTOMATIC_VALUE_OPTIMIZATION',
  'INSTALL',
  'IN_APP_EVENT',
  'REACH',
  'SHOW',
  'VIDEO_VIEW',
  'ENGAGED_VIEW',
  'ENGAGED_VIEW_FIFTEEN',
  'LEAD_GENERATION',
  'CONVERSION_LEADS',
  'PREFERRED_LEAD',
  'CONVERSATION',
  'FOLLOWERS',
  'PROFILE_VIEWS',
  'PAGE_VISITS',
  'TRAFFIC_LANDING_PAGE_VIEW',
  'DESTINATION_VISIT',
  'MT_LIVE_ROOM',
  'PRODUCT_CLICK_IN_LIVE',
] as const;

/** `billing_event` values. Source: bububa enum/billing_event.go. */
export const BILLING_EVENTS = ['CPC', 'CPM', 'CPV', 'OCPM', 'GD', 'OCPC'] as const;
/** `bid_type` values. Source: bububa enum/bid_type.go. */
export const BID_TYPES = ['BID_TYPE_NO_BID', 'BID_TYPE_CUSTOM'] as const;
/** `pacing` values. Source: bububa enum/pacing_mode.go; SDK js_sdk/docs/AdgroupCreateBody.md. */
export const PACINGS = ['PACING_MODE_SMOOTH', 'PACING_MODE_FAST'] as const;
/** `schedule_type` values. Source: bububa enum/schedule_type.go (enum package ScheduleType in SDK yml). */
export const SCHEDULE_TYPES = ['SCHEDULE_FROM_NOW', 'SCHEDULE_START_END'] as const;
/** `operation_status` values. Source: bububa enum/operation_status.go. */
export const OPERATION_STATUSES = ['ENABLE', 'DISABLE'] as const;
/**
 * Website pixel `optimization_event` values. Source: bububa enum/optimization_event.go
 * (docs/tiktok-api.md §6).
 */
export const OPTIMIZATION_EVENTS = [
  'SHOPPING',
  'INITIATE_ORDER',
  'ON_WEB_CART',
  'ON_WEB_DETAIL',
  'ON_WEB_REGISTER',
  'ON_WEB_ADD_TO_WISHLIST',
  'ON_WEB_SEARCH',
  'ON_WEB_SUBSCRIBE',
  'FORM',
  'CONSULT',
  'DOWNLOAD_START',
  'ADD_BILLING',
  'BUTTON',
  'ON_WEB_ORDER',
] as const;

/** `ad_format` values. Source: bububa enum/ad_format.go; SDK js_sdk/docs/AdcreateCreatives.md. */
export const AD_FORMATS = [
  'SINGLE_VIDEO',
  'SINGLE_IMAGE',
  'CAROUSEL_ADS',
  'CATALOG_CAROUSEL',
  'LIVE_CONTENT',
] as const;

/**
 * `identity_type` values. Source: SDK yml_files/smart_plus_ad_create.yml (enum package
 * IdentityType) and bububa enum/identity_type.go.
 */
export const IDENTITY_TYPES = [
  'CUSTOMIZED_USER',
  'AUTH_CODE',
  'TT_USER',
  'BC_AUTH_TT',
  'BC_SELF_TT',
  'TTS_TT',
  'UNSET',
] as const;

/**
 * TikTok's 30 `call_to_action` values. Source: SDK yml_files/smart_plus_ad_create.yml (enum
 * package CallToAction) ∪ bububa enum/call_to_action.go (docs/tiktok-api.md §7). Kept apart
 * from the bot's own list (`src/ad/call-to-action.ts`) on purpose: the emulator stands in for
 * TikTok, so a slip in the bot's list shows up as a 40002 here instead of passing unseen.
 */
export const CALL_TO_ACTIONS = [
  'APPLY_NOW',
  'BOOK_NOW',
  'CALL_NOW',
  'CHECK_AVAILABILITY',
  'CONTACT_US',
  'DOWNLOAD_NOW',
  'EXPERIENCE_NOW',
  'GET_QUOTE',
  'GET_SHOWTIMES',
  'GET_TICKETS_NOW',
  'INSTALL_NOW',
  'INTERESTED',
  'JOIN_THIS_HASHTAG',
  'LEARN_MORE',
  'LISTEN_NOW',
  'ORDER_NOW',
  'PLAY_GAME',
  'PREORDER_NOW',
  'READ_MORE',
  'SEND_MESSAGE',
  'SHOOT_WITH_THIS_EFFECT',
  'SHOP_NOW',
  'SIGN_UP',
  'SUBSCRIBE',
  'VIEW_NOW',
  'VIEW_PROFILE',
  'VIEW_VIDEO_WITH_THIS_EFFECT',
  'VISIT_STORE',
  'WATCH_LIVE',
  'WATCH_NOW',
] as const;

/** Music scenes. Source: bububa enum/music_scene.go (docs/tiktok-api.md §8). */
export const MUSIC_SCENES = ['CREATIVE_ASSET', 'CAROUSEL_ADS', 'CATALOG_CAROUSEL'] as const;

/**
 * Throws 40002 "Missing required field(s): a, b." when any of `fields` is absent or empty.
 * Wording: the real message quoted in docs/tiktok-api.md §4.1 (api-evangelist).
 */
export function requireFields(params: Params, fields: readonly string[], prefix = ''): void {
  const missing = fields.filter((f) => {
    const v = params[f];
    return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
  });
  if (missing.length > 0) {
    paramError(`Missing required field(s): ${missing.map((f) => prefix + f).join(', ')}.`);
  }
}

/** The value as a string, or 40002 when present but not a string. Undefined when absent. */
export function optString(params: Params, field: string, prefix = ''): string | undefined {
  const v = params[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') paramError(`${prefix}${field}: must be a string.`);
  return v;
}

/** A required string (40002 when missing or not a string). */
export function reqString(params: Params, field: string, prefix = ''): string {
  requireFields(params, [field], prefix);
  return optString(params, field, prefix) as string;
}

/** Checks `value` is one of `allowed`; 40002 naming the field otherwise. */
export function checkEnum<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  field: string,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) {
    paramError(`${field}: invalid value "${value}". Allowed values: ${allowed.join(', ')}.`);
  }
  return value as T;
}

/** An optional number field (numbers or numeric strings); 40002 when not a number. */
export function optNumber(params: Params, field: string, prefix = ''): number | undefined {
  const v = params[field];
  if (v === undefined || v === null) return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) paramError(`${prefix}${field}: must be a number.`);
  return n;
}

/** An optional array of strings (ids); 40002 when not such an array. */
export function optStringArray(params: Params, field: string, prefix = ''): string[] | undefined {
  const v = params[field];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' && typeof x !== 'number')) {
    paramError(`${prefix}${field}: must be an array of strings.`);
  }
  return v.map(String);
}

const EMOJI = /\p{Extended_Pictographic}/u;
const CJK = /[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u;

/**
 * Length as TikTok counts it: code points, Chinese/Japanese/Korean characters count 2. Source:
 * SDK js_sdk/docs/CampaignCreateBody.md at c3a04b9 (`campaign_name`) and bububa
 * model/campaign/create.go ("中文或日文每个字占用2个字符"); Korean counting as 2 is UNCONFIRMED.
 */
export function tiktokLength(text: string): number {
  let n = 0;
  for (const ch of text) n += CJK.test(ch) ? 2 : 1;
  return n;
}

/**
 * Checks length `min..max` (TikTok counting) and no emoji; 40002 naming the field. The emoji ban:
 * bububa model/campaign/create.go ("不能包含emoji") and the SDK `ad_text` text (docs/tiktok-api.md §7).
 */
export function checkText(text: string, field: string, min: number, max: number): void {
  const len = tiktokLength(text);
  if (len < min || len > max) {
    paramError(`${field}: length must be between ${min} and ${max} characters (got ${len}).`);
  }
  if (EMOJI.test(text)) paramError(`${field}: emoji are not allowed.`);
}

/** An int64-looking string (TikTok ids, body `request_id`). Source: SDK yml `x-open-convert: int64(%s)`. */
export function isInt64String(value: unknown): value is string {
  return typeof value === 'string' && /^\d{1,19}$/.test(value);
}

/**
 * Checks `YYYY-MM-DD HH:MM:SS` and returns epoch ms (UTC). 40002 naming the field otherwise.
 * Source: SDK js_sdk/docs/AdgroupCreateBody.md at c3a04b9 (`schedule_start_time`, UTC+0); the
 * message wording is ours, after the one quoted in docs/tiktok-api.md §4.1.
 */
export function parseTikTokTime(value: string, field: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value);
  const ms = m ? Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`) : NaN;
  const roundTrip = Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 19) : '';
  if (!m || roundTrip !== `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`) {
    paramError(`${field}: Time format should be %Y-%m-%d %H:%M:%S. Please try again.`);
  }
  return ms;
}

/** True for an absolute http(s) URL. Our check: TikTok's exact URL rule is UNCONFIRMED. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** Throws 40007 (ERROR_CODE_NOT_EXIST, SDK tiktok_code.py) naming the field. */
export function notExist(field: string, id: string): never {
  throw new EmulatorError(40007, `${field}: ${id} does not exist.`);
}
