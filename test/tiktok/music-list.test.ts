import {
  CREATIVE_ASSET_ONLY_MUSIC_ID,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
} from '../../src/tiktok/emulator';
import { AUTH, fakeMp3, raw, useEmulator } from './helpers';

const h = useEmulator();

/** GET file/music/get/ for the default advertiser in the carousel scene. */
function musicGet(query: Record<string, unknown>) {
  return raw(h.baseUrl, 'GET', 'file/music/get/', {
    token: EMULATOR_ACCESS_TOKEN,
    query: { advertiser_id: EMULATOR_ADVERTISER_ID, music_scene: 'CAROUSEL_ADS', ...query },
  });
}

describe('file/music/get/ paging, as TikTok documents it', () => {
  it('pages SEARCH_BY_SOURCE results with page and page_size, and says so in page_info', async () => {
    const query = { search_type: 'SEARCH_BY_SOURCE', filtering: { sources: ['SYSTEM'] } };
    const all = await musicGet(query);
    const total = (all.json.data.musics as unknown[]).length;
    expect(total).toBeGreaterThan(3);
    const second = await musicGet({ ...query, page: 2, page_size: 3 });
    expect(second.json.code).toBe(0);
    expect(second.json.data.page_info).toEqual({
      page: 2,
      page_size: 3,
      total_number: total,
      total_page: Math.ceil(total / 3),
    });
    const ids = (second.json.data.musics as { music_id: string }[]).map((m) => m.music_id);
    const allIds = (all.json.data.musics as { music_id: string }[]).map((m) => m.music_id);
    expect(ids).toEqual(allIds.slice(3, 6));
  });

  it('page_size is at most 1,000, and at most 200 for SEARCH_BY_KEYWORD', async () => {
    const bySource = { search_type: 'SEARCH_BY_SOURCE', filtering: { sources: ['SYSTEM'] } };
    expect((await musicGet({ ...bySource, page_size: 1000 })).json.code).toBe(0);
    const tooBig = await musicGet({ ...bySource, page_size: 1001 });
    expect(tooBig.json.code).toBe(40002);
    expect(tooBig.json.message).toContain('page_size');
    const keyword = { search_type: 'SEARCH_BY_KEYWORD', filtering: { keyword: 'pop' } };
    expect((await musicGet({ ...keyword, page_size: 200 })).json.code).toBe(0);
    expect((await musicGet({ ...keyword, page_size: 201 })).json.code).toBe(40002);
  });

  it('page × page_size is at most 100,000', async () => {
    const query = { search_type: 'SEARCH_BY_SOURCE', filtering: { sources: ['SYSTEM'] } };
    expect((await musicGet({ ...query, page: 100, page_size: 1000 })).json.code).toBe(0);
    const over = await musicGet({ ...query, page: 101, page_size: 1000 });
    expect(over.json.code).toBe(40002);
    expect(over.json.message).toContain('100000');
  });

  it('SEARCH_BY_MUSIC_ID ignores paging: every match on one page', async () => {
    const res = await musicGet({
      search_type: 'SEARCH_BY_MUSIC_ID',
      filtering: { music_ids: ['music_123', 'music_456'] },
      page: 5,
      page_size: 1,
    });
    expect(res.json.code).toBe(0);
    expect((res.json.data.musics as { music_id: string }[]).map((m) => m.music_id)).toEqual([
      'music_123',
      'music_456',
    ]);
    expect(res.json.data.page_info).toMatchObject({ page: 1, total_number: 2, total_page: 1 });
  });
});

describe('listMusic', () => {
  it("lists the advertiser's carousel uploads and TikTok's carousel library, not creative-tool music", async () => {
    const mine = await h.client.uploadMusic(AUTH, {
      file_name: 'our_jingle.mp3',
      data: fakeMp3('list-1'),
    });
    const { uploads, library } = await h.client.listMusic(AUTH);
    expect(uploads.map((m) => m.music_id)).toContain(mine.music_id);
    expect(uploads.find((m) => m.music_id === mine.music_id)).toMatchObject({
      file_name: 'our_jingle.mp3',
      sources: ['USER'],
      create_time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    expect(library.length).toBeGreaterThan(0);
    expect(library.every((m) => m.sources?.[0] === 'SYSTEM')).toBe(true);
    expect(library.find((m) => m.music_id === 'music_123')).toMatchObject({
      file_name: 'Upbeat Summer Pop.mp3',
      author: expect.any(String),
      style: expect.any(String),
    });
    expect(library.map((m) => m.music_id)).not.toContain(CREATIVE_ASSET_ONLY_MUSIC_ID);
    // Another advertiser sees TikTok's library but not this upload.
    const other = await h.client.listMusic({
      ...AUTH,
      advertiser_id: EMULATOR_SECOND_ADVERTISER_ID,
    });
    expect(other.uploads.map((m) => m.music_id)).not.toContain(mine.music_id);
  });

  it('follows page_info.total_page through every page of uploads', async () => {
    const client = h.newClient();
    const pages: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await client.uploadMusic(AUTH, { file_name: `paged_${i}.mp3`, data: fakeMp3(`paged-${i}`) });
    }
    // Ask for pages of one track so three uploads take several calls.
    const { uploads } = await listWithPageSize(1, pages);
    expect(uploads.filter((m) => m.file_name?.startsWith('paged_'))).toHaveLength(3);
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });
});

/** listMusic with the uploads' page size forced to `size`, recording each page number asked. */
async function listWithPageSize(size: number, pages: number[]) {
  const original = globalThis.fetch;
  globalThis.fetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    if (
      url.pathname.endsWith('/file/music/get/') &&
      url.searchParams.get('filtering')?.includes('USER')
    ) {
      url.searchParams.set('page_size', String(size));
      pages.push(Number(url.searchParams.get('page')));
    }
    return original(url, init);
  }) as typeof fetch;
  try {
    return await h.client.listMusic(AUTH);
  } finally {
    globalThis.fetch = original;
  }
}
