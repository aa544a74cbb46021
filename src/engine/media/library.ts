import { type AdDraft, adFormatOf } from '../../ad/draft';
import type { AdsApi, TikTokAuth } from '../../tiktok/ads-api';

/** One library item offered to pick from. Sizes in pixels, `duration` in seconds. */
export interface LibraryItem {
  id: string;
  kind: 'image' | 'video';
  file_name: string;
  width: number;
  height: number;
  duration?: number;
  /** A preview image URL from the library (`image_url` / `video_cover_url`). */
  preview_url?: string;
  create_time?: string;
}

/** How many items one page of the media question shows (Discord select menus take 25). */
export const MEDIA_PAGE_SIZE = 10;

/**
 * The advertiser's library items that fit the draft's format, newest first: carousel-usable
 * images for a carousel (or while music is undecided), videos for a single-video ad (its cover
 * is picked automatically). Positions in this list are what "#1", "the first two" refer to.
 * @throws TikTokApiError when the library cannot be listed.
 */
export async function libraryFor(
  ads: AdsApi,
  auth: TikTokAuth,
  draft: AdDraft,
): Promise<LibraryItem[]> {
  const newestFirst = (a: LibraryItem, b: LibraryItem) =>
    (b.create_time ?? '').localeCompare(a.create_time ?? '');
  if (adFormatOf(draft) === 'SINGLE_VIDEO') {
    const videos = await ads.listVideos(auth);
    return videos
      .map(
        (v): LibraryItem => ({
          id: v.video_id,
          kind: 'video',
          file_name: v.file_name,
          width: v.width,
          height: v.height,
          duration: v.duration,
          ...(v.preview_url ? { preview_url: v.preview_url } : {}),
          ...(v.create_time ? { create_time: v.create_time } : {}),
        }),
      )
      .sort(newestFirst);
  }
  const images = await ads.listImages(auth);
  return images
    .filter((i) => i.is_carousel_usable)
    .map(
      (i): LibraryItem => ({
        id: i.image_id,
        kind: 'image',
        file_name: i.file_name,
        width: i.width,
        height: i.height,
        ...(i.preview_url ? { preview_url: i.preview_url } : {}),
        ...(i.create_time ? { create_time: i.create_time } : {}),
      }),
    )
    .sort(newestFirst);
}

/** `vertical`, `horizontal` or `square`, from the pixel size. */
export function shapeOf(
  item: Pick<LibraryItem, 'width' | 'height'>,
): 'vertical' | 'horizontal' | 'square' {
  if (item.width === item.height) return 'square';
  return item.height > item.width ? 'vertical' : 'horizontal';
}

/** A one-line description: `beach.png · 1080x1920 vertical` (`· 15 s` for videos). */
export function describeItem(item: LibraryItem): string {
  const secs = item.duration !== undefined ? ` · ${Math.round(item.duration)} s` : '';
  return `${item.file_name} · ${item.width}x${item.height} ${shapeOf(item)}${secs}`;
}
