/**
 * The emulator's seeded world: one developer app, two advertisers, a pre-issued token, a SYSTEM
 * music library, an image and a video library, an identity and a pixel. Every value is fake.
 *
 * Shapes follow TikTok's Music, Image and Video objects (docs/tiktok-api.md §8, §9).
 */

/** The emulator's developer app id (TikTok "App ID"). */
export const EMULATOR_APP_ID = 'emulator-app';
/** The emulator's developer app secret. Fake; safe to print. */
export const EMULATOR_SECRET = 'emulator-secret';
/** The default advertiser (USD). */
export const EMULATOR_ADVERTISER_ID = '7000000000000000001';
/** Its name as oauth2/advertiser/get/ lists it. */
export const EMULATOR_ADVERTISER_NAME = 'Emulator Advertiser';
/** A second advertiser (EUR), reachable by the default token, for multi-advertiser tests. */
export const EMULATOR_SECOND_ADVERTISER_ID = '7000000000000000002';
/** An advertiser that exists but no seeded token reaches (→ 40106). */
export const EMULATOR_FOREIGN_ADVERTISER_ID = '7000000000000000003';
/** A pre-issued long-term token reaching the first two advertisers with all scopes. Fake. */
export const EMULATOR_ACCESS_TOKEN = 'emulator-fake-access-token-0000000000000000';
/**
 * Top-level scope ids (docs/tiktok-api.md §2.5). Granting a parent grants its children, so these
 * cover every endpoint the emulator serves.
 */
export const ALL_SCOPES: readonly number[] = [1, 2, 3, 4, 5, 6, 8];
/** The seeded website pixel usable with `optimization_goal: CONVERT`. */
export const EMULATOR_PIXEL_ID = '7100000000000000001';
/** The seeded `CUSTOMIZED_USER` identity of each advertiser. */
export const EMULATOR_IDENTITY_ID = '7200000000000000001';
/** Its display name. */
export const EMULATOR_IDENTITY_NAME = 'Emulator Brand';

/** An advertiser account as the emulator knows it. */
export interface AdvertiserFixture {
  advertiser_id: string;
  advertiser_name: string;
  /** ISO 4217. Budget minimums scale with it (docs/tiktok-api.md §5). */
  currency: string;
}

/** The seeded advertisers. */
export const ADVERTISERS: readonly AdvertiserFixture[] = [
  {
    advertiser_id: EMULATOR_ADVERTISER_ID,
    advertiser_name: EMULATOR_ADVERTISER_NAME,
    currency: 'USD',
  },
  {
    advertiser_id: EMULATOR_SECOND_ADVERTISER_ID,
    advertiser_name: 'Emulator Advertiser EU',
    currency: 'EUR',
  },
  {
    advertiser_id: EMULATOR_FOREIGN_ADVERTISER_ID,
    advertiser_name: 'Someone Else',
    currency: 'USD',
  },
];

/**
 * A SYSTEM library track (TikTok Music object subset). `duration` in seconds. `music_scene`, when
 * set, limits the track to that scene (e.g. creative-tool music that carousels cannot use);
 * unset, the track serves every scene.
 */
export interface SystemMusicFixture {
  music_id: string;
  file_name: string;
  author: string;
  duration: number;
  style: string;
  copyright: 'MUSIC_FORBID_VIDEO_ALLOW' | 'MUSIC_FORBID_VIDEO_FORBID';
  music_scene?: 'CREATIVE_ASSET';
}

/** Music ids that confirm as usable for carousel ads. */
export const VALID_MUSIC_IDS = [
  '123',
  'music_123',
  'music_456',
  'music_789',
  'music_pop_2024',
  'music_trending_001',
] as const;

/**
 * A track flagged `copyright: MUSIC_FORBID_VIDEO_FORBID`. The only definition found
 * (bububa/tiktok-business model/file/music/music.go, `Copyright`) says the flag is about
 * downloading: the music may not be downloaded, nor the video generated with it. No source says
 * such music cannot be used in an ad, so the emulator accepts it in carousels.
 */
export const DOWNLOAD_FORBIDDEN_MUSIC_ID = '456';

/**
 * A SYSTEM track of the default `CREATIVE_ASSET` scene only (creative-tool music): not listed in
 * the carousel scenes, and refused at ad/create/ with TikTok's "Please select valid music for
 * Carousel Ads." (40002). Source: docs/tiktok-api.md §8 (carousel music must come from the
 * CAROUSEL_ADS / CATALOG_CAROUSEL scene) and a public integration's validated note that system
 * music from the CREATIVE_ASSET scene gets exactly that 40002 at ad creation.
 */
export const CREATIVE_ASSET_ONLY_MUSIC_ID = '321';

/** `file_name` of each of {@link VALID_MUSIC_IDS}, in the same order. */
const MUSIC_TITLES = [
  'Easy Morning.mp3',
  'Upbeat Summer Pop.mp3',
  'Calm Evening Piano.mp3',
  'Night Drive Beats.mp3',
  'Pop Hits 2024.mp3',
  'Trending Dance Loop.mp3',
];

/** `style` of each of {@link VALID_MUSIC_IDS}, matching its title. */
const MUSIC_STYLES = ['POP', 'POP', 'CLASSICAL', 'HIP_HOP', 'POP', 'ELECTRONIC'];

/** The SYSTEM music library. */
export const SYSTEM_MUSIC: readonly SystemMusicFixture[] = [
  // Titles (TikTok's `file_name` of a commercial track) that people can pick by in words.
  ...VALID_MUSIC_IDS.map((music_id, i) => ({
    music_id,
    file_name: MUSIC_TITLES[i] ?? `${music_id}.mp3`,
    author: ['Emulator Band', 'Loop Studio', 'Synth Club'][i % 3] ?? 'Emulator Band',
    duration: 30 + i * 5,
    style: MUSIC_STYLES[i] ?? 'POP',
    copyright: 'MUSIC_FORBID_VIDEO_ALLOW' as const,
  })),
  {
    music_id: DOWNLOAD_FORBIDDEN_MUSIC_ID,
    file_name: 'famous_hit.mp3',
    author: 'Famous Artist',
    duration: 45,
    style: 'POP',
    copyright: 'MUSIC_FORBID_VIDEO_FORBID',
  },
  {
    music_id: CREATIVE_ASSET_ONLY_MUSIC_ID,
    file_name: 'studio_loop.mp3',
    author: 'Creative Tools',
    duration: 20,
    style: 'ELECTRONIC',
    copyright: 'MUSIC_FORBID_VIDEO_ALLOW',
    music_scene: 'CREATIVE_ASSET',
  },
];

/** The library's square (1:1) image, usable as an identity avatar (`image_uri`). */
export const SQUARE_IMAGE_ID = 'img_square_1';

/** An image in every advertiser's library (TikTok Image object subset). */
export interface ImageFixture {
  image_id: string;
  file_name: string;
  width: number;
  height: number;
  format: 'jpeg' | 'png';
  is_carousel_usable: boolean;
}

/**
 * The image library: three 9:16 carousel images, one 1200x628 banner, one not carousel-usable,
 * one 16:9 (a cover for the 16:9 video) and one 1:1 (the first square image: a default identity
 * avatar).
 */
export const IMAGES: readonly ImageFixture[] = [
  {
    image_id: 'img_summer_1',
    file_name: 'summer_1.jpg',
    width: 1080,
    height: 1920,
    format: 'jpeg',
    is_carousel_usable: true,
  },
  {
    image_id: 'img_summer_2',
    file_name: 'summer_2.jpg',
    width: 1080,
    height: 1920,
    format: 'jpeg',
    is_carousel_usable: true,
  },
  {
    image_id: 'img_summer_3',
    file_name: 'summer_3.jpg',
    width: 1080,
    height: 1920,
    format: 'jpeg',
    is_carousel_usable: true,
  },
  {
    image_id: 'img_banner_1',
    file_name: 'banner_1.png',
    width: 1200,
    height: 628,
    format: 'png',
    is_carousel_usable: true,
  },
  {
    image_id: 'img_noncarousel_1',
    file_name: 'noncarousel_1.png',
    width: 1080,
    height: 1920,
    format: 'png',
    is_carousel_usable: false,
  },
  {
    image_id: 'img_landscape_1',
    file_name: 'landscape_1.jpg',
    width: 1920,
    height: 1080,
    format: 'jpeg',
    is_carousel_usable: true,
  },
  {
    image_id: SQUARE_IMAGE_ID,
    file_name: 'logo_square.png',
    width: 1080,
    height: 1080,
    format: 'png',
    is_carousel_usable: true,
  },
];

/** A video in every advertiser's library (TikTok Video object subset). `duration` in seconds. */
export interface VideoFixture {
  video_id: string;
  file_name: string;
  width: number;
  height: number;
  duration: number;
  format: 'mp4' | 'mov';
}

/** The video library: two 9:16 (1080x1920) videos and one 16:9 (1920x1080). */
export const VIDEOS: readonly VideoFixture[] = [
  {
    video_id: 'vid_summer_1',
    file_name: 'summer_1.mp4',
    width: 1080,
    height: 1920,
    duration: 15.0,
    format: 'mp4',
  },
  {
    video_id: 'vid_summer_2',
    file_name: 'summer_2.mp4',
    width: 1080,
    height: 1920,
    duration: 30.5,
    format: 'mp4',
  },
  {
    video_id: 'vid_landscape_1',
    file_name: 'landscape_1.mp4',
    width: 1920,
    height: 1080,
    duration: 20.0,
    format: 'mp4',
  },
];

/** Currency ratio for budget limits (TikTok "Budget verification ratio", doc 1737585839634433). */
export const CURRENCY_RATIO: Readonly<Record<string, number>> = {
  USD: 1,
  EUR: 1,
  GBP: 1,
  AUD: 1,
  CAD: 1,
  JPY: 100,
  KRW: 1000,
  IDR: 10000,
  VND: 10000,
};
