// The creative library (CreativeLibraryCalls): uploading images and videos and listing the
// advertiser's library. Source: docs/tiktok-api.md §3, §9.
import { createHash } from 'node:crypto';
import type { ImageInfo, TikTokAuth, VideoInfo } from '../ads-api';
import { asList, num, str } from './parse';
import type { TikTokTransport } from './transport';

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

/** Images and videos: file/image/ad/* and file/video/ad/*. */
export class CreativeLibraryCalls {
  constructor(private readonly api: TikTokTransport) {}

  /**
   * POST file/image/ad/upload/ as multipart: `advertiser_id`, `upload_type=UPLOAD_BY_FILE`,
   * `image_file`, `image_signature` (hex MD5 of the bytes), `file_name`. JPG/PNG ≤ 50 MB, width ×
   * height ≤ 3,686,400. Returns the Image object. Errors: 40900 signature mismatch, 40911 duplicate
   * file_name, 40907/40908 size/type. Source: docs/tiktok-api.md §9 (TikTok "Upload an image", doc
   * 1739067433456642).
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
   * TikTok answers with `data` as an array of one Video object (docs/tiktok-api.md §3, §9).
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
    return this.api.send({ method: 'POST', endpoint, access_token: auth.access_token, form });
  }

  /**
   * GET file/image/ad/search/ (first page of up to 100). The `data.list[]` + `page_info` shape is
   * our reading of TikTok's "Search for images" doc (docs/tiktok-api.md §9).
   */
  async listImages(auth: TikTokAuth): Promise<ImageInfo[]> {
    const data = await this.api.get<{ list?: unknown }>(auth, 'file/image/ad/search/', {
      page: 1,
      page_size: 100,
    });
    return asList(data.list).map(toImageInfo);
  }

  /**
   * GET file/video/ad/search/ (first page of up to 100). The `data.list[]` + `page_info` shape is
   * our reading of TikTok's "Search for videos" doc (docs/tiktok-api.md §9). `duration` in seconds.
   */
  async listVideos(auth: TikTokAuth): Promise<VideoInfo[]> {
    const data = await this.api.get<{ list?: unknown }>(auth, 'file/video/ad/search/', {
      page: 1,
      page_size: 100,
    });
    return asList(data.list).map(toVideoInfo);
  }
}
