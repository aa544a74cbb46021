/**
 * The ad draft a thread builds up, in TikTok Marketing API v1.3 field names.
 *
 * Sources: TikTok "Create a campaign" (`campaign_name`, `objective_type`), "Create ads"
 * (`ad_text`, `call_to_action`, `landing_page_url`, `image_ids`, `video_id`, `music_id`),
 * "Create an ad group" (`budget`, daily, in the advertiser's currency, not cents).
 */

/** The two objectives this bot creates. Plain words map onto them in `objective.ts`. */
export type ObjectiveType = 'TRAFFIC' | 'WEB_CONVERSIONS';

/**
 * Music, three ways:
 * - `existing`: a TikTok `music_id` that TikTok confirmed (file/music/get/). `pending` when the
 *   requester had no linked TikTok account yet: it is confirmed at submit, before any create.
 * - `custom`: a track the user uploaded (file/music/upload/), whose new id TikTok confirmed.
 * - `none`: no music; only allowed with `TRAFFIC` (the ad is then a single video whose audio is
 *   in the video).
 */
export type MusicChoice =
  | { kind: 'existing'; music_id: string; pending?: true }
  | { kind: 'custom'; music_id: string; file_name: string }
  | { kind: 'none' };

/** Every field the bot asks for, in the order it asks. */
export const DRAFT_FIELDS = [
  'campaign_name',
  'objective_type',
  'ad_text',
  'call_to_action',
  'music',
  'landing_page_url',
  'budget',
  'media',
] as const;

/** One of the fields in {@link DRAFT_FIELDS}. `media` covers `image_ids` and `video_id`. */
export type DraftField = (typeof DRAFT_FIELDS)[number];

/**
 * The draft. Every field is optional until the user provides it; `budget` falls back to the
 * configured default when the ad is built.
 */
export interface AdDraft {
  campaign_name?: string;
  objective_type?: ObjectiveType;
  /** 1..100 characters; shown under the video or carousel. */
  ad_text?: string;
  /** A value of TikTok's `CallToAction` enum, e.g. `SHOP_NOW`. */
  call_to_action?: string;
  music?: MusicChoice;
  /** An `https://` URL the ad opens. */
  landing_page_url?: string;
  /** Daily ad group budget in the advertiser's currency (e.g. 50 = 50 USD). */
  budget?: number;
  /** Carousel images (with music) or the one cover image of a single video. */
  image_ids?: string[];
  /** The video of a single-video ad (no music). */
  video_id?: string;
  /**
   * Library ids named before the requester linked a TikTok account. They are looked up at
   * submit (then split into `image_ids` / `video_id`), before anything is created.
   */
  pending_media?: string[];
}

/** True when some choice still waits for a TikTok check (made at submit, once linked). */
export function hasPendingChecks(draft: AdDraft): boolean {
  return (
    (draft.music?.kind === 'existing' && draft.music.pending === true) ||
    (draft.pending_media?.length ?? 0) > 0
  );
}

/** The TikTok `ad_format` a draft turns into: music → carousel, no music → single video. */
export type AdFormat = 'CAROUSEL_ADS' | 'SINGLE_VIDEO';

/**
 * The ad format a draft implies, or `null` while music is undecided.
 * Source: TikTok "Create Carousel Ads" (carousel needs `music_id`), "Create ads"
 * (SINGLE_VIDEO carries its own audio).
 */
export function adFormatOf(draft: AdDraft): AdFormat | null {
  if (!draft.music) return null;
  return draft.music.kind === 'none' ? 'SINGLE_VIDEO' : 'CAROUSEL_ADS';
}
