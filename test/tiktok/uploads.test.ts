import { createHash } from 'node:crypto';
import { imageSize } from 'image-size';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_SECOND_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { jpegFile, mp3File, mp4File, pngFile } from '../support/media-files';
import { AUTH, apiError, useEmulator } from './helpers';

const h = useEmulator();

/** A multipart upload sent by hand, so a test can send a wrong signature. */
async function rawUpload(
  endpoint: 'file/image/ad/upload/' | 'file/video/ad/upload/',
  field: 'image' | 'video',
  data: Buffer,
  options: { file_name?: string; signature?: string } = {},
) {
  const form = new FormData();
  form.set('advertiser_id', AUTH.advertiser_id);
  form.set(`${field}_signature`, options.signature ?? createHash('md5').update(data).digest('hex'));
  form.set('file_name', options.file_name ?? `raw-${Math.random()}`);
  form.set(`${field}_file`, new Blob([new Uint8Array(data)]), 'upload.bin');
  const res = await fetch(`${h.baseUrl}/open_api/v1.3/${endpoint}`, {
    method: 'POST',
    headers: { 'Access-Token': EMULATOR_ACCESS_TOKEN },
    body: form,
  });
  return (await res.json()) as { code: number; message: string; data: unknown };
}

describe('file/image/ad/upload/', () => {
  it('reads type and size from the bytes, lists the upload newest with a preview the emulator serves', async () => {
    const png = pngFile(1080, 1920, 1);
    const up = await h.client.uploadImage(AUTH, { file_name: 'beach.png', data: png });
    expect(up).toMatchObject({ file_name: 'beach.png', width: 1080, height: 1920 });
    expect(up.image_id).toMatch(/^img_75\d+$/);
    const listed = (await h.client.listImages(AUTH)).find((i) => i.image_id === up.image_id);
    expect(listed).toMatchObject({ width: 1080, height: 1920, is_carousel_usable: true });
    expect(listed?.preview_url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/preview\/image\//);
    const served = Buffer.from(await (await fetch(listed?.preview_url ?? '')).arrayBuffer());
    expect(served.equals(png)).toBe(true);

    const jpeg = await h.client.uploadImage(AUTH, {
      file_name: 'wide.jpg',
      data: jpegFile(1200, 628),
    });
    expect(jpeg).toMatchObject({ width: 1200, height: 628 });
  });

  it('serves seeded previews as real PNGs of the same shape', async () => {
    const seeded = (await h.client.listImages(AUTH)).find((i) => i.image_id === 'img_summer_1');
    const res = await fetch(seeded?.preview_url ?? '');
    expect(res.headers.get('content-type')).toContain('image/png');
    const size = imageSize(new Uint8Array(await res.arrayBuffer()));
    expect(size.width / size.height).toBeCloseTo(1080 / 1920, 2);
  });

  it('is visible to its own advertiser only', async () => {
    const up = await h.client.uploadImage(AUTH, {
      file_name: 'mine.png',
      data: pngFile(100, 100, 2),
    });
    const other = await h.client.listImages({
      ...AUTH,
      advertiser_id: EMULATOR_SECOND_ADVERTISER_ID,
    });
    expect(other.some((i) => i.image_id === up.image_id)).toBe(false);
  });

  it.each([
    ['a signature that is not the MD5', { signature: 'f'.repeat(32) }, pngFile(10, 10), 40900],
    ['text renamed .png', { file_name: 'notes.png' }, Buffer.from('just some text'), 40908],
    ['an empty file', {}, Buffer.alloc(0), 40906],
    ['more than 3,686,400 pixels', {}, jpegFile(3000, 2000), 40002],
    ['a PNG cut short', {}, pngFile(10, 10).subarray(0, 12), 40908],
  ])('refuses %s', async (_what, options, data, code) => {
    const before = h.emulator.state.images.size;
    const res = await rawUpload('file/image/ad/upload/', 'image', data, options);
    expect(res.code).toBe(code);
    expect(h.emulator.state.images.size).toBe(before);
  });

  it('refuses a file_name the advertiser already used (40911)', async () => {
    await h.client.uploadImage(AUTH, { file_name: 'twice.png', data: pngFile(20, 20, 3) });
    const error = await apiError(
      h.client.uploadImage(AUTH, { file_name: 'twice.png', data: pngFile(20, 20, 4) }),
    );
    expect(error.tiktok_code).toBe(40911);
  });
});

describe('file/video/ad/upload/', () => {
  it('answers an array of one video, with size and duration read from the header', async () => {
    const up = await h.client.uploadVideo(AUTH, {
      file_name: 'promo.mp4',
      data: mp4File(1080, 1920, 12),
    });
    expect(up).toMatchObject({ width: 1080, height: 1920, duration: 12 });
    const res = await rawUpload('file/video/ad/upload/', 'video', mp4File(1920, 1080, 5, 'qt  '));
    expect(res.code).toBe(0);
    expect(Array.isArray(res.data)).toBe(true);
    expect((res.data as { format: string }[])[0]?.format).toBe('mov');
    const listed = (await h.client.listVideos(AUTH)).find((v) => v.video_id === up.video_id);
    expect(listed?.preview_url).toMatch(/\/preview\/cover\//);
  });

  it.each([
    ['a 4:3 video', mp4File(1440, 1080), 40002],
    ['a video under 540x960', mp4File(360, 640), 40002],
    ['text renamed .mp4', Buffer.from('not a video at all, honest'), 40908],
    ['an empty file', Buffer.alloc(0), 40906],
  ])('refuses %s', async (_what, data, code) => {
    const before = h.emulator.state.videos.size;
    const res = await rawUpload('file/video/ad/upload/', 'video', data);
    expect(res.code).toBe(code);
    expect(h.emulator.state.videos.size).toBe(before);
  });
});

describe('file/music/upload/ previews', () => {
  it('an uploaded track is listed with a url the emulator serves (its MP3)', async () => {
    const data = mp3File('preview');
    const up = await h.client.uploadMusic(AUTH, { file_name: 'preview.mp3', data });
    expect(up.music_id).toMatch(/\d+/);
    const stored = h.emulator.state.music.get(up.music_id);
    expect(stored?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/preview\/music\//);
    const served = await fetch(stored?.url ?? '');
    expect(served.headers.get('content-type')).toContain('audio/mpeg');
    expect(Buffer.from(await served.arrayBuffer()).equals(data)).toBe(true);
  });
});
