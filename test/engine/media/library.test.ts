import { describeItem, libraryFor, shapeOf } from '../../../src/engine/media/library';
import { AUTH, useEmulator } from '../../tiktok/helpers';

describe('shapeOf and describeItem', () => {
  it('names the shape from the pixel size', () => {
    expect(shapeOf({ width: 1080, height: 1920 })).toBe('vertical');
    expect(shapeOf({ width: 1920, height: 1080 })).toBe('horizontal');
    expect(shapeOf({ width: 640, height: 640 })).toBe('square');
  });

  it('describes images and videos in one line', () => {
    expect(
      describeItem({ id: 'i', kind: 'image', file_name: 'beach.png', width: 1080, height: 1920 }),
    ).toBe('beach.png · 1080x1920 vertical');
    expect(
      describeItem({
        id: 'v',
        kind: 'video',
        file_name: 'clip.mp4',
        width: 1280,
        height: 720,
        duration: 14.6,
      }),
    ).toBe('clip.mp4 · 1280x720 horizontal · 15 s');
  });
});

describe('libraryFor (emulator over HTTP)', () => {
  const h = useEmulator();

  it('lists carousel-usable images, newest first, while music is undecided or chosen', async () => {
    const undecided = await libraryFor(h.client, AUTH, {});
    expect(undecided.length).toBeGreaterThan(0);
    expect(undecided.every((i) => i.kind === 'image')).toBe(true);
    const times = undecided.map((i) => i.create_time ?? '');
    expect([...times].sort().reverse()).toEqual(times);
    const withMusic = await libraryFor(h.client, AUTH, {
      music: { kind: 'existing', music_id: 'music_123' },
    });
    expect(withMusic.map((i) => i.id)).toEqual(undecided.map((i) => i.id));
  });

  it('lists videos for a single-video ad', async () => {
    const videos = await libraryFor(h.client, AUTH, { music: { kind: 'none' } });
    expect(videos.length).toBeGreaterThan(0);
    expect(videos.every((v) => v.kind === 'video' && typeof v.duration === 'number')).toBe(true);
  });
});
