/**
 * `TikTokClient`: the {@link AdsApi} port over HTTP against production
 * (`https://business-api.tiktok.com`), TikTok's sandbox (`https://sandbox-ads.tiktok.com`) or the
 * local emulator (`http://127.0.0.1:PORT`). One base URL chooses which.
 *
 * Source: TikTok Marketing API v1.3 docs as summarised in reference/tiktok-api.md §1-§11.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../logger';
import type { Metrics } from '../metrics/port';
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
import { TikTokApiError } from './errors';
import { type ApiRequest, DEFAULT_RETRY, type RetryPolicy, TikTokHttp } from './http';

export type { RetryPolicy } from './http';

/** Options of {@link TikTokClient}. */
export interface TikTokClientOptions {
  /** Scheme + host (+ port), no path: the client appends `/open_api/v1.3/<endpoint>/`. */
  baseUrl: string;
  /** Per-attempt timeout in milliseconds. Default 30000. */
  timeoutMs?: number;
  /** Retry policy for rate-limit and transient errors. Default {@link DEFAULT_RETRY}. */
  retry?: RetryPolicy;
  /** Receives endpoint, code, request_id and attempt of calls; never tokens or secrets. */
  logger?: Logger;
  /** Counts every HTTP attempt (`tiktok_calls_total{endpoint,code}`). */
  metrics?: Pick<Metrics, 'tiktokCall'>;
  /** Waits between retries; inject `async () => {}` in tests. Default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source in [0, 1). Default `Math.random`. */
  random?: () => number;
}

/** The developer app's credentials (TikTok "App ID" and "Secret"). Never logged. */
export interface AppCredentials {
  app_id: string;
  secret: string;
}

/**
 * What `oauth2/access_token/` returns for an advertiser authorization: a long-term token (no
 * expiry, no refresh token), the advertisers it reaches, and the numeric scope ids granted.
 * Source: reference §2.3.
 */
export interface AccessTokenGrant {
  access_token: string;
  advertiser_ids: string[];
  scope: number[];
}

/** One row of `oauth2/advertiser/get/`. */
export interface AuthorizedAdvertiser {
  advertiser_id: string;
  advertiser_name: string;
}

/** `data.page_info` of TikTok list endpoints. */
export interface PageInfo {
  page: number;
  page_size: number;
  total_number: number;
  total_page: number;
}

/** TikTok's envelope `request_id` of the call that made a result, when there was one. */
interface Tracked {
  request_id?: string;
}

function tracked<T extends object>(value: T, request_id: string | undefined): T & Tracked {
  return request_id === undefined ? value : { ...value, request_id };
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function str(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
}

function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

function asList(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value)
    ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null)
    : [];
}

/** Keeps only the {@link MusicInfo} fields of a TikTok Music object, ids as strings. */
function toMusicInfo(raw: Record<string, unknown>): MusicInfo {
  const info: MusicInfo = { music_id: str(raw.music_id) };
  if (typeof raw.file_name === 'string') info.file_name = raw.file_name;
  if (typeof raw.author === 'string') info.author = raw.author;
  if (typeof raw.duration === 'number') info.duration = raw.duration;
  if (Array.isArray(raw.sources)) info.sources = raw.sources.map(String);
  if (typeof raw.copyright === 'string') info.copyright = raw.copyright;
  return info;
}

/** An Image object (upload or search row) as {@link ImageInfo}. */
function toImageInfo(row: Record<string, unknown>): ImageInfo {
  const info: ImageInfo = {
    image_id: str(row.image_id),
    file_name: str(row.file_name),
    width: num(row.width),
    height: num(row.height),
    is_carousel_usable: row.is_carousel_usable === true,
  };
  if (typeof row.image_url === 'string') info.preview_url = row.image_url;
  if (typeof row.create_time === 'string') info.create_time = row.create_time;
  return info;
}

/** A Video object as {@link VideoInfo} (`duration` in seconds). */
function toVideoInfo(row: Record<string, unknown>): VideoInfo {
  const info: VideoInfo = {
    video_id: str(row.video_id),
    file_name: str(row.file_name),
    width: num(row.width),
    height: num(row.height),
    duration: num(row.duration),
  };
  if (typeof row.video_cover_url === 'string') info.preview_url = row.video_cover_url;
  if (typeof row.create_time === 'string') info.create_time = row.create_time;
  return info;
}

/**
 * The Marketing API client. Every method throws `TikTokApiError` (tiktok/errors.ts) on a non-zero
 * envelope code or a transport failure, after retrying `rate_limit`/`transient` errors up to
 * `retry.attempts` tries in total; other errors are tried once.
 */
export class TikTokClient implements AdsApi {
  readonly #http: TikTokHttp;

  constructor(options: TikTokClientOptions) {
    const httpOptions: ConstructorParameters<typeof TikTokHttp>[0] = {
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? 30_000,
      retry: options.retry ?? DEFAULT_RETRY,
      sleep: options.sleep ?? defaultSleep,
      random: options.random ?? Math.random,
    };
    if (options.logger) httpOptions.logger = options.logger.child({ component: 'tiktok-client' });
    if (options.metrics) httpOptions.metrics = options.metrics;
    this.#http = new TikTokHttp(httpOptions);
  }

  /** HTTP requests sent so far, retries included. Tests use it to prove "no API call was made". */
  get calls(): number {
    return this.#http.calls;
  }

  private send<T>(request: ApiRequest): Promise<T> {
    return this.#http.send<T>(request);
  }

  private get<T>(auth: TikTokAuth, endpoint: string, query: Record<string, unknown>): Promise<T> {
    return this.send<T>({
      method: 'GET',
      endpoint,
      access_token: auth.access_token,
      query: { advertiser_id: auth.advertiser_id, ...query },
    });
  }

  private post<T>(auth: TikTokAuth, endpoint: string, body: Record<string, unknown>): Promise<T> {
    return this.send<T>({
      method: 'POST',
      endpoint,
      access_token: auth.access_token,
      body: { ...body, advertiser_id: auth.advertiser_id },
    });
  }

  /** A POST whose envelope `request_id` the caller keeps (creates and status updates). */
  private async postTracked<T>(
    auth: TikTokAuth,
    endpoint: string,
    body: Record<string, unknown>,
    retry?: false,
  ): Promise<{ data: T; request_id?: string }> {
    return this.#http.sendEnvelope<T>({
      method: 'POST',
      endpoint,
      access_token: auth.access_token,
      body: { ...body, advertiser_id: auth.advertiser_id },
      ...(retry === false ? { retry } : {}),
    });
  }

  /**
   * Exchanges the `auth_code` from the authorization redirect for a long-term advertiser token.
   * POST oauth2/access_token/ `{app_id, secret, auth_code}` (no Access-Token header).
   * Errors: 40110 code used/expired, 40101 bad app/secret. Source: reference §2.3.
   */
  async exchangeAuthCode(input: AppCredentials & { auth_code: string }): Promise<AccessTokenGrant> {
    const data = await this.send<Record<string, unknown>>({
      method: 'POST',
      endpoint: 'oauth2/access_token/',
      body: { app_id: input.app_id, secret: input.secret, auth_code: input.auth_code },
    });
    return {
      access_token: str(data.access_token),
      advertiser_ids: Array.isArray(data.advertiser_ids) ? data.advertiser_ids.map(String) : [],
      scope: Array.isArray(data.scope) ? data.scope.map(num) : [],
    };
  }

  /**
   * Revokes an advertiser token. POST oauth2/revoke_token/ `{app_id, secret, access_token}`;
   * returns the advertisers the token can no longer reach. Source: reference §2.4.
   */
  async revokeToken(
    input: AppCredentials & { access_token: string },
  ): Promise<{ app_id: string; advertiser_ids: string[] }> {
    const data = await this.send<Record<string, unknown>>({
      method: 'POST',
      endpoint: 'oauth2/revoke_token/',
      body: { app_id: input.app_id, secret: input.secret, access_token: input.access_token },
    });
    return {
      app_id: str(data.app_id),
      advertiser_ids: Array.isArray(data.advertiser_ids) ? data.advertiser_ids.map(String) : [],
    };
  }

  /**
   * Lists the advertisers a token reaches. GET oauth2/advertiser/get/?app_id&secret with the
   * Access-Token header (the secret travels in the query: TikTok's design). Source: reference §2.4.
   */
  async listAuthorizedAdvertisers(
    input: AppCredentials & { access_token: string },
  ): Promise<AuthorizedAdvertiser[]> {
    const data = await this.send<{ list?: unknown }>({
      method: 'GET',
      endpoint: 'oauth2/advertiser/get/',
      access_token: input.access_token,
      query: { app_id: input.app_id, secret: input.secret },
    });
    return asList(data.list).map((row) => ({
      advertiser_id: str(row.advertiser_id),
      advertiser_name: str(row.advertiser_name),
    }));
  }

  /**
   * GET file/music/get/ with `music_scene=CAROUSEL_ADS`, `search_type=SEARCH_BY_MUSIC_ID`,
   * `filtering={"music_ids":[id]}`: listed → `ok`. Otherwise the same search in the default
   * `CREATIVE_ASSET` scene: listed there → `not_for_carousel` (ad/create/ would refuse it);
   * not listed, or that search refused as a validation error → `not_found`. The `copyright`
   * flag is passed on, never a reason to refuse (it is about downloading: bububa/tiktok-business
   * model/file/music/music.go). Source: reference §8.
   */
  async checkMusic(auth: TikTokAuth, music_id: string): Promise<MusicCheck> {
    const find = async (music_scene: string) => {
      const data = await this.get<{ musics?: unknown }>(auth, 'file/music/get/', {
        music_scene,
        search_type: 'SEARCH_BY_MUSIC_ID',
        filtering: { music_ids: [music_id] },
      });
      const found = asList(data.musics).find((m) => str(m.music_id) === music_id);
      return found ? toMusicInfo(found) : undefined;
    };
    const music = await find('CAROUSEL_ADS');
    if (music) return { status: 'ok', music };
    const elsewhere = await find('CREATIVE_ASSET').catch((error: unknown) => {
      if (error instanceof TikTokApiError && error.error_class === 'validation') return undefined;
      throw error;
    });
    return elsewhere ? { status: 'not_for_carousel', music: elsewhere } : { status: 'not_found' };
  }

  /**
   * POST file/music/upload/ as multipart: `advertiser_id`, `music_scene=CAROUSEL_ADS`,
   * `upload_type=UPLOAD_BY_FILE`, `music_file`, `music_signature` (hex MD5 of the bytes),
   * `file_name`. Carousel music must be MP3 ≤ 10 MB. Errors: 40900 signature mismatch, 40911
   * duplicate file_name, 40907/40908 size/type. Source: reference §8.
   */
  async uploadMusic(
    auth: TikTokAuth,
    file: { file_name: string; data: Buffer },
  ): Promise<MusicInfo> {
    const signature = createHash('md5').update(file.data).digest('hex');
    const form = new FormData();
    form.set('advertiser_id', auth.advertiser_id);
    form.set('music_scene', 'CAROUSEL_ADS');
    form.set('upload_type', 'UPLOAD_BY_FILE');
    form.set('music_signature', signature);
    form.set('file_name', file.file_name);
    form.set(
      'music_file',
      new Blob([new Uint8Array(file.data)], { type: 'audio/mpeg' }),
      file.file_name,
    );
    const data = await this.send<Record<string, unknown>>({
      method: 'POST',
      endpoint: 'file/music/upload/',
      access_token: auth.access_token,
      form,
    });
    return toMusicInfo(data);
  }

  /**
   * POST file/image/ad/upload/ as multipart: `advertiser_id`, `upload_type=UPLOAD_BY_FILE`,
   * `image_file`, `image_signature` (hex MD5 of the bytes), `file_name`. JPG/PNG ≤ 50 MB,
   * width × height ≤ 3,686,400. Returns the Image object. Errors: 40900 signature mismatch,
   * 40911 duplicate file_name, 40907/40908 size/type. Source: reference §9 (TikTok "Upload an
   * image", doc 1739067433456642).
   */
  async uploadImage(
    auth: TikTokAuth,
    file: { file_name: string; data: Buffer },
  ): Promise<ImageInfo> {
    const data = await this.upload(auth, 'file/image/ad/upload/', 'image', file);
    return toImageInfo(Array.isArray(data) ? (asList(data)[0] ?? {}) : data);
  }

  /**
   * POST file/video/ad/upload/ as multipart (`video_file`, `video_signature`, `file_name`).
   * TikTok answers with `data` as an array of one Video object (reference §3, §9).
   */
  async uploadVideo(
    auth: TikTokAuth,
    file: { file_name: string; data: Buffer },
  ): Promise<VideoInfo> {
    const data = await this.upload(auth, 'file/video/ad/upload/', 'video', file);
    const row = Array.isArray(data) ? asList(data)[0] : data;
    return toVideoInfo((row ?? {}) as Record<string, unknown>);
  }

  private upload(
    auth: TikTokAuth,
    endpoint: string,
    field: 'image' | 'video',
    file: { file_name: string; data: Buffer },
  ): Promise<Record<string, unknown> | unknown[]> {
    const form = new FormData();
    form.set('advertiser_id', auth.advertiser_id);
    form.set('upload_type', 'UPLOAD_BY_FILE');
    form.set(`${field}_signature`, createHash('md5').update(file.data).digest('hex'));
    form.set('file_name', file.file_name);
    form.set(`${field}_file`, new Blob([new Uint8Array(file.data)]), file.file_name);
    return this.send({ method: 'POST', endpoint, access_token: auth.access_token, form });
  }

  /**
   * GET file/image/ad/search/ (first page of up to 100). The `data.list[]` + `page_info` shape is
   * our reading of TikTok's "Search for images" doc (reference §9).
   */
  async listImages(auth: TikTokAuth): Promise<ImageInfo[]> {
    const data = await this.get<{ list?: unknown }>(auth, 'file/image/ad/search/', {
      page: 1,
      page_size: 100,
    });
    return asList(data.list).map(toImageInfo);
  }

  /**
   * GET file/video/ad/search/ (first page of up to 100). The `data.list[]` + `page_info` shape is
   * our reading of TikTok's "Search for videos" doc (reference §9). `duration` in seconds.
   */
  async listVideos(auth: TikTokAuth): Promise<VideoInfo[]> {
    const data = await this.get<{ list?: unknown }>(auth, 'file/video/ad/search/', {
      page: 1,
      page_size: 100,
    });
    return asList(data.list).map(toVideoInfo);
  }

  /** GET identity/get/ with `identity_type=CUSTOMIZED_USER` → `data.identity_list[]`. */
  async listIdentities(auth: TikTokAuth): Promise<IdentityInfo[]> {
    const data = await this.get<{ identity_list?: unknown }>(auth, 'identity/get/', {
      identity_type: 'CUSTOMIZED_USER',
      page: 1,
      page_size: 100,
    });
    return asList(data.identity_list).map((row) => ({
      identity_id: str(row.identity_id),
      display_name: str(row.display_name),
    }));
  }

  /**
   * POST identity/create/ `{display_name, image_uri}` → `data.identity_id`. The official SDK
   * marks all three of `advertiser_id`, `display_name` (≤ 100 chars) and `image_uri` (avatar
   * `image_id`, 1:1) required (tiktok-business-api-sdk js_sdk/docs/IdentityCreateBody.md); the Go
   * SDK calls `image_uri` optional with a default avatar (bububa/tiktok-business
   * model/identity/create.go). Sent whenever given.
   */
  async createIdentity(
    auth: TikTokAuth,
    display_name: string,
    image_uri?: string,
  ): Promise<IdentityInfo> {
    const data = await this.post<{ identity_id?: unknown }>(auth, 'identity/create/', {
      display_name,
      ...(image_uri === undefined ? {} : { image_uri }),
    });
    return { identity_id: str(data.identity_id), display_name };
  }

  /** POST campaign/create/ (advertiser_id added) → `data.campaign_id`. Reference §5. */
  async createCampaign(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ campaign_id: string } & Tracked> {
    const r = await this.postTracked<{ campaign_id?: unknown }>(auth, 'campaign/create/', body);
    return tracked({ campaign_id: str(r.data.campaign_id) }, r.request_id);
  }

  /** POST adgroup/create/ (advertiser_id added) → `data.adgroup_id`. Reference §6. */
  async createAdGroup(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ adgroup_id: string } & Tracked> {
    const r = await this.postTracked<{ adgroup_id?: unknown }>(auth, 'adgroup/create/', body);
    return tracked({ adgroup_id: str(r.data.adgroup_id) }, r.request_id);
  }

  /**
   * POST ad/create/ (advertiser_id added) → `data.ad_ids`. No idempotency key, so it is sent
   * once and never retried here (reference §10): a resend after a lost reply would make a
   * second ad. The caller looks the ad up by name first.
   */
  async createAd(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ ad_ids: string[] } & Tracked> {
    const r = await this.postTracked<{ ad_ids?: unknown }>(auth, 'ad/create/', body, false);
    const ad_ids = Array.isArray(r.data.ad_ids) ? r.data.ad_ids.map(String) : [];
    return tracked({ ad_ids }, r.request_id);
  }

  /**
   * GET campaign/get/ with `filtering={"campaign_name":…}` (TikTok matches loosely), keeping
   * exact matches only. Deleted campaigns are not listed. Reference §10.
   */
  async findCampaigns(auth: TikTokAuth, campaign_name: string): Promise<CampaignSummary[]> {
    const data = await this.get<{ list?: unknown }>(auth, 'campaign/get/', {
      filtering: { campaign_name },
      page: 1,
      page_size: 100,
    });
    return asList(data.list)
      .filter((row) => row.campaign_name === campaign_name)
      .map((row) => ({
        campaign_id: str(row.campaign_id),
        campaign_name: str(row.campaign_name),
        operation_status: str(row.operation_status),
      }));
  }

  /** GET adgroup/get/ with `filtering={"campaign_ids":[…],"adgroup_name":…}`, exact matches. */
  async findAdGroups(
    auth: TikTokAuth,
    campaign_id: string,
    adgroup_name: string,
  ): Promise<AdGroupSummary[]> {
    const data = await this.get<{ list?: unknown }>(auth, 'adgroup/get/', {
      filtering: { campaign_ids: [campaign_id], adgroup_name },
      page: 1,
      page_size: 100,
    });
    return asList(data.list)
      .filter((row) => row.adgroup_name === adgroup_name)
      .map((row) => ({
        adgroup_id: str(row.adgroup_id),
        adgroup_name: str(row.adgroup_name),
        campaign_id: str(row.campaign_id),
        operation_status: str(row.operation_status),
      }));
  }

  /**
   * POST campaign/status/update/ `{campaign_ids, operation_status}` (likewise adgroup/, ad/).
   * ENABLE | DISABLE | DELETE. Source: TikTok "Update the status of campaigns / ad groups / ads".
   */
  async updateStatus(
    auth: TikTokAuth,
    level: ObjectLevel,
    ids: string[],
    operation_status: OperationStatus,
  ): Promise<Tracked> {
    const r = await this.postTracked(auth, `${level}/status/update/`, {
      [`${level}_ids`]: ids,
      operation_status,
    });
    return tracked({}, r.request_id);
  }

  /** POST adgroup/update/ `{adgroup_id, budget}`. Source: TikTok "Update an ad group". */
  async updateAdGroupBudget(auth: TikTokAuth, adgroup_id: string, budget: number): Promise<void> {
    await this.post(auth, 'adgroup/update/', { adgroup_id, budget });
  }

  /** GET ad/get/ with `filtering={"adgroup_ids":[id]}` (first 100). Reference §10. */
  async listAds(auth: TikTokAuth, adgroup_id: string): Promise<AdSummary[]> {
    const data = await this.get<{ list?: unknown }>(auth, 'ad/get/', {
      filtering: { adgroup_ids: [adgroup_id] },
      page: 1,
      page_size: 100,
    });
    return asList(data.list).map((row) => ({
      ad_id: str(row.ad_id),
      ad_name: str(row.ad_name),
      adgroup_id: str(row.adgroup_id),
      operation_status: str(row.operation_status),
    }));
  }
}
