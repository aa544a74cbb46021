import { createHash } from 'node:crypto';
import {
  createTikTokEmulator,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
} from '../../../src/tiktok/emulator';
import { readImageHeader } from '../../../src/tiktok/emulator/media-bytes';
import { previewUrl } from '../../../src/tiktok/emulator/preview';
import { jpegFile, mp3File } from '../../support/media-files';
import { useEmulator } from '../helpers';

const h = useEmulator();

async function uploaded(kind: 'image' | 'music', data: Buffer, file_name: string): Promise<string> {
  const form = new FormData();
  form.set('advertiser_id', EMULATOR_ADVERTISER_ID);
  form.set('upload_type', 'UPLOAD_BY_FILE');
  form.set(`${kind}_signature`, createHash('md5').update(data).digest('hex'));
  form.set('file_name', file_name);
  if (kind === 'music') form.set('music_scene', 'CAROUSEL_ADS');
  form.set(`${kind}_file`, new Blob([new Uint8Array(data)]), file_name);
  const path = kind === 'image' ? 'file/image/ad/upload/' : 'file/music/upload/';
  const res = await fetch(`${h.baseUrl}/open_api/v1.3/${path}`, {
    method: 'POST',
    headers: { 'Access-Token': EMULATOR_ACCESS_TOKEN },
    body: form,
  });
  const json = (await res.json()) as { code: number; data: Record<string, string> };
  expect(json.code).toBe(0);
  return kind === 'image' ? (json.data.image_id ?? '') : (json.data.music_id ?? '');
}

describe('previewUrl', () => {
  it('points at the emulator once it listens, with the id encoded', () => {
    expect(previewUrl(h.emulator.state, 'cover', 'vid 1/2')).toBe(
      `${h.baseUrl}/preview/cover/vid%201%2F2`,
    );
  });

  it('points at an .invalid host before it listens', () => {
    const idle = createTikTokEmulator();
    expect(previewUrl(idle.state, 'image', 'img_1')).toBe(
      'http://emulator.invalid/preview/image/img_1',
    );
  });
});

describe('GET /preview/:kind/:id', () => {
  it('serves an uploaded image as its own bytes and type', async () => {
    const data = jpegFile(300, 600);
    const id = await uploaded('image', data, 'preview-me.jpg');
    const res = await fetch(previewUrl(h.emulator.state, 'image', id));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/jpeg/);
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
  });

  it.each([
    ['image', 'img_summer_1', 54, 96],
    ['image', 'img_banner_1', 60, 31],
    ['video', 'vid_landscape_1', 96, 54],
    ['cover', 'vid_summer_1', 54, 96],
  ])('serves seeded %s %s as a PNG a 20th of its size (%ix%i)', async (kind, id, w, hgt) => {
    const res = await fetch(`${h.baseUrl}/preview/${kind}/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/png/);
    const png = Buffer.from(await res.arrayBuffer());
    expect(readImageHeader(png)).toEqual({ format: 'png', width: w, height: hgt });
  });

  it('serves an uploaded track as audio/mpeg', async () => {
    const data = mp3File('p');
    const id = await uploaded('music', data, 'preview-track.mp3');
    const res = await fetch(`${h.baseUrl}/preview/music/${id}`);
    expect(res.headers.get('content-type')).toMatch(/^audio\/mpeg/);
    expect(Buffer.from(await res.arrayBuffer()).equals(data)).toBe(true);
  });

  it.each([
    ['image', 'img_gone'],
    ['music', 'music_123'],
    ['music', 'nothing'],
    ['poster', 'img_summer_1'],
  ])('answers 404 "page not found" for %s %s', async (kind, id) => {
    const res = await fetch(`${h.baseUrl}/preview/${kind}/${id}`);
    expect(res.status).toBe(404);
    expect(await res.text()).toBe('page not found');
  });
});
