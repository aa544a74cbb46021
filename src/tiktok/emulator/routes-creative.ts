/**
 * Creative endpoints: music search + upload, image and video library search, identities.
 * Source: docs/tiktok-api.md §7 (identity/create/), §8 (music), §9 (media).
 *
 * Our choices where TikTok is silent: a USER upload is visible to its own advertiser only, under
 * the scene family it was uploaded with (carousel scenes vs. CREATIVE_ASSET); image/video search
 * answer `data.list[]` + `data.page_info` (our reading of "Search for images/videos").
 */
import { createHash } from 'node:crypto';
import { EmulatorError, isoTime, paramError } from './envelope';
import type { AdvertiserFixture } from './fixtures';
import { previewUrl } from './preview';
import {
  filteringOf,
  idFilter,
  type PageInfo,
  paginate,
  type Route,
  type RouteContext,
} from './route';
import { checkEnum, checkText, MUSIC_SCENES, optString, type Params, reqString } from './rules';
import type { MusicRecord } from './state';

/** Carousel music limit: MP3 ≤ 10 MB (bububa model/file/music/upload.go, docs/tiktok-api.md §8). */
export const MAX_CAROUSEL_MUSIC_BYTES = 10 * 1024 * 1024;

const SEARCH_TYPES = [
  'SEARCH_BY_KEYWORD',
  'SEARCH_BY_RECOMMEND',
  'SEARCH_BY_LIKED',
  'SEARCH_BY_HISTORY',
  'SEARCH_BY_MUSIC_ID',
  'SEARCH_BY_SOURCE',
] as const;
const CAROUSEL_SCENES = new Set(['CAROUSEL_ADS', 'CATALOG_CAROUSEL']);

function advertiserOf(ctx: RouteContext): AdvertiserFixture {
  if (!ctx.advertiser) throw new Error('route needs an advertiser');
  return ctx.advertiser;
}

/** The Music object as file/music/* return it (internal fields dropped). */
function musicView(m: MusicRecord): Params {
  const { advertiser_id: _owner, music_scene: _scene, data: _bytes, ...view } = m;
  return view;
}

/**
 * Whether a track is listed for `scene`: SYSTEM tracks in every scene unless limited to one;
 * uploads for their own advertiser in their scene family. Scene families: docs/tiktok-api.md §8;
 * the per-advertiser visibility is our choice (UNCONFIRMED).
 */
function visible(m: MusicRecord, advertiser_id: string, scene: string): boolean {
  if (m.sources[0] === 'SYSTEM') return !m.music_scene || m.music_scene === scene;
  if (m.advertiser_id !== advertiser_id) return false;
  return CAROUSEL_SCENES.has(scene) === CAROUSEL_SCENES.has(m.music_scene ?? '');
}

/** True when `data` looks like an MP3: an ID3v2 tag or an MPEG audio frame sync. */
function looksLikeMp3(data: Buffer): boolean {
  if (data.subarray(0, 3).toString('latin1') === 'ID3') return true;
  const b0 = data[0] ?? 0;
  const b1 = data[1] ?? 0;
  return b0 === 0xff && (b1 & 0xe0) === 0xe0;
}

/**
 * file/music/get/. Rules: `search_type` required for carousel scenes; SEARCH_BY_MUSIC_ID needs
 * `filtering.music_ids` (≤ 100); page_size ≤ 1,000. Source: bububa api/file/music + model
 * (docs/tiktok-api.md §8). LIKED/HISTORY answer empty lists: our simplification.
 */
const musicGet: Route = {
  method: 'GET',
  auth: true,
  advertiser: true,
  scope: 630,
  handle(ctx) {
    const adv = advertiserOf(ctx);
    const scene =
      checkEnum(optString(ctx.params, 'music_scene'), MUSIC_SCENES, 'music_scene') ??
      'CREATIVE_ASSET';
    const searchType = checkEnum(optString(ctx.params, 'search_type'), SEARCH_TYPES, 'search_type');
    if (CAROUSEL_SCENES.has(scene) && !searchType) {
      paramError(`Missing required field(s): search_type (required for music_scene ${scene}).`);
    }
    const filtering = filteringOf(ctx.params);
    let musics = [...ctx.state.music.values()].filter((m) => visible(m, adv.advertiser_id, scene));
    if (searchType === 'SEARCH_BY_MUSIC_ID') {
      const ids = idFilter(filtering, 'music_ids');
      if (!ids || ids.size === 0) {
        paramError('Missing required field(s): filtering.music_ids (SEARCH_BY_MUSIC_ID).');
      }
      if (ids.size > 100) paramError('filtering.music_ids: at most 100 ids.');
      musics = musics.filter((m) => ids.has(m.music_id));
    } else if (searchType === 'SEARCH_BY_SOURCE' || (!searchType && filtering.sources)) {
      const sources = idFilter(filtering, 'sources');
      if (!sources) paramError('Missing required field(s): filtering.sources (SEARCH_BY_SOURCE).');
      musics = musics.filter((m) => sources.has(m.sources[0]));
    } else if (searchType === 'SEARCH_BY_KEYWORD') {
      const keyword = typeof filtering.keyword === 'string' ? filtering.keyword.toLowerCase() : '';
      if (!keyword) paramError('Missing required field(s): filtering.keyword (SEARCH_BY_KEYWORD).');
      musics = musics.filter(
        (m) =>
          m.sources[0] === 'SYSTEM' &&
          [m.file_name, m.author ?? '', m.style ?? ''].some((t) =>
            t.toLowerCase().includes(keyword),
          ),
      );
    } else if (searchType === 'SEARCH_BY_LIKED' || searchType === 'SEARCH_BY_HISTORY') {
      musics = [];
    } else if (searchType === 'SEARCH_BY_RECOMMEND') {
      musics = musics.filter((m) => m.sources[0] === 'SYSTEM');
    }
    return musicPage(musics.map(musicView), ctx.params, searchType);
  },
};

/**
 * One page of file/music/get/ results, by TikTok's paging rules: `page` ≥ 1, `page_size` 1..1,000
 * (default 1,000; at most 200 for SEARCH_BY_KEYWORD and SEARCH_BY_HISTORY), `page × page_size`
 * ≤ 100,000; SEARCH_BY_RECOMMEND, SEARCH_BY_LIKED and SEARCH_BY_MUSIC_ID ignore paging (all
 * results on one page). Source: bububa api/file/music (docs/tiktok-api.md §8).
 */
function musicPage(
  musics: Params[],
  params: Params,
  searchType: string | undefined,
): { musics: Params[]; page_info: PageInfo } {
  if (
    searchType === 'SEARCH_BY_RECOMMEND' ||
    searchType === 'SEARCH_BY_LIKED' ||
    searchType === 'SEARCH_BY_MUSIC_ID'
  ) {
    const page_size = Math.max(1, musics.length);
    return {
      musics,
      page_info: { page: 1, page_size, total_number: musics.length, total_page: 1 },
    };
  }
  const max = searchType === 'SEARCH_BY_KEYWORD' || searchType === 'SEARCH_BY_HISTORY' ? 200 : 1000;
  const { list, page_info } = paginate(musics, params, max, max);
  if (page_info.page * page_info.page_size > 100_000) {
    paramError('page * page_size: must be at most 100000.');
  }
  return { musics: list, page_info };
}

/**
 * file/music/upload/. Rules: carousel scenes need `upload_type` (or `material_action`);
 * `music_signature` = MD5 (mismatch 40900 SIGNATURE_ERROR); empty 40906; carousel music MP3 ≤ 10 MB
 * (40907 / 40908); `file_name` 1-100, unique per advertiser (40911). Sources: bububa
 * model/file/music/upload.go (docs/tiktok-api.md §8); codes: SDK tiktok_business/tiktok_code.py.
 * The MP3 sniff (ID3 tag or frame sync) is ours.
 */
const musicUpload: Route = {
  method: 'POST',
  auth: true,
  advertiser: true,
  scope: 631,
  multipart: true,
  handle(ctx) {
    const adv = advertiserOf(ctx);
    const { params, state } = ctx;
    const scene =
      checkEnum(optString(params, 'music_scene'), MUSIC_SCENES, 'music_scene') ?? 'CREATIVE_ASSET';
    const uploadType = checkEnum(
      optString(params, 'upload_type'),
      ['UPLOAD_BY_FILE', 'UPLOAD_BY_FILE_ID'] as const,
      'upload_type',
    );
    if (CAROUSEL_SCENES.has(scene) && !uploadType && params.material_action === undefined) {
      paramError(`Missing required field(s): upload_type (required for music_scene ${scene}).`);
    }
    if (uploadType === 'UPLOAD_BY_FILE_ID' || params.material_action !== undefined) {
      paramError('upload_type: the emulator supports UPLOAD_BY_FILE only.');
    }
    const file = ctx.files.music_file;
    if (!file) paramError('Missing required field(s): music_file.');
    const signature = reqString(params, 'music_signature').toLowerCase();
    if (file.data.length === 0) throw new EmulatorError(40906, 'music_file: the file is empty.');
    const md5 = createHash('md5').update(file.data).digest('hex');
    if (md5 !== signature) {
      throw new EmulatorError(40900, 'music_signature: the MD5 of music_file does not match.');
    }
    if (CAROUSEL_SCENES.has(scene)) {
      if (file.data.length > MAX_CAROUSEL_MUSIC_BYTES) {
        throw new EmulatorError(40907, 'music_file: carousel music must be at most 10 MB.');
      }
      if (!looksLikeMp3(file.data)) {
        throw new EmulatorError(40908, 'music_file: carousel music must be an MP3 file.');
      }
    }
    const file_name = optString(params, 'file_name') ?? file.filename;
    checkText(file_name, 'file_name', 1, 100);
    const duplicate = [...state.music.values()].some(
      (m) => m.advertiser_id === adv.advertiser_id && m.file_name === file_name,
    );
    if (duplicate) {
      throw new EmulatorError(40911, `file_name: "${file_name}" already exists. Use another name.`);
    }
    const now = isoTime(state.now());
    const music_id = state.ids.music.next();
    const record: MusicRecord = {
      music_id,
      material_id: state.ids.material.next(),
      sources: ['USER'],
      file_name,
      duration: Math.max(1, Math.round(file.data.length / 16000)),
      signature: md5,
      music_scene: scene,
      advertiser_id: adv.advertiser_id,
      url: previewUrl(state, 'music', music_id),
      create_time: now,
      data: file.data,
    };
    state.music.set(music_id, record);
    state.musicUploads += 1;
    return { ...musicView(record), modify_time: now };
  },
};

function mediaSearch(kind: 'image' | 'video'): Route {
  return {
    method: 'GET',
    auth: true,
    advertiser: true,
    scope: kind === 'image' ? 600 : 610,
    handle(ctx) {
      const { state } = ctx;
      const advertiser_id = advertiserOf(ctx).advertiser_id;
      const filtering = filteringOf(ctx.params);
      const ids = idFilter(filtering, kind === 'image' ? 'image_ids' : 'video_ids');
      const mine = (owner: string | undefined) => !owner || owner === advertiser_id;
      const items: Params[] =
        kind === 'image'
          ? [...state.images.values()]
              .filter((img) => mine(img.advertiser_id))
              .map(({ data: _bytes, advertiser_id: _owner, ...img }) => ({
                ...img,
                material_id: `m_${img.image_id}`,
                displayable: true,
                image_url: previewUrl(state, 'image', img.image_id),
                signature: img.signature ?? createHash('md5').update(img.image_id).digest('hex'),
                size: img.size ?? img.width * img.height,
                modify_time: img.create_time,
              }))
          : [...state.videos.values()]
              .filter((vid) => mine(vid.advertiser_id))
              .map(({ data: _bytes, advertiser_id: _owner, ...vid }) => ({
                ...vid,
                material_id: `m_${vid.video_id}`,
                displayable: true,
                video_cover_url: previewUrl(state, 'cover', vid.video_id),
                preview_url: previewUrl(state, 'video', vid.video_id),
                signature: vid.signature ?? createHash('md5').update(vid.video_id).digest('hex'),
                bit_rate: 2_000_000,
                size: vid.size ?? Math.round(vid.duration * 250_000),
                allowed_placements: ['PLACEMENT_TIKTOK', 'PLACEMENT_PANGLE'],
                allow_download: true,
                modify_time: vid.create_time,
              }));
      const key = kind === 'image' ? 'image_id' : 'video_id';
      const filtered = ids ? items.filter((it) => ids.has(String(it[key]))) : items;
      return paginate(filtered, ctx.params, 20, 100);
    },
  };
}

const identityGet: Route = {
  method: 'GET',
  auth: true,
  advertiser: true,
  handle(ctx) {
    const type = optString(ctx.params, 'identity_type');
    const all = ctx.state.identitiesOf(advertiserOf(ctx).advertiser_id);
    const list = type ? all.filter((i) => i.identity_type === type) : all;
    const { list: identity_list, page_info } = paginate(list, ctx.params, 100, 100);
    return { identity_list, page_info };
  },
};

/**
 * identity/create/: `display_name` (≤ 100 characters) and `image_uri` (the avatar's `image_id`,
 * width:height 1:1) are both required, as the official SDK marks them
 * (tiktok-business-api-sdk js_sdk/docs/IdentityCreateBody.md; the Go SDK calls `image_uri`
 * optional). An unknown image → 40007; a non-square one → 40002 (code UNCONFIRMED).
 */
const identityCreate: Route = {
  method: 'POST',
  auth: true,
  advertiser: true,
  handle(ctx) {
    const display_name = reqString(ctx.params, 'display_name');
    checkText(display_name, 'display_name', 1, 100);
    const image_uri = reqString(ctx.params, 'image_uri');
    const avatar = ctx.state.images.get(image_uri);
    if (!avatar) throw new EmulatorError(40007, `image_uri: ${image_uri} does not exist.`);
    if (avatar.width !== avatar.height) {
      paramError(
        `image_uri: the avatar's width and height ratio must be 1:1 (got ${avatar.width}x${avatar.height}).`,
      );
    }
    const identity_id = ctx.state.ids.identity.next();
    ctx.state.identitiesOf(advertiserOf(ctx).advertiser_id).push({
      identity_id,
      identity_type: 'CUSTOMIZED_USER',
      display_name,
      image_uri,
    });
    return { identity_id };
  },
};

/** The creative endpoints, by path relative to `/open_api/v1.3/`. */
export const creativeRoutes: Record<string, Route> = {
  'file/music/get/': musicGet,
  'file/music/upload/': musicUpload,
  'file/image/ad/search/': mediaSearch('image'),
  'file/video/ad/search/': mediaSearch('video'),
  'identity/get/': identityGet,
  'identity/create/': identityCreate,
};
