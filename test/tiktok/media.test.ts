import {
  EMULATOR_IDENTITY_ID,
  EMULATOR_IDENTITY_NAME,
  IMAGES,
  SQUARE_IMAGE_ID,
  VIDEOS,
} from '../../src/tiktok/emulator';
import { AUTH, apiError, useEmulator } from './helpers';

const h = useEmulator();

describe('media and identities', () => {
  it('listImages returns the image library with sizes and carousel usability', async () => {
    const images = await h.client.listImages(AUTH);
    expect(images).toHaveLength(IMAGES.length);
    expect(images).toContainEqual(
      expect.objectContaining({
        image_id: 'img_summer_1',
        file_name: 'summer_1.jpg',
        width: 1080,
        height: 1920,
        is_carousel_usable: true,
      }),
    );
    expect(images.find((i) => i.image_id === 'img_banner_1')).toMatchObject({
      width: 1200,
      height: 628,
    });
    expect(images.filter((i) => !i.is_carousel_usable).map((i) => i.image_id)).toEqual([
      'img_noncarousel_1',
    ]);
  });

  it('listVideos returns the video library with sizes and durations in seconds', async () => {
    const videos = await h.client.listVideos(AUTH);
    expect(videos).toHaveLength(VIDEOS.length);
    expect(videos).toContainEqual(
      expect.objectContaining({
        video_id: 'vid_summer_1',
        file_name: 'summer_1.mp4',
        width: 1080,
        height: 1920,
        duration: 15,
      }),
    );
    expect(videos.find((v) => v.video_id === 'vid_landscape_1')).toMatchObject({
      width: 1920,
      height: 1080,
    });
  });

  it('lists the seeded identity and creates a new one', async () => {
    expect(await h.client.listIdentities(AUTH)).toEqual([
      { identity_id: EMULATOR_IDENTITY_ID, display_name: EMULATOR_IDENTITY_NAME },
    ]);
    const created = await h.client.createIdentity(AUTH, 'Summer Shop', SQUARE_IMAGE_ID);
    expect(created.identity_id).toMatch(/^\d+$/);
    expect(created.display_name).toBe('Summer Shop');
    const after = await h.client.listIdentities(AUTH);
    expect(after.map((i) => i.display_name)).toEqual([EMULATOR_IDENTITY_NAME, 'Summer Shop']);
  });

  it('identity/create/ limits display_name to 100 characters', async () => {
    const err = await apiError(h.client.createIdentity(AUTH, 'n'.repeat(101), SQUARE_IMAGE_ID));
    expect(err.tiktok_code).toBe(40002);
    expect(err.tiktok_message).toContain('display_name');
  });
});
