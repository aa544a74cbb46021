/**
 * Shared setup for the TikTok tests: a real emulator on an ephemeral 127.0.0.1 port, a real
 * client with instant retries, raw HTTP helpers, and valid request bodies to vary.
 */

import type { TikTokAuth } from '../../src/tiktok/ads-api';
import { TikTokClient, type TikTokClientOptions } from '../../src/tiktok/client';
import {
  createTikTokEmulator,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_IDENTITY_ID,
  EMULATOR_PIXEL_ID,
  type TikTokEmulator,
  type TikTokEmulatorOptions,
} from '../../src/tiktok/emulator';
import { TikTokApiError } from '../../src/tiktok/errors';

/** Credentials of the default advertiser. */
export const AUTH: TikTokAuth = {
  access_token: EMULATOR_ACCESS_TOKEN,
  advertiser_id: EMULATOR_ADVERTISER_ID,
};

/** A started emulator and a client pointed at it. */
export interface Harness {
  emulator: TikTokEmulator;
  baseUrl: string;
  client: TikTokClient;
  newClient(options?: Partial<TikTokClientOptions>): TikTokClient;
}

/** Starts an emulator before all tests of the file and stops it after. */
export function useEmulator(options: TikTokEmulatorOptions = {}): Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.emulator = createTikTokEmulator(options);
    h.baseUrl = await h.emulator.listen(0);
    h.newClient = (o = {}) =>
      new TikTokClient({ baseUrl: h.baseUrl, sleep: async () => {}, timeoutMs: 5000, ...o });
    h.client = h.newClient();
  });
  afterEach(() => h.emulator.faults.clear());
  afterAll(async () => {
    await h.emulator.close();
  });
  return h;
}

/** The parsed response of a raw call. */
export interface RawResponse {
  status: number;
  text: string;
  json: { code: number; message: string; request_id: string; data: Record<string, unknown> };
}

/** A raw API call, bypassing the client. `query` values that are objects are JSON-encoded. */
export async function raw(
  baseUrl: string,
  method: 'GET' | 'POST' | 'PUT',
  endpoint: string,
  options: { token?: string; query?: Record<string, unknown>; body?: unknown } = {},
): Promise<RawResponse> {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(options.query ?? {})) {
    params.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  const qs = params.toString();
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['Access-Token'] = options.token;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  const res = await fetch(`${baseUrl}/open_api/v1.3/${endpoint}${qs ? `?${qs}` : ''}`, init);
  const text = await res.text();
  let json: RawResponse['json'];
  try {
    json = JSON.parse(text);
  } catch {
    json = { code: Number.NaN, message: '', request_id: '', data: {} };
  }
  return { status: res.status, text, json };
}

/** A valid TRAFFIC campaign body (without advertiser_id). */
export function trafficCampaign(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    campaign_name: 'Summer sale',
    objective_type: 'TRAFFIC',
    budget_mode: 'BUDGET_MODE_INFINITE',
    budget_optimize_on: false,
    ...overrides,
  };
}

/** A valid TRAFFIC ad group body for `campaign_id` (TikTok placement, website, CLICK/CPC). */
export function trafficAdGroup(
  campaign_id: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    campaign_id,
    adgroup_name: 'AG 1',
    promotion_type: 'WEBSITE',
    placement_type: 'PLACEMENT_TYPE_NORMAL',
    placements: ['PLACEMENT_TIKTOK'],
    location_ids: ['6252001'],
    budget_mode: 'BUDGET_MODE_DAY',
    budget: 20,
    schedule_type: 'SCHEDULE_FROM_NOW',
    schedule_start_time: '2026-10-01 00:00:00',
    optimization_goal: 'CLICK',
    billing_event: 'CPC',
    bid_type: 'BID_TYPE_NO_BID',
    pacing: 'PACING_MODE_SMOOTH',
    ...overrides,
  };
}

/** A valid WEB_CONVERSIONS ad group body (pixel, CONVERT/OCPM, automatic placement). */
export function conversionAdGroup(
  campaign_id: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return trafficAdGroup(campaign_id, {
    adgroup_name: 'AG conv',
    pixel_id: EMULATOR_PIXEL_ID,
    optimization_event: 'SHOPPING',
    placement_type: 'PLACEMENT_TYPE_AUTOMATIC',
    placements: undefined,
    optimization_goal: 'CONVERT',
    billing_event: 'OCPM',
    ...overrides,
  });
}

/** A valid SINGLE_VIDEO creative (9:16 video, 9:16 cover). */
export function videoCreative(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ad_name: 'video ad',
    ad_format: 'SINGLE_VIDEO',
    ad_text: 'Summer sale: 30% off everything',
    call_to_action: 'SHOP_NOW',
    video_id: 'vid_summer_1',
    image_ids: ['img_summer_1'],
    identity_id: EMULATOR_IDENTITY_ID,
    identity_type: 'CUSTOMIZED_USER',
    landing_page_url: 'https://example.com/summer',
    ...overrides,
  };
}

/** A valid CAROUSEL_ADS creative with SYSTEM music `music_123`. */
export function carouselCreative(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ad_name: 'carousel ad',
    ad_format: 'CAROUSEL_ADS',
    ad_text: 'Swipe through the summer collection',
    call_to_action: 'LEARN_MORE',
    image_ids: ['img_summer_1', 'img_summer_2', 'img_summer_3'],
    music_id: 'music_123',
    identity_id: EMULATOR_IDENTITY_ID,
    identity_type: 'CUSTOMIZED_USER',
    landing_page_url: 'https://example.com/collection',
    ...overrides,
  };
}

/** Fake MP3 bytes: an ID3 tag header followed by `size` filler bytes. */
export function fakeMp3(seed: string, size = 2048): Buffer {
  return Buffer.concat([
    Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'),
    // An MPEG-1 Layer III frame header (sync, 128 kbit/s, 44.1 kHz) after the ID3 tag.
    Buffer.from([0xff, 0xfb, 0x90, 0x64]),
    Buffer.alloc(size, seed),
  ]);
}

/** Creates a campaign + ad group of the given kind through the client; returns their ids. */
export async function campaignAndAdGroup(
  client: TikTokClient,
  kind: 'traffic' | 'conversions',
): Promise<{ campaign_id: string; adgroup_id: string }> {
  const { campaign_id } = await client.createCampaign(
    AUTH,
    trafficCampaign(kind === 'conversions' ? { objective_type: 'WEB_CONVERSIONS' } : {}),
  );
  const body = kind === 'traffic' ? trafficAdGroup(campaign_id) : conversionAdGroup(campaign_id);
  const { adgroup_id } = await client.createAdGroup(AUTH, body);
  return { campaign_id, adgroup_id };
}

/** Awaits `promise`, expecting it to reject with a `TikTokApiError`; returns that error. */
export async function apiError(promise: Promise<unknown>): Promise<TikTokApiError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof TikTokApiError) return err;
    throw err;
  }
  throw new Error('expected a TikTokApiError, but the call succeeded');
}
