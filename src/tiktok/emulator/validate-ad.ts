/**
 * ad/create/ creative validation, as TikTok answers it. 40002 naming the field (prefixed
 * `creatives[i].`), 40007 for unknown image/identity, 40053 for an unknown video.
 * Sources per rule below (`SDK` = tiktok/tiktok-business-api-sdk, field texts in
 * js_sdk/docs/AdcreateCreatives.md at c3a04b9; `bububa` = bububa/tiktok-business
 * model/ad/creative.go), TikTok "Create Carousel Ads" (doc 1766217791987713), summarised in
 * docs/tiktok-api.md §7-§8 with the real messages "You must upload an image" and "Please
 * select valid music for Carousel Ads.".
 */
import { EmulatorError, paramError } from './envelope';
import type { ImageFixture, VideoFixture } from './fixtures';
import {
  AD_FORMATS,
  CALL_TO_ACTIONS,
  checkEnum,
  checkText,
  IDENTITY_TYPES,
  isHttpUrl,
  notExist,
  OPERATION_STATUSES,
  optString,
  optStringArray,
  type Params,
  reqString,
  requireFields,
} from './rules';
import type { IdentityRecord, MusicRecord } from './state';

/** What creatives are checked against. */
export interface AdContext {
  /** The ad group they go into (its `promotion_type` and `placements` matter). */
  adgroup: Record<string, unknown>;
  image: (id: string) => ImageFixture | undefined;
  video: (id: string) => VideoFixture | undefined;
  music: (id: string) => MusicRecord | undefined;
  identity: (id: string) => IdentityRecord | undefined;
  advertiser_id: string;
}

/**
 * The rejection TikTok gives for music a carousel cannot use: real text (docs/tiktok-api.md §4.1, a PHP
 * integration "confirmed live"); its code is UNCONFIRMED (40002 here, as another integration
 * reports).
 */
export const INVALID_CAROUSEL_MUSIC = 'Please select valid music for Carousel Ads.';

const CAROUSEL_SCENES = new Set(['CAROUSEL_ADS', 'CATALOG_CAROUSEL']);

/**
 * Whether a track may back a carousel for `advertiser_id`: a carousel-scene track (SYSTEM music
 * not limited to another scene, or the advertiser's own upload with music_scene CAROUSEL_ADS /
 * CATALOG_CAROUSEL). Source: docs/tiktok-api.md §8 ("Music meant for carousel ads must be
 * uploaded with CAROUSEL_ADS/CATALOG_CAROUSEL"). The `copyright` flag plays no part: its one
 * definition (bububa/tiktok-business model/file/music/music.go) is about downloading.
 */
function carouselMusicOk(music: MusicRecord | undefined, advertiser_id: string): boolean {
  if (!music) return false;
  if (music.sources[0] === 'SYSTEM') return !music.music_scene;
  return music.advertiser_id === advertiser_id && CAROUSEL_SCENES.has(music.music_scene ?? '');
}

/**
 * `display_name` of a non-identity ad: 1-40 English characters or 1-20 Chinese/Japanese/Korean
 * ones (TikTok counting, CJK = 2, so 40 units). Source: SDK js_sdk/docs/AdcreateCreatives.md at
 * c3a04b9, `display_name`.
 */
export const MAX_AD_DISPLAY_NAME = 40;

/**
 * Whether a cover has the video's aspect ratio: TikTok says "the aspect ratio of the image should
 * be the same as the video" (SDK js_sdk/docs/AdcreateCreatives.md at c3a04b9, `image_ids`;
 * bububa/tiktok-business model/ad/creative.go `ImageIDs`: the cover's width:height ratio must
 * match the video's). Compared exactly (w1·h2 = w2·h1); whether TikTok allows any rounding
 * tolerance is UNCONFIRMED.
 */
export function sameAspectRatio(
  a: { width: number; height: number },
  b: { width: number; height: number },
): boolean {
  return a.width * b.height === b.width * a.height;
}

/** One creative's media ids and the images they name, as the format checks see them. */
interface CreativeMedia {
  /** `creatives[i].`, the prefix of every field named in a message. */
  p: string;
  image_ids: string[];
  images: ImageFixture[];
  video_id: string | undefined;
  music_id: string | undefined;
  /** The ad group's `placements`. */
  placements: unknown[];
}

/**
 * Checks one creative; returns the ad object fields to store (without ids).
 * `i` is its index in `creatives`, used in messages. The steps run in this order, so the first
 * problem found is the one TikTok's answer names.
 */
export function validateCreative(
  creative: unknown,
  i: number,
  ctx: AdContext,
): Record<string, unknown> {
  const p = `creatives[${i}].`;
  if (typeof creative !== 'object' || creative === null || Array.isArray(creative)) {
    paramError(`creatives[${i}]: must be an object.`);
  }
  const c = creative as Params;
  const texts = creativeTexts(c, p);
  const cta = callToAction(c, p);
  const identity = identityOf(c, p, ctx);
  const display_name = displayName(c, p, ctx, identity.found);
  const landing_page_url = landingPageUrl(c, p, ctx);
  const media = mediaOf(c, p, ctx);
  const formatCheck = FORMAT_CHECKS[texts.ad_format];
  if (!formatCheck)
    paramError(`${p}ad_format: ${texts.ad_format} is not supported by the emulator.`);
  formatCheck(media, ctx);
  // operation_status ENABLE (default) | DISABLE: bububa enum/operation_status.go.
  const operation_status =
    checkEnum(optString(c, 'operation_status', p), OPERATION_STATUSES, `${p}operation_status`) ??
    'ENABLE';
  return {
    ad_name: texts.ad_name === '' ? `${texts.ad_format}_${Date.now()}` : texts.ad_name,
    ad_format: texts.ad_format,
    ad_text: texts.ad_text,
    call_to_action: cta.call_to_action ?? null,
    call_to_action_id: cta.call_to_action_id ?? null,
    identity_id: identity.identity_id ?? null,
    identity_type: identity.identity_type ?? null,
    display_name: display_name ?? null,
    image_ids: media.image_ids,
    video_id: media.video_id ?? null,
    music_id: media.music_id ?? null,
    landing_page_url: landing_page_url ?? null,
    operation_status,
    is_aco: false,
  };
}

/**
 * `ad_format`, `ad_name` and `ad_text`. ad_format: required for single image/video ads (bububa
 * `AdFormat`). ad_text: required for image/video and non-Spark ads, 1-100 characters, CJK count
 * 2, no emoji (SDK `ad_text`, bububa `AdText`). ad_name: SDK and bububa call it optional ("" =
 * auto-generated); requiring the key is our strictness (UNCONFIRMED). ≤ 512, CJK count 2, no
 * emoji: SDK `ad_name`.
 */
function creativeTexts(
  c: Params,
  p: string,
): { ad_format: string; ad_name: string; ad_text: string } {
  requireFields(c, ['ad_format', 'ad_text'], p);
  if (c.ad_name === undefined) paramError(`Missing required field(s): ${p}ad_name.`);
  const ad_format = checkEnum(reqString(c, 'ad_format', p), AD_FORMATS, `${p}ad_format`) as string;
  const ad_name = optString(c, 'ad_name', p) ?? '';
  if (ad_name !== '') checkText(ad_name, `${p}ad_name`, 1, 512);
  const ad_text = reqString(c, 'ad_text', p);
  checkText(ad_text, `${p}ad_text`, 1, 100);
  return { ad_format, ad_name, ad_text };
}

/** `call_to_action` or `call_to_action_id`, one needed for TikTok ads: SDK `call_to_action`. */
function callToAction(
  c: Params,
  p: string,
): { call_to_action: string | undefined; call_to_action_id: string | undefined } {
  const call_to_action = checkEnum(
    optString(c, 'call_to_action', p),
    CALL_TO_ACTIONS,
    `${p}call_to_action`,
  );
  const call_to_action_id = optString(c, 'call_to_action_id', p);
  if (!call_to_action && !call_to_action_id) {
    paramError(`Missing required field(s): ${p}call_to_action.`);
  }
  return { call_to_action, call_to_action_id };
}

/**
 * Identity: optional for non-Spark ads ("we still highly recommend you to pass in identity_id
 * and identity_type (CUSTOMIZED_USER)"), required for Spark Ads, which the emulator does not
 * serve. Source: SDK js_sdk/docs/AdcreateCreatives.md at c3a04b9. Both or neither; an unknown
 * `identity_id` → 40007.
 */
function identityOf(
  c: Params,
  p: string,
  ctx: AdContext,
): {
  identity_id: string | undefined;
  identity_type: string | undefined;
  found: IdentityRecord | undefined;
} {
  const identity_id = optString(c, 'identity_id', p);
  const identity_type = checkEnum(
    optString(c, 'identity_type', p),
    IDENTITY_TYPES,
    `${p}identity_type`,
  );
  if (identity_type !== undefined && identity_type !== 'CUSTOMIZED_USER') {
    paramError(`${p}identity_type: the emulator only supports CUSTOMIZED_USER (non-Spark ads).`);
  }
  if (identity_id !== undefined && identity_type === undefined) {
    paramError(`Missing required field(s): ${p}identity_type (required with identity_id).`);
  }
  if (identity_type !== undefined && identity_id === undefined) {
    paramError(`Missing required field(s): ${p}identity_id (required with identity_type).`);
  }
  const found = identity_id === undefined ? undefined : ctx.identity(identity_id);
  if (identity_id !== undefined && !found) notExist(`${p}identity_id`, identity_id);
  if (found && found.identity_type !== identity_type) {
    paramError(`${p}identity_type: identity ${identity_id} is ${found.identity_type}.`);
  }
  return { identity_id, identity_type, found };
}

/**
 * `display_name`: "required when the promotion type is landing page or pure exposure" (SDK
 * js_sdk/docs/AdcreateCreatives.md at c3a04b9), so for WEBSITE ad groups. Our reading,
 * UNCONFIRMED: a CUSTOMIZED_USER identity's display name stands in for it (it is derivable),
 * so only an ad without an identity must send one.
 */
function displayName(
  c: Params,
  p: string,
  ctx: AdContext,
  identity: IdentityRecord | undefined,
): string | undefined {
  const display_name = optString(c, 'display_name', p);
  if (display_name !== undefined) {
    checkText(display_name, `${p}display_name`, 1, MAX_AD_DISPLAY_NAME);
  }
  if (ctx.adgroup.promotion_type === 'WEBSITE' && display_name === undefined && !identity) {
    paramError(
      `Missing required field(s): ${p}display_name (required for website ads without an identity).`,
    );
  }
  return display_name;
}

/**
 * `landing_page_url`: required for website ads. Source: docs/tiktok-api.md §7 (SDK
 * `landing_page_url`); the http(s) check is ours (UNCONFIRMED wording).
 */
function landingPageUrl(c: Params, p: string, ctx: AdContext): string | undefined {
  const landing_page_url = optString(c, 'landing_page_url', p);
  if (ctx.adgroup.promotion_type === 'WEBSITE' && !landing_page_url) {
    paramError(`Missing required field(s): ${p}landing_page_url (required for website ads).`);
  }
  if (landing_page_url !== undefined && !isHttpUrl(landing_page_url)) {
    paramError(`${p}landing_page_url: must be a valid http(s) URL.`);
  }
  return landing_page_url;
}

/** The media ids; every `image_ids` entry must name an uploaded image (40007 otherwise). */
function mediaOf(c: Params, p: string, ctx: AdContext): CreativeMedia {
  const image_ids = optStringArray(c, 'image_ids', p) ?? [];
  const video_id = optString(c, 'video_id', p);
  const music_id = optString(c, 'music_id', p);
  const images = image_ids.map((id) => ctx.image(id) ?? notExist(`${p}image_ids`, id));
  const placements = Array.isArray(ctx.adgroup.placements) ? ctx.adgroup.placements : [];
  return { p, image_ids, images, video_id, music_id, placements };
}

/**
 * SINGLE_VIDEO needs `video_id` (SDK `video_id`) and exactly one cover of the video's aspect
 * ratio (SDK `image_ids`; "You must upload an image", docs/tiktok-api.md §4.1); `music_id` only
 * for carousels (docs/tiktok-api.md §8). An unknown video → 40053 (docs/tiktok-api.md §4.1
 * table; code name UNCONFIRMED).
 */
function checkSingleVideo(media: CreativeMedia, ctx: AdContext): void {
  const { p, images, video_id, music_id } = media;
  if (!video_id) paramError(`Missing required field(s): ${p}video_id.`);
  const video = ctx.video(video_id);
  if (!video) throw new EmulatorError(40053, `${p}video_id: ${video_id} is invalid.`);
  if (images.length !== 1) {
    paramError(`${p}image_ids: You must upload an image (exactly one cover image).`);
  }
  const cover = images[0] as ImageFixture;
  if (!sameAspectRatio(cover, video)) {
    paramError(
      `${p}image_ids: the aspect ratio of the cover image (${cover.width}x${cover.height}) should be the same as the video (${video.width}x${video.height}).`,
    );
  }
  if (music_id !== undefined) paramError(`${p}music_id: not allowed for SINGLE_VIDEO ads.`);
}

/**
 * CAROUSEL_ADS: 1-35 carousel-usable images, a carousel-scene `music_id`, no video, TikTok
 * placement: TikTok "Create Carousel Ads" (doc 1766217791987713), bububa `ImageIDs`,
 * docs/tiktok-api.md §7.
 */
function checkCarousel(media: CreativeMedia, ctx: AdContext): void {
  const { p, images, video_id, music_id, placements } = media;
  if (video_id !== undefined) paramError(`${p}video_id: not allowed for CAROUSEL_ADS.`);
  if (images.length < 1 || images.length > 35) {
    paramError(`${p}image_ids: CAROUSEL_ADS needs 1 to 35 images (got ${images.length}).`);
  }
  const unusable = images.find((img) => !img.is_carousel_usable);
  if (unusable) paramError(`${p}image_ids: image ${unusable.image_id} is not carousel usable.`);
  if (!music_id) paramError(`Missing required field(s): ${p}music_id (required for CAROUSEL_ADS).`);
  if (!carouselMusicOk(ctx.music(music_id), ctx.advertiser_id)) {
    paramError(INVALID_CAROUSEL_MUSIC);
  }
  if (placements.length > 0 && !placements.includes('PLACEMENT_TIKTOK')) {
    paramError(`${p}ad_format: CAROUSEL_ADS requires the TikTok placement.`);
  }
}

/**
 * SINGLE_IMAGE: exactly one image, not on the TikTok placement alone (Pangle / Global App
 * Bundle), neither video nor music: SDK `ad_format` and bububa `ImageIDs` (docs/tiktok-api.md
 * §7).
 */
function checkSingleImage(media: CreativeMedia): void {
  const { p, images, video_id, music_id, placements } = media;
  if (images.length !== 1) paramError(`${p}image_ids: SINGLE_IMAGE needs exactly one image.`);
  if (placements.length === 1 && placements[0] === 'PLACEMENT_TIKTOK') {
    paramError(`${p}ad_format: SINGLE_IMAGE is not available on the TikTok placement.`);
  }
  if (video_id !== undefined || music_id !== undefined) {
    paramError(`${p}ad_format: SINGLE_IMAGE takes neither video_id nor music_id.`);
  }
}

/** The media rules of each `ad_format` the emulator serves; any other format is refused. */
const FORMAT_CHECKS: Readonly<
  Partial<Record<string, (media: CreativeMedia, ctx: AdContext) => void>>
> = {
  SINGLE_VIDEO: checkSingleVideo,
  CAROUSEL_ADS: checkCarousel,
  SINGLE_IMAGE: checkSingleImage,
};
