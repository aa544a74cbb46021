import { mediaChoiceBlock } from '../../../src/engine/media/choice-block';
import type { LibraryItem } from '../../../src/engine/media/library';

const image = (n: number): LibraryItem => ({
  id: `img_${n}`,
  kind: 'image',
  file_name: `p${n}.jpg`,
  width: 1080,
  height: 1920,
});
const images = Array.from({ length: 23 }, (_, i) => image(i + 1));

describe('mediaChoiceBlock', () => {
  it('is null for an empty library', () => {
    expect(mediaChoiceBlock([], {})).toBeNull();
  });

  it('offers several images for a carousel, numbered across pages, with the draft pre-selected', () => {
    const block = mediaChoiceBlock(
      images,
      { music: { kind: 'existing', music_id: 'm1' }, image_ids: ['img_12'] },
      2,
    );
    expect(block).toMatchObject({
      kind: 'image',
      multiple: true,
      total: 23,
      page: 2,
      page_count: 3,
      selected: ['img_12'],
    });
    expect(block?.items.map((i) => [i.id, i.position])).toEqual(
      Array.from({ length: 10 }, (_, i) => [`img_${i + 11}`, i + 11]),
    );
  });

  it('clamps the page into range', () => {
    expect(mediaChoiceBlock(images, {}, 9)?.page).toBe(3);
    expect(mediaChoiceBlock(images, {}, 9)?.items).toHaveLength(3);
    expect(mediaChoiceBlock(images, {}, 0)?.page).toBe(1);
  });

  it('offers one video for a single-video ad', () => {
    const video: LibraryItem = {
      id: 'vid_1',
      kind: 'video',
      file_name: 'c.mp4',
      width: 720,
      height: 1280,
      duration: 12,
    };
    const block = mediaChoiceBlock([video], { music: { kind: 'none' }, video_id: 'vid_1' });
    expect(block).toMatchObject({
      kind: 'video',
      multiple: false,
      selected: ['vid_1'],
      page_count: 1,
    });
    expect(mediaChoiceBlock([video], { music: { kind: 'none' } })?.selected).toEqual([]);
  });
});
