/**
 * `TikTokClient`: the {@link AdsApi} port over HTTP against production
 * (`https://business-api.tiktok.com`), TikTok's sandbox (`https://sandbox-ads.tiktok.com`) or the
 * local emulator (`http://127.0.0.1:PORT`). One base URL chooses which.
 *
 * Source: TikTok Marketing API v1.3 docs as collected in docs/tiktok-api.md.
 */
import type {
  AdGroupSummary,
  AdSummary,
  AdsApi,
  CampaignSummary,
  IdentityInfo,
  ImageInfo,
  MusicCheck,
  MusicInfo,
  ObjectLevel,
  OperationStatus,
  TikTokAuth,
  VideoInfo,
} from './ads-api';
import { CampaignCalls } from './client/campaigns';
import { CreativeLibraryCalls } from './client/creative-library';
import { IdentityCalls } from './client/identities';
import { MusicCalls } from './client/music';
import {
  type AccessTokenGrant,
  type AppCredentials,
  type AuthorizedAdvertiser,
  OAuthCalls,
} from './client/oauth';
import type { Tracked } from './client/parse';
import { type TikTokClientOptions, TikTokTransport } from './client/transport';

export type { AccessTokenGrant, AppCredentials, AuthorizedAdvertiser } from './client/oauth';
export type { PageInfo } from './client/parse';
export type { TikTokClientOptions } from './client/transport';
export type { RetryPolicy } from './http';

/**
 * The Marketing API client. Every method throws `TikTokApiError` (tiktok/errors.ts) on a non-zero
 * envelope code or a transport failure, after retrying `tiktok_rate_limited`/`tiktok_transient`
 * errors up to `retry.attempts` tries in total; other errors are tried once.
 */
export class TikTokClient implements AdsApi {
  readonly #transport: TikTokTransport;
  readonly #oauth: OAuthCalls;
  readonly #music: MusicCalls;
  readonly #library: CreativeLibraryCalls;
  readonly #identities: IdentityCalls;
  readonly #campaigns: CampaignCalls;

  constructor(options: TikTokClientOptions) {
    const api = new TikTokTransport(options);
    this.#transport = api;
    this.#oauth = new OAuthCalls(api);
    this.#music = new MusicCalls(api);
    this.#library = new CreativeLibraryCalls(api);
    this.#identities = new IdentityCalls(api);
    this.#campaigns = new CampaignCalls(api);
  }

  /** HTTP requests sent so far, retries included. Tests use it to prove "no API call was made". */
  get calls(): number {
    return this.#transport.calls;
  }

  /** See {@link OAuthCalls.exchangeAuthCode}. */
  exchangeAuthCode(input: AppCredentials & { auth_code: string }): Promise<AccessTokenGrant> {
    return this.#oauth.exchangeAuthCode(input);
  }

  /** See {@link OAuthCalls.revokeToken}. */
  revokeToken(
    input: AppCredentials & { access_token: string },
  ): Promise<{ app_id: string; advertiser_ids: string[] }> {
    return this.#oauth.revokeToken(input);
  }

  /** See {@link OAuthCalls.listAuthorizedAdvertisers}. */
  listAuthorizedAdvertisers(
    input: AppCredentials & { access_token: string },
  ): Promise<AuthorizedAdvertiser[]> {
    return this.#oauth.listAuthorizedAdvertisers(input);
  }

  /** See {@link MusicCalls.checkMusic}. */
  checkMusic(auth: TikTokAuth, music_id: string): Promise<MusicCheck> {
    return this.#music.checkMusic(auth, music_id);
  }

  /** See {@link MusicCalls.listMusic}. */
  listMusic(auth: TikTokAuth): Promise<{ uploads: MusicInfo[]; library: MusicInfo[] }> {
    return this.#music.listMusic(auth);
  }

  /** See {@link MusicCalls.uploadMusic}. */
  uploadMusic(auth: TikTokAuth, file: { file_name: string; data: Buffer }): Promise<MusicInfo> {
    return this.#music.uploadMusic(auth, file);
  }

  /** See {@link CreativeLibraryCalls.uploadImage}. */
  uploadImage(auth: TikTokAuth, file: { file_name: string; data: Buffer }): Promise<ImageInfo> {
    return this.#library.uploadImage(auth, file);
  }

  /** See {@link CreativeLibraryCalls.uploadVideo}. */
  uploadVideo(auth: TikTokAuth, file: { file_name: string; data: Buffer }): Promise<VideoInfo> {
    return this.#library.uploadVideo(auth, file);
  }

  /** See {@link CreativeLibraryCalls.listImages}. */
  listImages(auth: TikTokAuth): Promise<ImageInfo[]> {
    return this.#library.listImages(auth);
  }

  /** See {@link CreativeLibraryCalls.listVideos}. */
  listVideos(auth: TikTokAuth): Promise<VideoInfo[]> {
    return this.#library.listVideos(auth);
  }

  /** See {@link IdentityCalls.listIdentities}. */
  listIdentities(auth: TikTokAuth): Promise<IdentityInfo[]> {
    return this.#identities.listIdentities(auth);
  }

  /** See {@link IdentityCalls.createIdentity}. */
  createIdentity(
    auth: TikTokAuth,
    display_name: string,
    image_uri?: string,
  ): Promise<IdentityInfo> {
    return this.#identities.createIdentity(auth, display_name, image_uri);
  }

  /** See {@link CampaignCalls.createCampaign}. */
  createCampaign(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ campaign_id: string } & Tracked> {
    return this.#campaigns.createCampaign(auth, body);
  }

  /** See {@link CampaignCalls.createAdGroup}. */
  createAdGroup(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ adgroup_id: string } & Tracked> {
    return this.#campaigns.createAdGroup(auth, body);
  }

  /** See {@link CampaignCalls.createAd}. */
  createAd(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ ad_ids: string[] } & Tracked> {
    return this.#campaigns.createAd(auth, body);
  }

  /** See {@link CampaignCalls.findCampaigns}. */
  findCampaigns(auth: TikTokAuth, campaign_name: string): Promise<CampaignSummary[]> {
    return this.#campaigns.findCampaigns(auth, campaign_name);
  }

  /** See {@link CampaignCalls.findAdGroups}. */
  findAdGroups(
    auth: TikTokAuth,
    campaign_id: string | undefined,
    adgroup_name: string,
  ): Promise<AdGroupSummary[]> {
    return this.#campaigns.findAdGroups(auth, campaign_id, adgroup_name);
  }

  /** See {@link CampaignCalls.updateStatus}. */
  updateStatus(
    auth: TikTokAuth,
    level: ObjectLevel,
    ids: string[],
    operation_status: OperationStatus,
  ): Promise<Tracked> {
    return this.#campaigns.updateStatus(auth, level, ids, operation_status);
  }

  /** See {@link CampaignCalls.updateAdGroupBudget}. */
  updateAdGroupBudget(auth: TikTokAuth, adgroup_id: string, budget: number): Promise<void> {
    return this.#campaigns.updateAdGroupBudget(auth, adgroup_id, budget);
  }

  /** See {@link CampaignCalls.listAds}. */
  listAds(auth: TikTokAuth, adgroup_id: string): Promise<AdSummary[]> {
    return this.#campaigns.listAds(auth, adgroup_id);
  }
}
