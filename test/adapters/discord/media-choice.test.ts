import { renderMediaChoice } from '../../../adapters/discord/media-choice';

const item = (n: number, preview?: string) => ({
  id: `img_${n}`,
  kind: 'image' as const,
  file_name: `photo_${n}.jpg`,
  width: 1080,
  height: 1920,
  position: n,
  ...(preview ? { preview_url: preview } : {}),
});

describe('renderMediaChoice (Discord)', () => {
  it('one embed per item (at most 10), thumbnails only where Discord can fetch them', () => {
    const items = [
      item(1, 'https://cdn.example.com/1.jpg'),
      item(2, 'http://127.0.0.1:9/2.jpg'),
      ...Array.from({ length: 10 }, (_, i) => item(i + 3)),
    ];
    const { embeds } = renderMediaChoice({
      type: 'media_choice',
      kind: 'image',
      multiple: true,
      items,
      total: 12,
      page: 1,
      page_count: 1,
      selected: [],
    });
    expect(embeds).toHaveLength(10);
    expect(embeds[0]).toMatchObject({
      title: '#1 photo\\_1.jpg',
      thumbnail: { url: 'https://cdn.example.com/1.jpg' },
    });
    expect(embeds[1]?.thumbnail).toBeUndefined();
    expect(embeds[0]?.description).toBe('photo\\_1.jpg · 1080x1920 vertical\n`img_1`');
  });

  it('a carousel menu takes several picks with the draft defaults, and More points to the next page', () => {
    const { rows } = renderMediaChoice({
      type: 'media_choice',
      kind: 'image',
      multiple: true,
      items: [item(1), item(2), item(3)],
      total: 30,
      page: 1,
      page_count: 3,
      selected: ['img_2'],
    });
    const menu = rows[0]?.components[0] as unknown as {
      custom_id: string;
      min_values: number;
      max_values: number;
      options: Array<{ value: string; default?: boolean }>;
    };
    expect(menu).toMatchObject({ custom_id: 'tad:choose_media', min_values: 1, max_values: 3 });
    expect(menu.options.filter((o) => o.default).map((o) => o.value)).toEqual(['img_2']);
    const flat = rows.flatMap((r) => r.components as unknown as Array<{ custom_id?: string }>);
    expect(flat.map((c) => c.custom_id)).toContain('tad:media_page:2');
  });

  it('a single video takes one pick and there is no More on the last page', () => {
    const { rows } = renderMediaChoice({
      type: 'media_choice',
      kind: 'video',
      multiple: false,
      items: [item(1)],
      total: 1,
      page: 1,
      page_count: 1,
      selected: [],
    });
    const flat = rows.flatMap(
      (r) => r.components as unknown as Array<{ custom_id?: string; max_values?: number }>,
    );
    expect(flat).toHaveLength(1);
    expect(flat[0]?.max_values).toBe(1);
  });
});
