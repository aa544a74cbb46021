import {
  ADVERTISERS,
  ALL_SCOPES,
  CREATIVE_ASSET_ONLY_MUSIC_ID,
  CURRENCY_RATIO,
  DOWNLOAD_FORBIDDEN_MUSIC_ID,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_FOREIGN_ADVERTISER_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
  IMAGES,
  SQUARE_IMAGE_ID,
  SYSTEM_MUSIC,
  VALID_MUSIC_IDS,
  VIDEOS,
} from '../../../src/tiktok/emulator/fixtures';

const ratio = (w: number, h: number) => w / h;

describe('advertisers', () => {
  it('are three int64-looking ids: USD, EUR, and one no seeded token reaches', () => {
    expect(ADVERTISERS.map((a) => [a.advertiser_id, a.currency])).toEqual([
      [EMULATOR_ADVERTISER_ID, 'USD'],
      [EMULATOR_SECOND_ADVERTISER_ID, 'EUR'],
      [EMULATOR_FOREIGN_ADVERTISER_ID, 'USD'],
    ]);
    for (const a of ADVERTISERS) expect(a.advertiser_id).toMatch(/^\d{19}$/);
  });

  it('have every currency in the ratio table', () => {
    for (const a of ADVERTISERS) expect(CURRENCY_RATIO[a.currency]).toBeGreaterThan(0);
  });
});

// TikTok "Budget verification ratio" (doc 1737585839634433).
describe('CURRENCY_RATIO', () => {
  it.each([
    ['USD', 1],
    ['EUR', 1],
    ['JPY', 100],
    ['KRW', 1000],
    ['IDR', 10000],
    ['VND', 10000],
  ])('%s is %i', (currency, value) => {
    expect(CURRENCY_RATIO[currency]).toBe(value);
  });
});

describe('scopes', () => {
  it('are the top-level scope ids', () => {
    expect(ALL_SCOPES).toEqual([1, 2, 3, 4, 5, 6, 8]);
  });
});

describe('music', () => {
  it('lists each valid id once, then the download-forbidden and creative-asset-only tracks', () => {
    expect(SYSTEM_MUSIC.map((m) => m.music_id)).toEqual([
      ...VALID_MUSIC_IDS,
      DOWNLOAD_FORBIDDEN_MUSIC_ID,
      CREATIVE_ASSET_ONLY_MUSIC_ID,
    ]);
  });

  it('flags only the download-forbidden track MUSIC_FORBID_VIDEO_FORBID', () => {
    const forbidden = SYSTEM_MUSIC.filter((m) => m.copyright === 'MUSIC_FORBID_VIDEO_FORBID');
    expect(forbidden.map((m) => m.music_id)).toEqual([DOWNLOAD_FORBIDDEN_MUSIC_ID]);
  });

  it('limits only the creative-asset-only track to one scene', () => {
    const limited = SYSTEM_MUSIC.filter((m) => m.music_scene !== undefined);
    expect(limited).toEqual([
      expect.objectContaining({
        music_id: CREATIVE_ASSET_ONLY_MUSIC_ID,
        music_scene: 'CREATIVE_ASSET',
      }),
    ]);
  });

  it('gives the valid tracks titles people can pick by', () => {
    expect(SYSTEM_MUSIC.slice(0, 3).map((m) => [m.music_id, m.file_name, m.style])).toEqual([
      ['123', 'Easy Morning.mp3', 'POP'],
      ['music_123', 'Upbeat Summer Pop.mp3', 'POP'],
      ['music_456', 'Calm Evening Piano.mp3', 'CLASSICAL'],
    ]);
  });
});

describe('media', () => {
  it('has unique image and video ids', () => {
    expect(new Set(IMAGES.map((i) => i.image_id)).size).toBe(IMAGES.length);
    expect(new Set(VIDEOS.map((v) => v.video_id)).size).toBe(VIDEOS.length);
  });

  it('has a 1:1 avatar image and a same-shaped cover for every video', () => {
    const square = IMAGES.find((i) => i.image_id === SQUARE_IMAGE_ID);
    expect(square && square.width === square.height).toBe(true);
    for (const v of VIDEOS) {
      const covers = IMAGES.filter((i) => ratio(i.width, i.height) === ratio(v.width, v.height));
      expect(covers.length).toBeGreaterThan(0);
    }
  });

  it('has exactly one image a carousel cannot use', () => {
    expect(IMAGES.filter((i) => !i.is_carousel_usable).map((i) => i.image_id)).toEqual([
      'img_noncarousel_1',
    ]);
  });

  it('keeps every seeded image within 3,686,400 pixels, as TikTok requires of uploads', () => {
    for (const i of IMAGES) expect(i.width * i.height).toBeLessThanOrEqual(3_686_400);
  });
});
