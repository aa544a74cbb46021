import { type AdDraft, adFormatOf } from '../ad/draft';
import type { AdsApi, TikTokAuth } from '../tiktok/ads-api';

/** At most this many library items are offered in a question. */
export const MEDIA_OPTIONS_SHOWN = 8;

/**
 * Library items to offer when asking for media: carousel-usable images for a carousel, videos
 * for a single-video ad. Each entry reads `<id> (<file name>, <w>x<h>)`.
 * @throws TikTokApiError when the library cannot be listed.
 */
export async function mediaOptions(
  ads: AdsApi,
  auth: TikTokAuth,
  draft: AdDraft,
): Promise<string[]> {
  if (adFormatOf(draft) === 'SINGLE_VIDEO') {
    const videos = await ads.listVideos(auth);
    return videos
      .slice(0, MEDIA_OPTIONS_SHOWN)
      .map(
        (v) =>
          `${v.video_id} (${v.file_name}, ${v.width}x${v.height}, ${Math.round(v.duration)} s)`,
      );
  }
  const images = (await ads.listImages(auth)).filter((i) => i.is_carousel_usable);
  return images
    .slice(0, MEDIA_OPTIONS_SHOWN)
    .map((i) => `${i.image_id} (${i.file_name}, ${i.width}x${i.height})`);
}
