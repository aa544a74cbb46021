import { createHash } from 'node:crypto';
import { type AdDraft, adFormatOf } from '../ad/draft';
import { tiktokLength } from '../ad/text-length';
import { BotError } from '../errors/bot-error';

/**
 * Request bodies for campaign/create/, adgroup/create/ and ad/create/ built from a complete,
 * rule-valid draft, in the shapes TikTok's Marketing API v1.3 accepts (docs/tiktok-api.md
 * §5-§8). `advertiser_id` is added by the client. Callers must have checked the draft first;
 * these builders throw on a draft that is missing what they need.
 */

/** Ad group settings the chat does not ask for (from settings). */
export interface AdGroupDefaults {
  /** TikTok location ids, e.g. `6252001` = United States. */
  location_ids: string[];
  /** A TikTok pixel; with it, Conversions ad groups optimize for `CONVERT`. */
  pixel_id?: string;
  /** Pixel event for `CONVERT`, e.g. `SHOPPING`. */
  optimization_event: string;
}

/**
 * A deterministic idempotency key for a create call: a positive 63-bit integer as a decimal
 * string (TikTok's body `request_id` is an int64 in a string). The same `(scope, step)` always
 * gives the same key, so a retried or resumed submission cannot create a second object.
 * Source: TikTok "Create a campaign"/"Create an ad group", `request_id`.
 */
export function idempotencyKey(scope: string, step: 'campaign' | 'adgroup'): string {
  const digest = createHash('sha256').update(`${scope}|${step}`).digest();
  const value = digest.readBigUInt64BE(0) & 0x7fff_ffff_ffff_ffffn;
  return (value === 0n ? 1n : value).toString();
}

/** `"YYYY-MM-DD HH:MM:SS"` in UTC, TikTok's schedule time format. */
export function tiktokTime(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function need<T>(value: T | undefined, field: string): T {
  if (value === undefined) throw new BotError('draft_incomplete', `Draft is missing ${field}`);
  return value;
}

/**
 * campaign/create/ body, created `DISABLE`d (it is switched on only once the ad exists:
 * docs/reliability.md §5). The campaign has no budget of its own (`BUDGET_MODE_INFINITE`); the
 * daily budget sits on the ad group (TikTok "Create a campaign", `budget_mode`). Campaign
 * Budget Optimization is switched off explicitly (`budget_optimize_on: false`): the SDK's model
 * defaults it to false (python_sdk/business_api_client/models/campaign_create_body.py) but its
 * field text says "Default: True" (js_sdk/docs/CampaignCreateBody.md at c3a04b9), and with CBO
 * on TikTok would ignore the ad group budget the bot sets.
 * `campaign_name` is the draft's, exactly as approved (submissions pass the same, saved name);
 * `request_id` makes a repeated create safe (docs/tiktok-api.md §10).
 */
export function campaignBody(
  draft: AdDraft,
  request_id: string,
  campaign_name: string = need(draft.campaign_name, 'campaign_name'),
): Record<string, unknown> {
  return {
    campaign_name,
    objective_type: need(draft.objective_type, 'objective_type'),
    budget_mode: 'BUDGET_MODE_INFINITE',
    budget_optimize_on: false,
    operation_status: 'DISABLE',
    request_id,
  };
}

/**
 * adgroup/create/ body, created `DISABLE`d: website promotion on TikTok placement (carousels need it), daily budget,
 * starting now. Traffic optimizes for clicks (`CLICK`/`CPC`). Conversions with a pixel
 * optimizes for `CONVERT`/`OCPM` on the pixel event; without a pixel TikTok only allows `CLICK`
 * for website ads (TikTok "Create Website Conversions ads", doc 1775548501843970).
 */
export function adGroupBody(
  draft: AdDraft,
  campaign_id: string,
  budget: number,
  request_id: string,
  defaults: AdGroupDefaults,
  now: Date,
  adgroup_name = `${need(draft.campaign_name, 'campaign_name')} - ad group`,
): Record<string, unknown> {
  const converting = draft.objective_type === 'WEB_CONVERSIONS' && defaults.pixel_id !== undefined;
  return {
    campaign_id,
    adgroup_name,
    operation_status: 'DISABLE',
    request_id,
    promotion_type: 'WEBSITE',
    placement_type: 'PLACEMENT_TYPE_NORMAL',
    placements: ['PLACEMENT_TIKTOK'],
    location_ids: defaults.location_ids,
    budget_mode: 'BUDGET_MODE_DAY',
    budget,
    schedule_type: 'SCHEDULE_FROM_NOW',
    schedule_start_time: tiktokTime(now),
    optimization_goal: converting ? 'CONVERT' : 'CLICK',
    billing_event: converting ? 'OCPM' : 'CPC',
    bid_type: 'BID_TYPE_NO_BID',
    pacing: 'PACING_MODE_SMOOTH',
    ...(converting
      ? { pixel_id: defaults.pixel_id, optimization_event: defaults.optimization_event }
      : {}),
  };
}

/** Max ad `display_name` length: 1-40 English or 1-20 CJK characters (see {@link adBody}). */
export const MAX_AD_DISPLAY_NAME = 40;

/**
 * `display_name` cut to TikTok's ad limit of 40 (CJK characters count 2), whitespace trimmed.
 * Source: SDK js_sdk/docs/AdcreateCreatives.md at c3a04b9, `display_name`.
 */
export function adDisplayName(name: string): string {
  let out = '';
  for (const ch of name.trim()) {
    if (tiktokLength(out + ch) > MAX_AD_DISPLAY_NAME) break;
    out += ch;
  }
  return out.trim();
}

/**
 * ad/create/ body with one creative, created `DISABLE`d. With music: `CAROUSEL_ADS` +
 * `image_ids` + `music_id` (TikTok "Create Carousel Ads"); without: `SINGLE_VIDEO` + `video_id` + one cover `image_ids`
 * (TikTok "Create ads"). Non-Spark ads run under a `CUSTOMIZED_USER` identity, and every
 * creative carries the identity's `display_name` (cut to 40): the SDK's creative text says it is
 * "required when the promotion type is landing page or pure exposure" (js_sdk/docs/
 * AdcreateCreatives.md at c3a04b9), and the bot's ads are website (landing page) ads; where
 * TikTok takes the name from the identity instead, sending it is harmless.
 */
export function adBody(
  draft: AdDraft,
  adgroup_id: string,
  ad_name: string,
  identity_id: string,
  display_name: string,
): Record<string, unknown> {
  const format = need(adFormatOf(draft) ?? undefined, 'music');
  const media =
    format === 'CAROUSEL_ADS'
      ? {
          image_ids: need(draft.image_ids, 'image_ids'),
          music_id: draft.music?.kind !== 'none' ? draft.music?.music_id : undefined,
        }
      : {
          video_id: need(draft.video_id, 'video_id'),
          image_ids: need(draft.image_ids, 'image_ids'),
        };
  return {
    adgroup_id,
    creatives: [
      {
        ad_name,
        operation_status: 'DISABLE',
        ad_format: format,
        ad_text: need(draft.ad_text, 'ad_text'),
        call_to_action: need(draft.call_to_action, 'call_to_action'),
        landing_page_url: need(draft.landing_page_url, 'landing_page_url'),
        identity_id,
        identity_type: 'CUSTOMIZED_USER',
        display_name: adDisplayName(display_name),
        ...media,
      },
    ],
  };
}
