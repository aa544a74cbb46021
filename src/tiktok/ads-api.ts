/**
 * The TikTok port: what the engine asks of the Marketing API v1.3. `TikTokClient` implements it
 * over HTTP against production, TikTok's sandbox, or the local emulator (one base-URL setting).
 *
 * All ids are strings (TikTok ids are int64 and exceed 2^53). Bodies use TikTok's field names
 * exactly (docs/tiktok-api.md §5-§8).
 */

/** The credentials one call runs with. Never logged. */
export interface TikTokAuth {
  access_token: string;
  advertiser_id: string;
}

/** A music track as file/music/get/ and file/music/upload/ return it (subset). */
export interface MusicInfo {
  music_id: string;
  file_name?: string;
  author?: string;
  /** Seconds. */
  duration?: number;
  sources?: string[];
  /** TikTok's style tag of a commercial track, e.g. `POP`. */
  style?: string;
  /** ISO time a custom track was uploaded (TikTok gives it for custom music only). */
  create_time?: string;
  /**
   * `MUSIC_FORBID_VIDEO_ALLOW` | `MUSIC_FORBID_VIDEO_FORBID` when TikTok says. A download flag,
   * not a ban on ads: "the music may not be downloaded, but the generated video may" / "…nor
   * the generated video" (bububa/tiktok-business model/file/music/music.go, `Copyright`).
   */
  copyright?: string;
}

/** The `copyright` value under which neither the track nor a video made with it downloads. */
export const MUSIC_DOWNLOAD_FORBIDDEN = 'MUSIC_FORBID_VIDEO_FORBID';

/**
 * The outcome of confirming a `music_id` for carousel ads:
 * - `ok`: TikTok lists it for carousel ads (whatever its `copyright` download flag says).
 * - `not_for_carousel`: TikTok knows it only outside the carousel scenes (creative-tool music,
 *   or an upload with `music_scene: CREATIVE_ASSET`); ad/create/ refuses it with "Please select
 *   valid music for Carousel Ads." (docs/tiktok-api.md §8).
 * - `not_found`: TikTok does not know it.
 */
export type MusicCheck =
  | { status: 'ok'; music: MusicInfo }
  | { status: 'not_found' }
  | { status: 'not_for_carousel'; music: MusicInfo };

/** An image in the advertiser's library. */
export interface ImageInfo {
  image_id: string;
  file_name: string;
  width: number;
  height: number;
  is_carousel_usable: boolean;
  /** A preview of the image (`image_url`; TikTok's expires after about an hour). */
  preview_url?: string;
  /** ISO time it was added to the library, e.g. `2024-01-01T00:00:00Z`. */
  create_time?: string;
}

/** A video in the advertiser's library. */
export interface VideoInfo {
  video_id: string;
  file_name: string;
  width: number;
  height: number;
  /** Seconds. */
  duration: number;
  /** A still of the video (`video_cover_url`; TikTok's expires after about 6 hours). */
  preview_url?: string;
  /** ISO time it was added to the library. */
  create_time?: string;
}

/** An ad identity (`CUSTOMIZED_USER`) the ad is shown under. */
export interface IdentityInfo {
  identity_id: string;
  display_name: string;
}

/** TikTok's envelope `request_id` of the call that produced a result (for the audit trail). */
export interface TikTokRequestRef {
  request_id?: string;
}

/** A created ad, as ad/get/ lists it (subset), for reconciling a retried ad/create/. */
export interface AdSummary {
  ad_id: string;
  ad_name: string;
  adgroup_id: string;
  /** `ENABLE` | `DISABLE` (TikTok `operation_status`). */
  operation_status?: string;
}

/**
 * A campaign as campaign/get/ lists it (subset). `create_time` is TikTok's `"YYYY-MM-DD HH:MM:SS"`
 * as sent (read as UTC: docs/tiktok-api.md §1; the time zone is UNCONFIRMED); the other fields are
 * absent when TikTok does not list them.
 */
export interface CampaignSummary {
  campaign_id: string;
  campaign_name: string;
  operation_status?: string;
  objective_type?: string;
  budget_mode?: string;
  budget_optimize_on?: boolean;
  create_time?: string;
}

/** An ad group as adgroup/get/ lists it (subset). */
export interface AdGroupSummary {
  adgroup_id: string;
  adgroup_name: string;
  campaign_id: string;
  operation_status?: string;
}

/** The three levels a status update can address. */
export type ObjectLevel = 'campaign' | 'adgroup' | 'ad';

/** TikTok `operation_status` values a status update sets. */
export type OperationStatus = 'ENABLE' | 'DISABLE' | 'DELETE';

/**
 * The Marketing API calls the bot makes. Every method throws `TikTokApiError` (tiktok/errors.ts)
 * for a non-zero `code`, after retrying rate-limit and transient errors a bounded number of times.
 */
export interface AdsApi {
  /** Confirms a music id for carousel ads (GET file/music/get/, SEARCH_BY_MUSIC_ID). */
  checkMusic(auth: TikTokAuth, music_id: string): Promise<MusicCheck>;
  /**
   * The music a carousel can use (GET file/music/get/, `music_scene` CAROUSEL_ADS): the
   * advertiser's own uploads (`sources` USER) and a first page of TikTok's commercial library
   * (`sources` SYSTEM; UNCONFIRMED that TikTok answers this search, so a refusal of it leaves
   * only the uploads). See `MusicCalls.listMusic`.
   */
  listMusic(auth: TikTokAuth): Promise<{ uploads: MusicInfo[]; library: MusicInfo[] }>;
  /** Uploads a custom MP3 for carousel ads (POST file/music/upload/, music_scene CAROUSEL_ADS). */
  uploadMusic(auth: TikTokAuth, file: { file_name: string; data: Buffer }): Promise<MusicInfo>;
  /**
   * Uploads a JPEG/PNG to the image library (POST file/image/ad/upload/, multipart with
   * `image_signature` = MD5). Errors: 40900 signature, 40907/40908 size/type, 40911 name taken.
   */
  uploadImage(auth: TikTokAuth, file: { file_name: string; data: Buffer }): Promise<ImageInfo>;
  /** Uploads an MP4/MOV to the video library (POST file/video/ad/upload/, `video_signature`). */
  uploadVideo(auth: TikTokAuth, file: { file_name: string; data: Buffer }): Promise<VideoInfo>;
  /** Lists the advertiser's images (GET file/image/ad/search/). */
  listImages(auth: TikTokAuth): Promise<ImageInfo[]>;
  /** Lists the advertiser's videos (GET file/video/ad/search/). */
  listVideos(auth: TikTokAuth): Promise<VideoInfo[]>;
  /** Lists `CUSTOMIZED_USER` identities (GET identity/get/). */
  listIdentities(auth: TikTokAuth): Promise<IdentityInfo[]>;
  /**
   * Creates a `CUSTOMIZED_USER` identity (POST identity/create/) named `display_name` (≤ 100
   * characters) with the 1:1 avatar image `image_uri` (an `image_id`; omitted when undefined).
   */
  createIdentity(auth: TikTokAuth, display_name: string, image_uri?: string): Promise<IdentityInfo>;
  /** POST campaign/create/ with `body` (advertiser_id is added); returns the new `campaign_id`. */
  createCampaign(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ campaign_id: string } & TikTokRequestRef>;
  /** POST adgroup/create/ with `body` (advertiser_id is added); returns the new `adgroup_id`. */
  createAdGroup(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ adgroup_id: string } & TikTokRequestRef>;
  /**
   * POST ad/create/ with `body` (advertiser_id is added); returns the new `ad_ids`. Sent once,
   * never retried by the transport (no idempotency key): on a lost reply the caller looks the
   * ad up by `ad_name` before creating again.
   */
  createAd(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ ad_ids: string[] } & TikTokRequestRef>;
  /** Campaigns whose name matches `campaign_name` exactly (GET campaign/get/, name filter). */
  findCampaigns(auth: TikTokAuth, campaign_name: string): Promise<CampaignSummary[]>;
  /**
   * Ad groups named exactly `adgroup_name` (GET adgroup/get/ with a name filter), in
   * `campaign_id` or, when it is undefined, anywhere in the advertiser account. With an empty
   * `adgroup_name` and a `campaign_id`, all of that campaign's ad groups (first 100).
   */
  findAdGroups(
    auth: TikTokAuth,
    campaign_id: string | undefined,
    adgroup_name: string,
  ): Promise<AdGroupSummary[]>;
  /**
   * Sets `operation_status` of campaigns / ad groups / ads (POST `<level>/status/update/` with
   * `<level>_ids`). Idempotent by nature (it sets a state), so the transport may retry it.
   */
  updateStatus(
    auth: TikTokAuth,
    level: ObjectLevel,
    ids: string[],
    operation_status: OperationStatus,
  ): Promise<TikTokRequestRef>;
  /** Sets an ad group's budget (POST adgroup/update/ `{adgroup_id, budget}`). */
  updateAdGroupBudget(auth: TikTokAuth, adgroup_id: string, budget: number): Promise<void>;
  /** Lists the ads in an ad group (GET ad/get/ filtered by adgroup_ids). */
  listAds(auth: TikTokAuth, adgroup_id: string): Promise<AdSummary[]>;
}
