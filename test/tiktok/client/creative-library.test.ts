import { createHash } from 'node:crypto';
import { CreativeLibraryCalls } from '../../../src/tiktok/client/creative-library';
import { TikTokTransport } from '../../../src/tiktok/client/transport';
import { IMAGES, VIDEOS } from '../../../src/tiktok/emulator';
import { jpegFile, mp4File, pngFile } from '../../support/media-files';
import { AUTH, apiError, useEmulator } from '../helpers';

const h = useEmulator();

const library = () =>
  new CreativeLibraryCalls(new TikTokTransport({ baseUrl: h.baseUrl, sleep: async () => {} }));

describe('CreativeLibraryCalls against the emulator', () => {
  it('lists the seeded images with their size, carousel use and preview URL', async () => {
    const images = await library().listImages(AUTH);
    expect(images.map((i) => i.image_id)).toEqual(IMAGES.map((i) => i.image_id));
    expect(images[0]).toMatchObject({
      image_id: 'img_summer_1',
      file_name: 'summer_1.jpg',
      width: 1080,
      height: 1920,
      is_carousel_usable: true,
      preview_url: `${h.baseUrl}/preview/image/img_summer_1`,
    });
    expect(images.find((i) => i.image_id === 'img_noncarousel_1')?.is_carousel_usable).toBe(false);
  });

  it('lists the seeded videos with size and duration in seconds', async () => {
    const videos = await library().listVideos(AUTH);
    expect(videos.map((v) => v.video_id)).toEqual(VIDEOS.map((v) => v.video_id));
    expect(videos[1]).toMatchObject({
      video_id: 'vid_summer_2',
      width: 1080,
      height: 1920,
      duration: 30.5,
      preview_url: `${h.baseUrl}/preview/cover/vid_summer_2`,
    });
  });

  it('uploads an image as multipart with its MD5 signature; TikTok reads its size from the bytes', async () => {
    const data = pngFile(600, 600, 7);
    const image = await library().uploadImage(AUTH, { file_name: 'square-7.png', data });
    expect(image).toMatchObject({ file_name: 'square-7.png', width: 600, height: 600 });
    const stored = h.emulator.state.images.get(image.image_id);
    expect(stored?.signature).toBe(createHash('md5').update(data).digest('hex'));
    expect(stored?.data?.equals(data)).toBe(true);
    expect((await library().listImages(AUTH)).map((i) => i.image_id)).toContain(image.image_id);
  });

  it('uploads a video; the answer (an array of one Video) becomes one VideoInfo', async () => {
    const video = await library().uploadVideo(AUTH, {
      file_name: 'clip-9x16.mp4',
      data: mp4File(720, 1280, 12),
    });
    expect(video).toMatchObject({
      file_name: 'clip-9x16.mp4',
      width: 720,
      height: 1280,
      duration: 12,
    });
    expect(video.video_id).not.toBe('');
  });

  it('refuses a second upload under the same file_name (40911)', async () => {
    await library().uploadImage(AUTH, { file_name: 'twice.jpg', data: jpegFile(500, 500) });
    const err = await apiError(
      library().uploadImage(AUTH, { file_name: 'twice.jpg', data: jpegFile(400, 400) }),
    );
    expect(err.tiktok_code).toBe(40911);
  });
});
