import { createHash } from 'node:crypto';
import {
  LIBRARY_PAGE_SIZE,
  MAX_UPLOAD_PAGES,
  MusicCalls,
  UPLOAD_PAGE_SIZE,
} from '../../../src/tiktok/client/music';
import { TikTokTransport } from '../../../src/tiktok/client/transport';
import {
  CREATIVE_ASSET_ONLY_MUSIC_ID,
  DOWNLOAD_FORBIDDEN_MUSIC_ID,
  EMULATOR_ADVERTISER_ID,
  VALID_MUSIC_IDS,
} from '../../../src/tiktok/emulator';
import { mp3File } from '../../support/media-files';
import { AUTH, apiError, useEmulator } from '../helpers';

const h = useEmulator();

function music() {
  const transport = new TikTokTransport({ baseUrl: h.baseUrl, sleep: async () => {} });
  return { calls: new MusicCalls(transport), transport };
}

describe('paging constants', () => {
  it('reads uploads 100 a page for at most 10 pages, and 20 library tracks', () => {
    expect([UPLOAD_PAGE_SIZE, MAX_UPLOAD_PAGES, LIBRARY_PAGE_SIZE]).toEqual([100, 10, 20]);
  });
});

// file/music/get/ with CAROUSEL_ADS + SEARCH_BY_MUSIC_ID, then CREATIVE_ASSET.
describe('checkMusic', () => {
  it('confirms a carousel track in one call', async () => {
    const { calls, transport } = music();
    expect(await calls.checkMusic(AUTH, 'music_456')).toEqual({
      status: 'ok',
      music: expect.objectContaining({
        music_id: 'music_456',
        file_name: 'Calm Evening Piano.mp3',
      }),
    });
    expect(transport.calls).toBe(1);
  });

  it('passes the download flag on without refusing the track', async () => {
    const { calls } = music();
    const check = await calls.checkMusic(AUTH, DOWNLOAD_FORBIDDEN_MUSIC_ID);
    expect(check).toMatchObject({
      status: 'ok',
      music: { copyright: 'MUSIC_FORBID_VIDEO_FORBID' },
    });
  });

  it('says not_for_carousel for a creative-asset-only track, after a second look', async () => {
    const { calls, transport } = music();
    expect(await calls.checkMusic(AUTH, CREATIVE_ASSET_ONLY_MUSIC_ID)).toMatchObject({
      status: 'not_for_carousel',
      music: { music_id: CREATIVE_ASSET_ONLY_MUSIC_ID },
    });
    expect(transport.calls).toBe(2);
  });

  it('says not_found for an unknown id', async () => {
    expect(await music().calls.checkMusic(AUTH, 'music_missing')).toEqual({ status: 'not_found' });
  });

  it('fails when TikTok refuses the search itself (41000, a geo block)', async () => {
    const { calls } = music();
    h.emulator.faults.set({ kind: 'geo', endpoint: 'file/music/get/', times: 2 });
    const err = await apiError(calls.checkMusic(AUTH, 'music_missing'));
    expect(err.tiktok_code).toBe(41000);
  });
});

describe('listMusic', () => {
  it("lists the advertiser's uploads and the SYSTEM library, creative-asset tracks left out", async () => {
    const { calls } = music();
    const mine = await calls.uploadMusic(AUTH, { file_name: 'List me.mp3', data: mp3File('l') });
    const { uploads, library } = await calls.listMusic(AUTH);
    expect(uploads.map((m) => m.music_id)).toEqual([mine.music_id]);
    expect(library.map((m) => m.music_id)).toEqual([
      ...VALID_MUSIC_IDS,
      DOWNLOAD_FORBIDDEN_MUSIC_ID,
    ]);
  });

  it('fails when TikTok refuses for another reason than validation', async () => {
    h.emulator.faults.set({ kind: 'auth', endpoint: 'file/music/get/' });
    const err = await apiError(music().calls.listMusic(AUTH));
    expect(err.code).toBe('tiktok_auth');
  });
});

describe('uploadMusic', () => {
  it('sends a CAROUSEL_ADS multipart upload with the MD5 signature; the stored track matches', async () => {
    const data = mp3File('u', 48_000);
    const track = await music().calls.uploadMusic(AUTH, { file_name: 'Signed.mp3', data });
    const stored = h.emulator.state.music.get(track.music_id);
    expect(stored).toMatchObject({
      advertiser_id: EMULATOR_ADVERTISER_ID,
      music_scene: 'CAROUSEL_ADS',
      signature: createHash('md5').update(data).digest('hex'),
      file_name: 'Signed.mp3',
    });
    expect(track).toMatchObject({ music_id: stored?.music_id, sources: ['USER'], duration: 3 });
  });
});
