import { EmulatorError } from '../../../src/tiktok/emulator/envelope';
import { IMAGES, VIDEOS } from '../../../src/tiktok/emulator/fixtures';
import type { Params } from '../../../src/tiktok/emulator/rules';
import type { IdentityRecord, MusicRecord } from '../../../src/tiktok/emulator/state';
import {
  type AdContext,
  INVALID_CAROUSEL_MUSIC,
  sameAspectRatio,
  validateCreative,
} from '../../../src/tiktok/emulator/validate-ad';

const ADVERTISER = '7000000000000001';

const MUSIC: Record<string, MusicRecord> = {
  m_system: {
    music_id: 'm_system',
    material_id: 'mat_1',
    sources: ['SYSTEM'],
    file_name: 'beat.mp3',
    duration: 30,
    url: 'http://127.0.0.1/music/m_system.mp3',
  },
  m_other_upload: {
    music_id: 'm_other_upload',
    material_id: 'mat_2',
    sources: ['USER'],
    file_name: 'mine.mp3',
    duration: 30,
    music_scene: 'CAROUSEL_ADS',
    advertiser_id: '7000000000000002',
    url: 'http://127.0.0.1/music/m_other_upload.mp3',
  },
};

const IDENTITY: IdentityRecord = {
  identity_id: 'id_1',
  identity_type: 'CUSTOMIZED_USER',
  display_name: 'Our brand',
};

/** A WEBSITE ad group on the TikTok placement, with the emulator's media library. */
function context(adgroup: Record<string, unknown> = {}): AdContext {
  return {
    adgroup: { promotion_type: 'WEBSITE', placements: ['PLACEMENT_TIKTOK'], ...adgroup },
    image: (id) => IMAGES.find((img) => img.image_id === id),
    video: (id) => VIDEOS.find((video) => video.video_id === id),
    music: (id) => MUSIC[id],
    identity: (id) => (id === IDENTITY.identity_id ? IDENTITY : undefined),
    advertiser_id: ADVERTISER,
  };
}

/** A SINGLE_VIDEO creative that passes; undefined removes a field. */
function video(overrides: Params = {}): Params {
  return strip({
    ad_format: 'SINGLE_VIDEO',
    ad_name: 'Summer video',
    ad_text: 'Summer sale: 20% off',
    call_to_action: 'SHOP_NOW',
    display_name: 'Our brand',
    landing_page_url: 'https://shop.example.com/summer',
    video_id: 'vid_summer_1',
    image_ids: ['img_summer_1'],
    ...overrides,
  });
}

/** A CAROUSEL_ADS creative that passes; undefined removes a field. */
function carousel(overrides: Params = {}): Params {
  return video({
    ad_format: 'CAROUSEL_ADS',
    video_id: undefined,
    image_ids: ['img_summer_1', 'img_summer_2'],
    music_id: 'm_system',
    ...overrides,
  });
}

function strip(params: Params): Params {
  return Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined));
}

/** The code and message `validateCreative` throws for creative #0. */
function rejection(creative: unknown, ctx = context()): { code: number; message: string } {
  try {
    validateCreative(creative, 0, ctx);
  } catch (error) {
    if (error instanceof EmulatorError) return { code: error.tiktok_code, message: error.message };
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('validateCreative', () => {
  it('returns the ad fields to store, nulls for what was not sent', () => {
    expect(validateCreative(video(), 0, context())).toEqual({
      ad_name: 'Summer video',
      ad_format: 'SINGLE_VIDEO',
      ad_text: 'Summer sale: 20% off',
      call_to_action: 'SHOP_NOW',
      call_to_action_id: null,
      identity_id: null,
      identity_type: null,
      display_name: 'Our brand',
      image_ids: ['img_summer_1'],
      video_id: 'vid_summer_1',
      music_id: null,
      landing_page_url: 'https://shop.example.com/summer',
      operation_status: 'ENABLE',
      is_aco: false,
    });
  });

  it('names an empty ad_name after the format', () => {
    const fields = validateCreative(video({ ad_name: '' }), 0, context());
    expect(fields.ad_name).toMatch(/^SINGLE_VIDEO_\d+$/);
  });

  it('accepts a carousel with system music and an identity instead of a display name', () => {
    const fields = validateCreative(
      carousel({
        display_name: undefined,
        identity_id: 'id_1',
        identity_type: 'CUSTOMIZED_USER',
      }),
      0,
      context(),
    );
    expect(fields).toMatchObject({ music_id: 'm_system', identity_id: 'id_1', display_name: null });
  });

  it.each([
    ['not an object', ['x'], 40002, 'creatives[0]: must be an object.'],
    [
      'no ad_name',
      video({ ad_name: undefined }),
      40002,
      'Missing required field(s): creatives[0].ad_name.',
    ],
    [
      'no call to action',
      video({ call_to_action: undefined }),
      40002,
      'Missing required field(s): creatives[0].call_to_action.',
    ],
    [
      'an identity_id alone',
      video({ identity_id: 'id_1' }),
      40002,
      'Missing required field(s): creatives[0].identity_type (required with identity_id).',
    ],
    [
      'an unknown identity',
      video({ identity_id: 'id_9', identity_type: 'CUSTOMIZED_USER' }),
      40007,
      'creatives[0].identity_id: id_9 does not exist.',
    ],
    [
      'a website ad without display name or identity',
      video({ display_name: undefined }),
      40002,
      'Missing required field(s): creatives[0].display_name (required for website ads without an identity).',
    ],
    [
      'a non-http landing page',
      video({ landing_page_url: 'ftp://shop.example.com' }),
      40002,
      'creatives[0].landing_page_url: must be a valid http(s) URL.',
    ],
    [
      'an unknown image',
      video({ image_ids: ['img_nope'] }),
      40007,
      'creatives[0].image_ids: img_nope does not exist.',
    ],
    [
      'an unknown video',
      video({ video_id: 'vid_nope' }),
      40053,
      'creatives[0].video_id: vid_nope is invalid.',
    ],
    [
      'a cover of another shape',
      video({ image_ids: ['img_landscape_1'] }),
      40002,
      'creatives[0].image_ids: the aspect ratio of the cover image (1920x1080) should be the same as the video (1080x1920).',
    ],
    [
      'music on a single video',
      video({ music_id: 'm_system' }),
      40002,
      'creatives[0].music_id: not allowed for SINGLE_VIDEO ads.',
    ],
    [
      'a carousel image not carousel usable',
      carousel({ image_ids: ['img_noncarousel_1'] }),
      40002,
      'creatives[0].image_ids: image img_noncarousel_1 is not carousel usable.',
    ],
    [
      'another advertiser’s music',
      carousel({ music_id: 'm_other_upload' }),
      40002,
      INVALID_CAROUSEL_MUSIC,
    ],
    [
      'a single image on the TikTok placement alone',
      video({ ad_format: 'SINGLE_IMAGE', video_id: undefined, image_ids: ['img_banner_1'] }),
      40002,
      'creatives[0].ad_format: SINGLE_IMAGE is not available on the TikTok placement.',
    ],
  ])('refuses %s with the exact code and message', (_what, creative, code, message) => {
    expect(rejection(creative)).toEqual({ code, message });
  });

  it('refuses a carousel outside the TikTok placement', () => {
    expect(rejection(carousel(), context({ placements: ['PLACEMENT_PANGLE'] }))).toEqual({
      code: 40002,
      message: 'creatives[0].ad_format: CAROUSEL_ADS requires the TikTok placement.',
    });
  });
});

describe('sameAspectRatio', () => {
  it('compares width:height exactly', () => {
    expect(sameAspectRatio({ width: 1080, height: 1920 }, { width: 720, height: 1280 })).toBe(true);
    expect(sameAspectRatio({ width: 1080, height: 1920 }, { width: 1080, height: 1921 })).toBe(
      false,
    );
  });
});
