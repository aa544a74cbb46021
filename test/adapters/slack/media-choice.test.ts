import { blockKitProblems } from '../../../adapters/slack/limits';
import { renderMediaChoice } from '../../../adapters/slack/media-choice';

const item = (n: number, preview?: string) => ({
  id: `img_${n}`,
  kind: 'image' as const,
  file_name: `photo-${n}.jpg`,
  width: 1080,
  height: 1920,
  position: n,
  ...(preview ? { preview_url: preview } : {}),
});

describe('renderMediaChoice', () => {
  it('shows a carousel page with thumbnails Slack can fetch, the picks pre-selected, and More', () => {
    const blocks = renderMediaChoice({
      type: 'media_choice',
      kind: 'image',
      multiple: true,
      items: [item(1, 'https://cdn.example.com/1.jpg'), item(2, 'http://127.0.0.1:9000/2.jpg')],
      total: 12,
      page: 1,
      page_count: 2,
      selected: ['img_2'],
    });
    expect(blocks[0]).toMatchObject({
      type: 'context',
      elements: [
        {
          text: 'Your TikTok library, newest first: 1-2 of 12. Pick from the menu, or say "the first two", "#1 and #3".',
        },
      ],
    });
    expect(blocks[1]).toMatchObject({
      accessory: { type: 'image', image_url: 'https://cdn.example.com/1.jpg' },
    });
    expect(blocks[2]).not.toHaveProperty('accessory');
    expect((blocks[1]?.text as { text: string } | undefined)?.text).toBe(
      '*#1* photo-1.jpg · 1080x1920 vertical\n`img_1`',
    );
    const actions = blocks.at(-1) as unknown as { elements: Array<Record<string, unknown>> };
    expect(actions.elements[0]).toMatchObject({
      type: 'multi_static_select',
      action_id: 'tab:choose_media',
      initial_options: [{ text: { type: 'plain_text', text: '#2 photo-2.jpg' }, value: 'img_2' }],
    });
    expect(actions.elements[1]).toMatchObject({
      type: 'button',
      action_id: 'tab:media_page',
      value: '2',
    });
    expect(blockKitProblems({ text: 'x', blocks })).toEqual([]);
  });

  it('offers one video with a single select, and no More on the last page', () => {
    const video = {
      ...item(3),
      id: 'vid_3',
      kind: 'video' as const,
      file_name: 'clip.mp4',
      duration: 9,
    };
    const blocks = renderMediaChoice({
      type: 'media_choice',
      kind: 'video',
      multiple: false,
      items: [video],
      total: 1,
      page: 1,
      page_count: 1,
      selected: ['vid_3'],
    });
    const actions = blocks.at(-1) as unknown as { elements: Array<Record<string, unknown>> };
    expect(actions.elements).toHaveLength(1);
    expect(actions.elements[0]).toMatchObject({
      type: 'static_select',
      initial_option: { value: 'vid_3' },
      placeholder: { text: 'Pick the video' },
    });
  });
});
