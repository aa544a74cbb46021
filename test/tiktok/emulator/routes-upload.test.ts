import { createHash } from 'node:crypto';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../../src/tiktok/emulator';
import { jpegFile, mp3File, mp4File, pngFile } from '../../support/media-files';
import { type RawResponse, useEmulator } from '../helpers';

const h = useEmulator();
const md5 = (data: Buffer) => createHash('md5').update(data).digest('hex');

/** A multipart upload as TikTok takes it; `fields` override the defaults. */
async function upload(
  kind: 'image' | 'video',
  data: Buffer,
  file_name: string,
  fields: Record<string, string | null> = {},
): Promise<RawResponse['json']> {
  const form = new FormData();
  const all: Record<string, string | null> = {
    advertiser_id: EMULATOR_ADVERTISER_ID,
    upload_type: 'UPLOAD_BY_FILE',
    [`${kind}_signature`]: md5(data),
    file_name,
    ...fields,
  };
  for (const [k, v] of Object.entries(all)) if (v !== null) form.set(k, v);
  form.set(`${kind}_file`, new Blob([new Uint8Array(data)]), 'upload.bin');
  const res = await fetch(`${h.baseUrl}/open_api/v1.3/file/${kind}/ad/upload/`, {
    method: 'POST',
    headers: { 'Access-Token': EMULATOR_ACCESS_TOKEN },
    body: form,
  });
  return (await res.json()) as RawResponse['json'];
}

// TikTok "Upload an image" (doc 1739067433456642) and "Upload a video" (doc 1737587322856449).
describe('file/image/ad/upload/', () => {
  it('answers the Image object, size and type read from the bytes, carousel-usable', async () => {
    const data = jpegFile(1080, 1920);
    const r = await upload('image', data, 'tall.png');
    expect(r.code).toBe(0);
    expect(r.data).toMatchObject({
      file_name: 'tall.png',
      width: 1080,
      height: 1920,
      format: 'jpeg',
      is_carousel_usable: true,
      signature: md5(data),
      size: data.length,
      displayable: true,
    });
    expect(String(r.data.image_id)).toMatch(/^img_\d+$/);
    expect(r.data.image_url).toBe(`${h.baseUrl}/preview/image/${r.data.image_id}`);
    expect(r.data).not.toHaveProperty('data');
    expect(r.data).not.toHaveProperty('advertiser_id');
  });

  it('takes exactly 3,686,400 pixels, refuses more', async () => {
    expect((await upload('image', pngFile(1920, 1920), 'max.png')).code).toBe(0);
    expect(await upload('image', pngFile(1921, 1920), 'over.png')).toMatchObject({
      code: 40002,
      message: 'image_file: width × height must be at most 3686400 pixels (got 1921x1920).',
    });
  });

  it.each([
    [
      'a file that is not an image, whatever its name',
      mp3File('x'),
      {},
      40908,
      'image_file: the file is not a JPG, JPEG or PNG image (read from its bytes).',
    ],
    ['an empty file', Buffer.alloc(0), {}, 40906, 'image_file: the file is empty.'],
    [
      'a wrong signature',
      pngFile(10, 10),
      { image_signature: '0'.repeat(32) },
      40900,
      'image_signature: the MD5 of image_file does not match.',
    ],
    [
      'another upload type',
      pngFile(10, 10),
      { upload_type: 'UPLOAD_BY_URL' },
      40002,
      'upload_type: the emulator supports UPLOAD_BY_FILE only.',
    ],
    [
      'no signature',
      pngFile(10, 10),
      { image_signature: null },
      40002,
      'Missing required field(s): image_signature.',
    ],
  ])('refuses %s', async (_name, data, fields, code, message) => {
    expect(await upload('image', data, `refused-${code}.png`, fields)).toMatchObject({
      code,
      message,
    });
  });

  it('refuses a file_name the advertiser already used (40911)', async () => {
    await upload('image', pngFile(20, 20), 'same.png');
    expect(await upload('image', pngFile(30, 30), 'same.png')).toMatchObject({
      code: 40911,
      message: 'file_name: "same.png" already exists. Use another name.',
    });
  });
});

describe('file/video/ad/upload/', () => {
  it('answers an array of one Video object, duration from the header', async () => {
    const r = await upload('video', mp4File(1080, 1920, 12), 'clip.mp4');
    expect(r.code).toBe(0);
    expect(Array.isArray(r.data)).toBe(true);
    const [video] = r.data as unknown as Record<string, unknown>[];
    expect(video).toMatchObject({
      file_name: 'clip.mp4',
      width: 1080,
      height: 1920,
      duration: 12,
      format: 'mp4',
      bit_rate: 2_000_000,
      allowed_placements: ['PLACEMENT_TIKTOK', 'PLACEMENT_PANGLE'],
    });
    expect(video?.video_cover_url).toBe(`${h.baseUrl}/preview/cover/${video?.video_id}`);
  });

  it.each([
    [1080, 1920],
    [1920, 1080],
    [540, 540],
    [540, 960],
  ])('takes %ix%i (9:16, 16:9 or 1:1, short side ≥ 540)', async (w, hgt) => {
    expect((await upload('video', mp4File(w, hgt), `ok-${w}x${hgt}.mp4`)).code).toBe(0);
  });

  it.each([
    [1000, 1000 * 1.5, 'video_file: the aspect ratio must be 9:16, 16:9 or 1:1 (got 1000x1500).'],
    [360, 640, 'video_file: the resolution must be at least 540x960 (got 360x640).'],
  ])('refuses %ix%i', async (w, hgt, message) => {
    expect(await upload('video', mp4File(w, hgt), `bad-${w}.mp4`)).toMatchObject({
      code: 40002,
      message,
    });
  });

  it('refuses bytes that are not a video', async () => {
    expect(await upload('video', pngFile(540, 960), 'image.mp4')).toMatchObject({
      code: 40908,
      message:
        'video_file: the file is not an MP4 or MOV video with a readable header (read from its bytes).',
    });
  });
});
