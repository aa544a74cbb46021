/**
 * ad/create/ creative validation, as TikTok answers it. 40002 naming the field (prefixed
 * `creatives[i].`), 40007 for unknown image/identity, 40053 for an unknown video.
 * Source: TikTok "Create ads" / "Create Carousel Ads" (doc 1766217791987713) via
 * reference/tiktok-api.md §7-§8 and the emulator list ("You must upload an image",
 * "Please select valid music for Carousel Ads.").
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

/** The rejection TikTok gives for music a carousel cannot use (code UNCONFIRMED; 40002). */
export const INVALID_CAROUSEL_MUSIC = 'Please select valid music for Carousel Ads.';

const CAROUSEL_SCENES = new Set(['CAROUSEL_ADS', 'CATALOG_CAROUSEL']);

/** Whether a track may back a carousel for `advertiser_id`. */
function carouselMusicOk(music: MusicRecord | undefined, advertiser_id: string): boolean {
  if (!music) return false;
  if (music.copyright === 'MUSIC_FORBID_VIDEO_FORBID') return false;
  if (music.sources[0] === 'SYSTEM') return true;
  return music.advertiser_id === advertiser_id && CAROUSEL_SCENES.has(music.music_scene ?? '');
}

/** portrait / landscape / square: the cover must have the video's orientation (our tolerance). */
function orientation(width: number, height: number): string {
  if (Math.abs(width - height) / Math.max(width, height) < 0.05) return 'square';
  return width > height ? 'landscape' : 'portrait';
}

/**
 * Checks one creative; returns the ad object fields to store (without ids).
 * `i` is its index in `creatives`, used in messages.
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
  requireFields(c, ['ad_format', 'ad_text', 'identity_id', 'identity_type'], p);
  if (c.ad_name === undefined) paramError(`Missing required field(s): ${p}ad_name.`);
  const ad_format = checkEnum(reqString(c, 'ad_format', p), AD_FORMATS, `${p}ad_format`);
  let ad_name = optString(c, 'ad_name', p) ?? '';
  if (ad_name !== '') checkText(ad_name, `${p}ad_name`, 1, 512);
  const ad_text = reqString(c, 'ad_text', p);
  checkText(ad_text, `${p}ad_text`, 1, 100);

  const call_to_action = checkEnum(
    optString(c, 'call_to_action', p),
    CALL_TO_ACTIONS,
    `${p}call_to_action`,
  );
  const call_to_action_id = optString(c, 'call_to_action_id', p);
  if (!call_to_action && !call_to_action_id) {
    paramError(`Missing required field(s): ${p}call_to_action.`);
  }

  const identity_type = checkEnum(
    reqString(c, 'identity_type', p),
    IDENTITY_TYPES,
    `${p}identity_type`,
  );
  if (identity_type !== 'CUSTOMIZED_USER') {
    paramError(`${p}identity_type: the emulator only supports CUSTOMIZED_USER (non-Spark ads).`);
  }
  const identity_id = reqString(c, 'identity_id', p);
  const identity = ctx.identity(identity_id);
  if (!identity) notExist(`${p}identity_id`, identity_id);
  if (identity.identity_type !== identity_type) {
    paramError(`${p}identity_type: identity ${identity_id} is ${identity.identity_type}.`);
  }

  const landing_page_url = optString(c, 'landing_page_url', p);
  if (ctx.adgroup.promotion_type === 'WEBSITE' && !landing_page_url) {
    paramError(`Missing required field(s): ${p}landing_page_url (required for website ads).`);
  }
  if (landing_page_url !== undefined && !isHttpUrl(landing_page_url)) {
    paramError(`${p}landing_page_url: must be a valid http(s) URL.`);
  }

  const image_ids = optStringArray(c, 'image_ids', p) ?? [];
  const video_id = optString(c, 'video_id', p);
  const music_id = optString(c, 'music_id', p);
  const images = image_ids.map((id) => ctx.image(id) ?? notExist(`${p}image_ids`, id));
  const placements = Array.isArray(ctx.adgroup.placements) ? ctx.adgroup.placements : [];

  if (ad_format === 'SINGLE_VIDEO') {
    if (!video_id) paramError(`Missing required field(s): ${p}video_id.`);
    const video = ctx.video(video_id);
    if (!video) throw new EmulatorError(40053, `${p}video_id: ${video_id} is invalid.`);
    if (images.length !== 1) {
      paramError(`${p}image_ids: You must upload an image (exactly one cover image).`);
    }
    const cover = images[0] as ImageFixture;
    if (orientation(cover.width, cover.height) !== orientation(video.width, video.height)) {
      paramError(`${p}image_ids: the cover image's aspect ratio must match the video's.`);
    }
    if (music_id !== undefined) paramError(`${p}music_id: not allowed for SINGLE_VIDEO ads.`);
  } else if (ad_format === 'CAROUSEL_ADS') {
    if (video_id !== undefined) paramError(`${p}video_id: not allowed for CAROUSEL_ADS.`);
    if (images.length < 1 || images.length > 35) {
      paramError(`${p}image_ids: CAROUSEL_ADS needs 1 to 35 images (got ${images.length}).`);
    }
    const unusable = images.find((img) => !img.is_carousel_usable);
    if (unusable) paramError(`${p}image_ids: image ${unusable.image_id} is not carousel usable.`);
    if (!music_id)
      paramError(`Missing required field(s): ${p}music_id (required for CAROUSEL_ADS).`);
    if (!carouselMusicOk(ctx.music(music_id), ctx.advertiser_id)) {
      paramError(INVALID_CAROUSEL_MUSIC);
    }
    if (placements.length > 0 && !placements.includes('PLACEMENT_TIKTOK')) {
      paramError(`${p}ad_format: CAROUSEL_ADS requires the TikTok placement.`);
    }
  } else if (ad_format === 'SINGLE_IMAGE') {
    if (images.length !== 1) paramError(`${p}image_ids: SINGLE_IMAGE needs exactly one image.`);
    if (placements.length === 1 && placements[0] === 'PLACEMENT_TIKTOK') {
      paramError(`${p}ad_format: SINGLE_IMAGE is not available on the TikTok placement.`);
    }
    if (video_id !== undefined || music_id !== undefined) {
      paramError(`${p}ad_format: SINGLE_IMAGE takes neither video_id nor music_id.`);
    }
  } else {
    paramError(`${p}ad_format: ${ad_format} is not supported by the emulator.`);
  }

  const operation_status =
    checkEnum(optString(c, 'operation_status', p), OPERATION_STATUSES, `${p}operation_status`) ??
    'ENABLE';
  if (ad_name === '') ad_name = `${ad_format}_${Date.now()}`;
  return {
    ad_name,
    ad_format,
    ad_text,
    call_to_action: call_to_action ?? null,
    call_to_action_id: call_to_action_id ?? null,
    identity_id,
    identity_type,
    image_ids,
    video_id: video_id ?? null,
    music_id: music_id ?? null,
    landing_page_url: landing_page_url ?? null,
    operation_status,
    is_aco: false,
  };
}
