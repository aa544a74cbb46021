import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  checkCarouselImages,
  checkSingleVideo,
  type MediaImage,
  type MediaVideo,
} from '../../src/ad/media-rules';

type Images = MediaImage[];
type Videos = MediaVideo[];

const image = (image_id: string, width: number, height: number, is_carousel_usable = true) => ({
  image_id,
  width,
  height,
  is_carousel_usable,
});

const IMAGES: Images = [
  image('tall_1', 1080, 1920),
  image('tall_2', 1080, 1920),
  image('tall_small', 540, 960),
  image('no_carousel', 1080, 1920, false),
  image('wide', 1920, 1080),
  image('square', 1080, 1080),
];
const VIDEOS: Videos = [
  { video_id: 'vid_tall', width: 720, height: 1280 },
  { video_id: 'vid_wide', width: 1280, height: 720 },
  { video_id: 'vid_odd', width: 1000, height: 999 },
];

const ruleOf = (checked: { ok: boolean; violation?: { rule: string; message: string } }) =>
  checked.ok ? 'ok' : checked.violation?.rule;

// TikTok "Create Carousel Ads" (doc 1766217791987713), `image_ids`: 1..35 library images,
// each `is_carousel_usable`.
describe('checkCarouselImages', () => {
  it('keeps the ids once each, in order', () => {
    expect(checkCarouselImages(['tall_2', 'tall_1', 'tall_2'], IMAGES)).toEqual({
      ok: true,
      value: { image_ids: ['tall_2', 'tall_1'] },
    });
  });

  it('accepts 35 images, refuses 36 with the count', () => {
    const many = Array.from({ length: 36 }, (_, i) => image(`img_${i}`, 1080, 1920));
    const ids = many.map((i) => i.image_id);
    expect(checkCarouselImages(ids.slice(0, 35), many).ok).toBe(true);
    expect(checkCarouselImages(ids, many)).toEqual({
      ok: false,
      violation: {
        field: 'media',
        rule: 'media.too_many_images',
        message: 'A carousel takes at most 35 images (got 36).',
      },
    });
  });

  it.each([
    [[], 'media.no_images', 'A carousel needs at least one image.'],
    [['tall_1', 'gone'], 'media.unknown_image', 'Image gone is not in your TikTok library.'],
    [
      ['no_carousel'],
      'media.not_carousel_usable',
      'TikTok says image no_carousel cannot be used in a carousel; pick another.',
    ],
  ])('refuses %j: %s', (ids, rule, message) => {
    expect(checkCarouselImages(ids, IMAGES)).toEqual({
      ok: false,
      violation: { field: 'media', rule, message },
    });
  });
});

// SINGLE_VIDEO needs `video_id` and one cover of the video's aspect ratio, compared exactly.
describe('checkSingleVideo', () => {
  it('takes the named cover when its shape matches the video, at any size', () => {
    expect(checkSingleVideo('vid_tall', 'tall_small', VIDEOS, IMAGES)).toEqual({
      ok: true,
      value: { video_id: 'vid_tall', image_ids: ['tall_small'] },
    });
  });

  it('picks the first library image of the same shape when none is named', () => {
    expect(checkSingleVideo('vid_wide', undefined, VIDEOS, IMAGES)).toEqual({
      ok: true,
      value: { video_id: 'vid_wide', image_ids: ['wide'] },
    });
    expect(checkSingleVideo('vid_tall', undefined, VIDEOS, IMAGES)).toEqual({
      ok: true,
      value: { video_id: 'vid_tall', image_ids: ['tall_1'] },
    });
  });

  it('may use a cover that is not carousel-usable', () => {
    expect(ruleOf(checkSingleVideo('vid_tall', 'no_carousel', VIDEOS, IMAGES))).toBe('ok');
  });

  it.each([
    ['vid_gone', undefined, 'media.unknown_video', 'Video vid_gone is not in your TikTok library.'],
    [
      'vid_tall',
      'img_gone',
      'media.unknown_image',
      'Image img_gone is not in your TikTok library.',
    ],
    [
      'vid_tall',
      'wide',
      'media.cover_ratio',
      "The cover wide must have the video's shape (720x1280).",
    ],
    [
      'vid_odd',
      undefined,
      'media.no_cover',
      "No image in your library has the video's shape (1000x999) to use as its cover.",
    ],
  ])('refuses video %s with cover %s: %s', (video_id, cover_id, rule, message) => {
    expect(checkSingleVideo(video_id, cover_id, VIDEOS, IMAGES)).toEqual({
      ok: false,
      violation: { field: 'media', rule, message },
    });
  });

  it('compares shapes exactly: a cover one pixel off is refused', () => {
    const near: Images = [image('almost', 1080, 1919)];
    expect(ruleOf(checkSingleVideo('vid_tall', 'almost', VIDEOS, near))).toBe('media.cover_ratio');
  });
});

describe('the media facts the rules read', () => {
  it('are plain shapes of src/ad: media-rules imports nothing outside src/ad', () => {
    const source = readFileSync(join(__dirname, '../../src/ad/media-rules.ts'), 'utf8');
    const imports = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((name) => !name?.startsWith('./'))).toEqual([]);
  });
});
