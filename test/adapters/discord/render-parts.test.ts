import {
  buttons,
  COLOUR,
  cardEmbeds,
  emojiChar,
  fields,
  mediaText,
  musicText,
  rowsOf,
} from '../../../adapters/discord/render-parts';

const embedChars = (e: {
  title?: string;
  description?: string;
  fields?: Array<{ name: string; value: string }>;
  footer?: { text: string };
}) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0) +
  (e.footer?.text.length ?? 0);

describe('Discord render parts', () => {
  it('shows engine emoji names as characters', () => {
    expect(emojiChar('white_check_mark')).toBe('✅');
    expect(emojiChar('x')).toBe('❌');
    expect(emojiChar('🎉')).toBe('🎉');
  });

  it('continues a long field value instead of cutting it', () => {
    const out = fields('Ad text', 'a'.repeat(2500), true);
    expect(out.map((f) => [f.name, f.value.length, f.inline])).toEqual([
      ['Ad text', 1024, false],
      ['Ad text (cont.)', 1024, false],
      ['Ad text (cont.)', 452, false],
    ]);
    expect(fields('Empty', '', true)).toEqual([{ name: 'Empty', value: '-', inline: true }]);
  });

  it('splits a card over embeds within 4096 per description, 25 fields and 6000 characters', () => {
    const embeds = cardEmbeds({
      colour: COLOUR.info,
      title: 'Preview',
      description: 'd'.repeat(5000),
      fields: Array.from({ length: 30 }, (_, i) => ({ name: `F${i}`, value: 'v'.repeat(200) })),
      footer: 'footer',
    });
    expect(embeds.length).toBeGreaterThan(2);
    expect(embeds[0]?.title).toBe('Preview');
    expect(embeds.slice(1).every((e) => e.title === undefined && e.color === COLOUR.info)).toBe(
      true,
    );
    for (const e of embeds) {
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(4096);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(25);
      expect(embedChars(e)).toBeLessThanOrEqual(6000);
    }
    expect(embeds.map((e) => e.description ?? '').join('')).toBe('d'.repeat(5000));
    expect(embeds.flatMap((e) => e.fields ?? [])).toHaveLength(30);
    expect(embeds.at(-1)?.footer).toEqual({ text: 'footer' });
  });

  it('makes styled buttons, drops those whose id cannot fit, and rows of five', () => {
    const made = buttons([
      { action_id: 'approve', label: 'Approve' },
      { action_id: 'reject', label: 'Reject' },
      { action_id: 'choose_advertiser', label: 'Too long', value: 'x'.repeat(200) },
    ]).map((b) => b.toJSON());
    expect(made.map((b) => [('custom_id' in b && b.custom_id) || '', b.style])).toEqual([
      ['tad:approve', 3],
      ['tad:reject', 4],
    ]);
    const many = buttons(
      Array.from({ length: 12 }, (_, i) => ({
        action_id: 'choose_media' as const,
        label: `#${i}`,
        value: `m${i}`,
      })),
    );
    expect(rowsOf(many).map((r) => r.components.length)).toEqual([5, 5, 2]);
  });

  it('describes music and media as the card shows them', () => {
    expect(musicText({})).toBe('(not set)');
    expect(musicText({ music: { kind: 'none' } })).toBe('None (single video with its own sound)');
    expect(musicText({ music: { kind: 'custom', music_id: 'm9', file_name: 'song.mp3' } })).toBe(
      'm9 (your track song.mp3)',
    );
    expect(musicText({ music: { kind: 'existing', music_id: 'm1', pending: true } })).toBe(
      'm1 (confirmed with TikTok at submit)',
    );
    expect(mediaText({ video_id: 'v1', image_ids: ['c1'] })).toBe('Video v1, cover c1');
    expect(mediaText({ image_ids: ['a', 'b'] })).toBe('Images a, b');
    expect(mediaText({ pending_media: ['beach'] })).toBe('beach (looked up at submit)');
    expect(mediaText({})).toBe('(not set)');
  });
});
