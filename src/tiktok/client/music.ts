// Music calls (MusicCalls): checking a `music_id` for carousel ads and uploading an MP3.
// Source: docs/tiktok-api.md §8.
import { createHash } from 'node:crypto';
import type { MusicCheck, MusicInfo, TikTokAuth } from '../ads-api';
import { TikTokApiError } from '../errors';
import { asList, type PageInfo, str } from './parse';
import type { TikTokTransport } from './transport';

/** Keeps only the {@link MusicInfo} fields of a TikTok Music object, ids as strings. */
function toMusicInfo(raw: Record<string, unknown>): MusicInfo {
  const info: MusicInfo = { music_id: str(raw.music_id) };
  if (typeof raw.file_name === 'string') info.file_name = raw.file_name;
  if (typeof raw.author === 'string') info.author = raw.author;
  if (typeof raw.duration === 'number') info.duration = raw.duration;
  if (Array.isArray(raw.sources)) info.sources = raw.sources.map(String);
  if (typeof raw.copyright === 'string') info.copyright = raw.copyright;
  if (typeof raw.style === 'string') info.style = raw.style;
  if (typeof raw.create_time === 'string') info.create_time = raw.create_time;
  return info;
}

/** Tracks asked for per page of the advertiser's uploads. */
export const UPLOAD_PAGE_SIZE = 100;
/** Pages of uploads read at most (so at most 1,000 uploads are listed). */
export const MAX_UPLOAD_PAGES = 10;
/** Commercial library tracks listed (one page). */
export const LIBRARY_PAGE_SIZE = 20;

/** Music: file/music/get/ and file/music/upload/. */
export class MusicCalls {
  constructor(private readonly api: TikTokTransport) {}

  /**
   * GET file/music/get/ with `music_scene=CAROUSEL_ADS`, `search_type=SEARCH_BY_MUSIC_ID`,
   * `filtering={"music_ids":[id]}`: listed → `ok`. Otherwise the same search in the default
   * `CREATIVE_ASSET` scene: listed there → `not_for_carousel` (ad/create/ would refuse it);
   * not listed, or that search refused as a validation error → `not_found`. The `copyright`
   * flag is passed on, never a reason to refuse (it is about downloading: bububa/tiktok-business
   * model/file/music/music.go). Source: docs/tiktok-api.md §8.
   */
  async checkMusic(auth: TikTokAuth, music_id: string): Promise<MusicCheck> {
    const find = async (music_scene: string) => {
      const data = await this.api.get<{ musics?: unknown }>(auth, 'file/music/get/', {
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
      if (error instanceof TikTokApiError && error.code === 'tiktok_invalid_request')
        return undefined;
      throw error;
    });
    return elsewhere ? { status: 'not_for_carousel', music: elsewhere } : { status: 'not_found' };
  }

  /**
   * The music a carousel can use, both from GET file/music/get/ with `music_scene=CAROUSEL_ADS`
   * and `search_type=SEARCH_BY_SOURCE`:
   * - `uploads`: `filtering={"sources":["USER"]}`, the advertiser's own carousel uploads
   *   (documented, docs/tiktok-api.md §8), every page up to {@link MAX_UPLOAD_PAGES} of
   *   {@link UPLOAD_PAGE_SIZE} (TikTok allows up to 1,000 per page), following
   *   `page_info.total_page`;
   * - `library`: `filtering={"sources":["SYSTEM"]}`, the first {@link LIBRARY_PAGE_SIZE} tracks
   *   of TikTok's commercial library. UNCONFIRMED: the Go SDK names SYSTEM as a source and
   *   SEARCH_BY_SOURCE as a search type, but documents the pair only with USER; a validation
   *   refusal of this search gives an empty `library` instead of failing the list.
   * @throws TikTokApiError when TikTok fails otherwise (auth, rate limit, transient).
   */
  async listMusic(auth: TikTokAuth): Promise<{ uploads: MusicInfo[]; library: MusicInfo[] }> {
    const page = (source: 'USER' | 'SYSTEM', n: number, page_size: number) =>
      this.api.get<{ musics?: unknown; page_info?: Partial<PageInfo> }>(auth, 'file/music/get/', {
        music_scene: 'CAROUSEL_ADS',
        search_type: 'SEARCH_BY_SOURCE',
        filtering: { sources: [source] },
        page: n,
        page_size,
      });
    const uploads: MusicInfo[] = [];
    for (let n = 1; n <= MAX_UPLOAD_PAGES; n += 1) {
      const data = await page('USER', n, UPLOAD_PAGE_SIZE);
      uploads.push(...asList(data.musics).map(toMusicInfo));
      if (n >= (data.page_info?.total_page ?? 1)) break;
    }
    const library = await page('SYSTEM', 1, LIBRARY_PAGE_SIZE).then(
      (data) => asList(data.musics).map(toMusicInfo),
      (error: unknown) => {
        if (error instanceof TikTokApiError && error.code === 'tiktok_invalid_request') return [];
        throw error;
      },
    );
    return { uploads, library };
  }

  /**
   * POST file/music/upload/ as multipart: `advertiser_id`, `music_scene=CAROUSEL_ADS`,
   * `upload_type=UPLOAD_BY_FILE`, `music_file`, `music_signature` (hex MD5 of the bytes),
   * `file_name`. Carousel music must be MP3 ≤ 10 MB. Errors: 40900 signature mismatch, 40911
   * duplicate file_name, 40907/40908 size/type. Source: docs/tiktok-api.md §8.
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
    const data = await this.api.send<Record<string, unknown>>({
      method: 'POST',
      endpoint: 'file/music/upload/',
      access_token: auth.access_token,
      form,
    });
    return toMusicInfo(data);
  }
}
