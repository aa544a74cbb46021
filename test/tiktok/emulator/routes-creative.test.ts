import { createHash } from 'node:crypto';
import {
  CREATIVE_ASSET_ONLY_MUSIC_ID,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_IDENTITY_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
  SQUARE_IMAGE_ID,
  SYSTEM_MUSIC,
  VALID_MUSIC_IDS,
} from '../../../src/tiktok/emulator';
import { mp3File, pngFile } from '../../support/media-files';
import { type RawResponse, raw, useEmulator } from '../helpers';

const h = useEmulator();
const token = EMULATOR_ACCESS_TOKEN;
const advertiser_id = EMULATOR_ADVERTISER_ID;
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

const music = (query: Record<string, unknown>) =>
  raw(h.baseUrl, 'GET', 'file/music/get/', { token, query: { advertiser_id, ...query } });
const ids = (r: RawResponse) =>
  (r.json.data.musics as { music_id: string }[]).map((m) => m.music_id);

async function uploadMusic(
  data: Buffer,
  fields: Record<string, string>,
  owner = advertiser_id,
): Promise<RawResponse['json']> {
  const form = new FormData();
  form.set('advertiser_id', owner);
  form.set('music_signature', md5(data));
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('music_file', new Blob([new Uint8Array(data)]), 'track.mp3');
  const res = await fetch(`${h.baseUrl}/open_api/v1.3/file/music/upload/`, {
    method: 'POST',
    headers: { 'Access-Token': token },
    body: form,
  });
  return (await res.json()) as RawResponse['json'];
}

const carousel = { music_scene: 'CAROUSEL_ADS', upload_type: 'UPLOAD_BY_FILE' };

// file/music/get/ (bububa api/file/music): search types, scenes and paging.
describe('file/music/get/', () => {
  it('lists every SYSTEM track in the default CREATIVE_ASSET scene', async () => {
    const r = await music({});
    expect(ids(r)).toEqual(SYSTEM_MUSIC.map((m) => m.music_id));
    expect(r.json.data.page_info).toMatchObject({ page: 1, page_size: 1000 });
  });

  it('leaves creative-asset-only tracks out of the carousel scene', async () => {
    const r = await music({ music_scene: 'CAROUSEL_ADS', search_type: 'SEARCH_BY_RECOMMEND' });
    expect(ids(r)).not.toContain(CREATIVE_ASSET_ONLY_MUSIC_ID);
    expect(ids(r)).toEqual(expect.arrayContaining([...VALID_MUSIC_IDS]));
  });

  it('finds tracks by id, all on one page, without the internal fields', async () => {
    const r = await music({
      music_scene: 'CAROUSEL_ADS',
      search_type: 'SEARCH_BY_MUSIC_ID',
      filtering: { music_ids: ['music_123', 'nope'] },
    });
    expect(ids(r)).toEqual(['music_123']);
    expect(r.json.data.page_info).toEqual({
      page: 1,
      page_size: 1,
      total_number: 1,
      total_page: 1,
    });
    const [track] = r.json.data.musics as Record<string, unknown>[];
    expect(track).not.toHaveProperty('music_scene');
    expect(track).not.toHaveProperty('advertiser_id');
  });

  it('finds SYSTEM tracks by keyword in title, author or style', async () => {
    const r = await music({
      music_scene: 'CAROUSEL_ADS',
      search_type: 'SEARCH_BY_KEYWORD',
      filtering: { keyword: 'piano' },
    });
    expect(ids(r)).toEqual(['music_456']);
  });

  it('answers LIKED and HISTORY with empty lists', async () => {
    for (const search_type of ['SEARCH_BY_LIKED', 'SEARCH_BY_HISTORY']) {
      const r = await music({ music_scene: 'CAROUSEL_ADS', search_type });
      expect(ids(r)).toEqual([]);
    }
  });

  it.each([
    [
      { music_scene: 'CAROUSEL_ADS' },
      'Missing required field(s): search_type (required for music_scene CAROUSEL_ADS).',
    ],
    [
      { music_scene: 'CAROUSEL_ADS', search_type: 'SEARCH_BY_MUSIC_ID' },
      'Missing required field(s): filtering.music_ids (SEARCH_BY_MUSIC_ID).',
    ],
    [
      {
        music_scene: 'CAROUSEL_ADS',
        search_type: 'SEARCH_BY_MUSIC_ID',
        filtering: { music_ids: Array.from({ length: 101 }, (_, i) => `m${i}`) },
      },
      'filtering.music_ids: at most 100 ids.',
    ],
    [
      { music_scene: 'CAROUSEL_ADS', search_type: 'SEARCH_BY_KEYWORD' },
      'Missing required field(s): filtering.keyword (SEARCH_BY_KEYWORD).',
    ],
    [
      { music_scene: 'CAROUSEL_ADS', search_type: 'SEARCH_BY_SOURCE' },
      'Missing required field(s): filtering.sources (SEARCH_BY_SOURCE).',
    ],
    [
      {
        music_scene: 'CAROUSEL_ADS',
        search_type: 'SEARCH_BY_KEYWORD',
        filtering: { keyword: 'a' },
        page_size: 201,
      },
      'page_size: must be an integer between 1 and 200.',
    ],
    [{ page: 101, page_size: 1000 }, 'page * page_size: must be at most 100000.'],
    [{ music_scene: 'STORIES' }, expect.stringMatching(/^music_scene: invalid value "STORIES"/)],
  ])('refuses %j (40002)', async (query, message) => {
    expect((await music(query)).json).toMatchObject({ code: 40002, message });
  });
});

describe('file/music/upload/', () => {
  it('stores a carousel MP3 for its own advertiser, listed by source USER', async () => {
    const data = mp3File('u', 32_000);
    const r = await uploadMusic(data, { ...carousel, file_name: 'Own jingle.mp3' });
    expect(r.code).toBe(0);
    expect(r.data).toMatchObject({
      sources: ['USER'],
      file_name: 'Own jingle.mp3',
      duration: 2,
      signature: md5(data),
      url: `${h.baseUrl}/preview/music/${r.data.music_id}`,
    });
    const mine = await music({
      music_scene: 'CAROUSEL_ADS',
      search_type: 'SEARCH_BY_SOURCE',
      filtering: { sources: ['USER'] },
    });
    expect(ids(mine)).toEqual([r.data.music_id]);
    const theirs = await raw(h.baseUrl, 'GET', 'file/music/get/', {
      token,
      query: {
        advertiser_id: EMULATOR_SECOND_ADVERTISER_ID,
        music_scene: 'CAROUSEL_ADS',
        search_type: 'SEARCH_BY_SOURCE',
        filtering: { sources: ['USER'] },
      },
    });
    expect(ids(theirs)).toEqual([]);
  });

  it.each([
    [
      'a carousel upload without upload_type',
      mp3File('a'),
      { music_scene: 'CAROUSEL_ADS' },
      40002,
      'Missing required field(s): upload_type (required for music_scene CAROUSEL_ADS).',
    ],
    ['an empty file', Buffer.alloc(0), carousel, 40906, 'music_file: the file is empty.'],
    [
      'an image as carousel music',
      pngFile(10, 10),
      carousel,
      40908,
      'music_file: carousel music must be an MP3 file.',
    ],
  ])('refuses %s', async (_name, data, fields, code, message) => {
    expect(await uploadMusic(data, { ...fields, file_name: `refused ${code}.mp3` })).toMatchObject({
      code,
      message,
    });
  });

  it('refuses a wrong signature (40900) and a name used before (40911)', async () => {
    const form = new FormData();
    form.set('advertiser_id', advertiser_id);
    form.set('music_signature', 'f'.repeat(32));
    form.set('music_scene', 'CAROUSEL_ADS');
    form.set('upload_type', 'UPLOAD_BY_FILE');
    form.set('music_file', new Blob([new Uint8Array(mp3File('s'))]), 'sig.mp3');
    const res = await fetch(`${h.baseUrl}/open_api/v1.3/file/music/upload/`, {
      method: 'POST',
      headers: { 'Access-Token': token },
      body: form,
    });
    expect(await res.json()).toMatchObject({
      code: 40900,
      message: 'music_signature: the MD5 of music_file does not match.',
    });
    await uploadMusic(mp3File('d1'), { ...carousel, file_name: 'Twice.mp3' });
    expect(await uploadMusic(mp3File('d2'), { ...carousel, file_name: 'Twice.mp3' })).toMatchObject(
      {
        code: 40911,
        message: 'file_name: "Twice.mp3" already exists. Use another name.',
      },
    );
  });
});

describe('file/image/ad/search/ and file/video/ad/search/', () => {
  it('filters images by id and adds the search fields', async () => {
    const r = await raw(h.baseUrl, 'GET', 'file/image/ad/search/', {
      token,
      query: { advertiser_id, filtering: { image_ids: [SQUARE_IMAGE_ID] } },
    });
    expect(r.json.data.list).toEqual([
      expect.objectContaining({
        image_id: SQUARE_IMAGE_ID,
        width: 1080,
        height: 1080,
        material_id: `m_${SQUARE_IMAGE_ID}`,
        displayable: true,
        image_url: `${h.baseUrl}/preview/image/${SQUARE_IMAGE_ID}`,
        signature: md5(Buffer.from(SQUARE_IMAGE_ID)),
        size: 1080 * 1080,
      }),
    ]);
    expect(r.json.data.page_info).toMatchObject({ page: 1, page_size: 20, total_number: 1 });
  });

  it('gives videos a cover and a preview URL, and pages at most 100', async () => {
    const r = await raw(h.baseUrl, 'GET', 'file/video/ad/search/', {
      token,
      query: { advertiser_id, filtering: { video_ids: ['vid_summer_2'] } },
    });
    expect(r.json.data.list).toEqual([
      expect.objectContaining({
        video_id: 'vid_summer_2',
        video_cover_url: `${h.baseUrl}/preview/cover/vid_summer_2`,
        preview_url: `${h.baseUrl}/preview/video/vid_summer_2`,
        size: Math.round(30.5 * 250_000),
        allow_download: true,
      }),
    ]);
    const big = await raw(h.baseUrl, 'GET', 'file/video/ad/search/', {
      token,
      query: { advertiser_id, page_size: 101 },
    });
    expect(big.json.message).toBe('page_size: must be an integer between 1 and 100.');
  });
});

// identity/create/: display_name ≤ 100 and a 1:1 image_uri (SDK IdentityCreateBody.md).
describe('identity/get/ and identity/create/', () => {
  it('filters by identity_type', async () => {
    const r = await raw(h.baseUrl, 'GET', 'identity/get/', {
      token,
      query: { advertiser_id, identity_type: 'TT_USER' },
    });
    expect(r.json.data.identity_list).toEqual([]);
    const all = await raw(h.baseUrl, 'GET', 'identity/get/', { token, query: { advertiser_id } });
    expect(all.json.data.identity_list).toEqual([
      expect.objectContaining({
        identity_id: EMULATOR_IDENTITY_ID,
        identity_type: 'CUSTOMIZED_USER',
      }),
    ]);
  });

  it.each([
    [{ display_name: 'X', image_uri: 'img_gone' }, 40007, 'image_uri: img_gone does not exist.'],
    [
      { display_name: 'x'.repeat(101), image_uri: SQUARE_IMAGE_ID },
      40002,
      'display_name: length must be between 1 and 100 characters (got 101).',
    ],
    [
      { display_name: 'Shop 🛍', image_uri: SQUARE_IMAGE_ID },
      40002,
      'display_name: emoji are not allowed.',
    ],
  ])('refuses %j', async (body, code, message) => {
    const r = await raw(h.baseUrl, 'POST', 'identity/create/', {
      token,
      body: { advertiser_id, ...body },
    });
    expect(r.json).toMatchObject({ code, message });
  });
});
