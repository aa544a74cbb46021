import { createHash } from 'node:crypto';
import {
  CREATIVE_ASSET_ONLY_MUSIC_ID,
  DOWNLOAD_FORBIDDEN_MUSIC_ID,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
  VALID_MUSIC_IDS,
} from '../../src/tiktok/emulator';
import { AUTH, apiError, fakeMp3, useEmulator } from './helpers';

const h = useEmulator();

/** Posts a music upload by hand so the signature / scene can be wrong on purpose. */
async function upload(fields: Record<string, string>, file: Buffer, filename = 'track.mp3') {
  const form = new FormData();
  form.set('advertiser_id', EMULATOR_ADVERTISER_ID);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('music_file', new Blob([new Uint8Array(file)]), filename);
  const res = await fetch(`${h.baseUrl}/open_api/v1.3/file/music/upload/`, {
    method: 'POST',
    headers: { 'Access-Token': EMULATOR_ACCESS_TOKEN },
    body: form,
  });
  return (await res.json()) as { code: number; message: string; data: Record<string, unknown> };
}

const md5 = (b: Buffer) => createHash('md5').update(b).digest('hex');

describe('music library fixtures', () => {
  it.each([...VALID_MUSIC_IDS])('%s confirms as ok', async (id) => {
    const check = await h.client.checkMusic(AUTH, id);
    expect(check.status).toBe('ok');
    expect(check).toHaveProperty('music.music_id', id);
    expect(check).toHaveProperty('music.sources', ['SYSTEM']);
  });

  it('456 (MUSIC_FORBID_VIDEO_FORBID, a download flag) confirms as ok and carries the flag', async () => {
    const check = await h.client.checkMusic(AUTH, DOWNLOAD_FORBIDDEN_MUSIC_ID);
    expect(check).toEqual({
      status: 'ok',
      music: expect.objectContaining({ music_id: '456', copyright: 'MUSIC_FORBID_VIDEO_FORBID' }),
    });
  });

  it('321 (creative-tool music, CREATIVE_ASSET scene only) is not_for_carousel', async () => {
    const check = await h.client.checkMusic(AUTH, CREATIVE_ASSET_ONLY_MUSIC_ID);
    expect(check).toEqual({
      status: 'not_for_carousel',
      music: expect.objectContaining({ music_id: '321', sources: ['SYSTEM'] }),
    });
  });

  it('an unknown id is not_found', async () => {
    await expect(h.client.checkMusic(AUTH, 'music_999')).resolves.toEqual({ status: 'not_found' });
    await expect(h.client.checkMusic(AUTH, '1234')).resolves.toEqual({ status: 'not_found' });
  });

  it('checkMusic sends CAROUSEL_ADS + SEARCH_BY_MUSIC_ID (search_type is required)', async () => {
    const res = await fetch(
      `${h.baseUrl}/open_api/v1.3/file/music/get/?advertiser_id=${EMULATOR_ADVERTISER_ID}&music_scene=CAROUSEL_ADS`,
      { headers: { 'Access-Token': EMULATOR_ACCESS_TOKEN } },
    );
    const body = (await res.json()) as { code: number; message: string };
    expect(body.code).toBe(40002);
    expect(body.message).toContain('search_type');
  });

  it('keyword search covers the SYSTEM library', async () => {
    const res = await fetch(
      `${h.baseUrl}/open_api/v1.3/file/music/get/?advertiser_id=${EMULATOR_ADVERTISER_ID}&music_scene=CAROUSEL_ADS&search_type=SEARCH_BY_KEYWORD&filtering=${encodeURIComponent('{"keyword":"pop hits"}')}`,
      { headers: { 'Access-Token': EMULATOR_ACCESS_TOKEN } },
    );
    const body = (await res.json()) as { data: { musics: { music_id: string }[] } };
    expect(body.data.musics.map((m) => m.music_id)).toEqual(['music_pop_2024']);
  });
});

describe('music upload', () => {
  it('returns a new numeric music_id that then confirms via file/music/get/', async () => {
    const before = h.emulator.counts().music_uploads;
    const info = await h.client.uploadMusic(AUTH, { file_name: 'jingle.mp3', data: fakeMp3('a') });
    expect(info.music_id).toMatch(/^\d+$/);
    expect(info.sources).toEqual(['USER']);
    expect(info.file_name).toBe('jingle.mp3');
    expect(h.emulator.counts().music_uploads).toBe(before + 1);
    await expect(h.client.checkMusic(AUTH, info.music_id)).resolves.toEqual({
      status: 'ok',
      music: expect.objectContaining({ music_id: info.music_id }),
    });
    // Another advertiser does not see it.
    await expect(
      h.client.checkMusic({ ...AUTH, advertiser_id: EMULATOR_SECOND_ADVERTISER_ID }, info.music_id),
    ).resolves.toEqual({ status: 'not_found' });
  });

  it('MD5 mismatch → 40900 (validation)', async () => {
    const data = fakeMp3('b');
    const body = await upload(
      {
        music_scene: 'CAROUSEL_ADS',
        upload_type: 'UPLOAD_BY_FILE',
        music_signature: md5(Buffer.from('other')),
        file_name: 'b.mp3',
      },
      data,
    );
    expect(body.code).toBe(40900);
    expect(body.data).toEqual({});
  });

  it('duplicate file_name → 40911', async () => {
    await h.client.uploadMusic(AUTH, { file_name: 'dup.mp3', data: fakeMp3('c') });
    const err = await apiError(
      h.client.uploadMusic(AUTH, { file_name: 'dup.mp3', data: fakeMp3('d') }),
    );
    expect(err.tiktok_code).toBe(40911);
    expect(err.code).toBe('tiktok_invalid_request');
  });

  it('carousel music must be MP3 (40908) and at most 10 MB (40907)', async () => {
    const wav = Buffer.from('RIFF....WAVEfmt ');
    const notMp3 = await h.client
      .uploadMusic(AUTH, { file_name: 'x.wav', data: wav })
      .catch((e) => e);
    expect(notMp3.tiktok_code).toBe(40908);
    const big = fakeMp3('e', 10 * 1024 * 1024 + 1);
    const tooBig = await h.client
      .uploadMusic(AUTH, { file_name: 'big.mp3', data: big })
      .catch((e) => e);
    expect(tooBig.tiktok_code).toBe(40907);
  });

  it('a track uploaded for CREATIVE_ASSET is not valid carousel music', async () => {
    const data = fakeMp3('f');
    const body = await upload(
      { music_scene: 'CREATIVE_ASSET', music_signature: md5(data), file_name: 'asset.mp3' },
      data,
    );
    expect(body.code).toBe(0);
    const id = String(body.data.music_id);
    await expect(h.client.checkMusic(AUTH, id)).resolves.toMatchObject({
      status: 'not_for_carousel',
      music: { music_id: id },
    });
  });
});
