import type { Checked } from './field-rules';

/**
 * What the rules need to know of an image in the advertiser's library: its id, its size in
 * pixels, and whether TikTok lets a carousel use it. The caller maps its library listing
 * (TikTok's `file/image/ad/search/` items, which carry these fields) to this shape.
 */
export interface MediaImage {
  image_id: string;
  width: number;
  height: number;
  is_carousel_usable: boolean;
}

/** What the rules need to know of a video in the advertiser's library: its id and pixel size. */
export interface MediaVideo {
  video_id: string;
  width: number;
  height: number;
}

/** The media part of a draft, as TikTok's `creatives[]` carries it. */
export interface MediaSelection {
  image_ids: string[];
  video_id?: string;
}

const fail = (rule: string, message: string): Checked<never> => ({
  ok: false,
  violation: { field: 'media', rule, message },
});

/**
 * Carousel images: 1..35 ids from the advertiser's library, each `is_carousel_usable`.
 * Source: TikTok "Create Carousel Ads" (doc 1766217791987713), `image_ids`; bububa
 * model/ad/creative.go `ImageIDs` (docs/tiktok-api.md §7).
 */
export function checkCarouselImages(ids: string[], library: MediaImage[]): Checked<MediaSelection> {
  const unique = [...new Set(ids)];
  if (unique.length < 1) return fail('media.no_images', 'A carousel needs at least one image.');
  if (unique.length > 35)
    return fail(
      'media.too_many_images',
      `A carousel takes at most 35 images (got ${unique.length}).`,
    );
  for (const id of unique) {
    const image = library.find((i) => i.image_id === id);
    if (!image) return fail('media.unknown_image', `Image ${id} is not in your TikTok library.`);
    if (!image.is_carousel_usable) {
      return fail(
        'media.not_carousel_usable',
        `TikTok says image ${id} cannot be used in a carousel; pick another.`,
      );
    }
  }
  return { ok: true, value: { image_ids: unique } };
}

/**
 * Same aspect ratio, compared exactly (w1·h2 = w2·h1), as TikTok words it: "the aspect ratio of
 * the image should be the same as the video" (SDK js_sdk/docs/AdcreateCreatives.md at c3a04b9,
 * `image_ids`). Any tolerance TikTok allows is UNCONFIRMED, so none is assumed.
 */
const sameRatio = (a: MediaImage | MediaVideo, b: MediaImage | MediaVideo): boolean =>
  a.width * b.height === b.width * a.height;

/**
 * A single video and its cover: the video from the library, and exactly one cover image whose
 * aspect ratio matches the video's. With no `cover_id`, the first library image of the same
 * ratio is picked. Source: TikTok "Create ads", SINGLE_VIDEO needs `video_id` and one
 * `image_ids` cover of the video's ratio (SDK js_sdk/docs/AdcreateCreatives.md at c3a04b9,
 * `video_id`, `image_ids`); picking the first matching image is ours.
 */
export function checkSingleVideo(
  video_id: string,
  cover_id: string | undefined,
  videos: MediaVideo[],
  images: MediaImage[],
): Checked<MediaSelection> {
  const video = videos.find((v) => v.video_id === video_id);
  if (!video)
    return fail('media.unknown_video', `Video ${video_id} is not in your TikTok library.`);
  if (cover_id) {
    const cover = images.find((i) => i.image_id === cover_id);
    if (!cover)
      return fail('media.unknown_image', `Image ${cover_id} is not in your TikTok library.`);
    if (!sameRatio(cover, video)) {
      return fail(
        'media.cover_ratio',
        `The cover ${cover_id} must have the video's shape (${video.width}x${video.height}).`,
      );
    }
    return { ok: true, value: { video_id, image_ids: [cover_id] } };
  }
  const auto = images.find((i) => sameRatio(i, video));
  if (!auto) {
    return fail(
      'media.no_cover',
      `No image in your library has the video's shape (${video.width}x${video.height}) to use as its cover.`,
    );
  }
  return { ok: true, value: { video_id, image_ids: [auto.image_id] } };
}
