import { understoodBlock } from '../../src/engine/understood';
import { testSettings } from '../support/harness';

const { budget } = testSettings();

describe('understoodBlock', () => {
  it('names each changed field with the value the draft now holds, in the order given', () => {
    const block = understoodBlock(
      { objective_type: 'TRAFFIC', budget: 75, call_to_action: 'SHOP_NOW', ad_text: 'Hi “there”' },
      ['objective_type', 'budget', 'call_to_action', 'ad_text'],
      budget,
    );
    expect(block).toEqual({
      type: 'text',
      tone: 'info',
      text: 'Got it: objective Traffic · budget 75 USD a day · call to action Shop now · ad text “Hi “there””',
    });
  });

  it('says how music and media stand', () => {
    const text = (draft: Parameters<typeof understoodBlock>[0], field: 'music' | 'media') =>
      understoodBlock(draft, [field], budget)?.text;
    expect(text({ music: { kind: 'none' } }, 'music')).toBe('Got it: no music');
    expect(text({ music: { kind: 'existing', music_id: 'm1', pending: true } }, 'music')).toBe(
      'Got it: music m1 (to confirm with TikTok)',
    );
    expect(
      text({ music: { kind: 'custom', music_id: 'm2', file_name: 'song.mp3' } }, 'music'),
    ).toBe('Got it: music song.mp3 (m2)');
    expect(text({}, 'music')).toBe('Got it: music cleared');
    expect(text({ video_id: 'v1', image_ids: ['c1'] }, 'media')).toBe(
      'Got it: video v1 (cover c1)',
    );
    expect(text({ image_ids: ['a', 'b'] }, 'media')).toBe('Got it: images a, b');
    expect(text({ pending_media: ['beach'] }, 'media')).toBe('Got it: media beach (to look up)');
  });

  it('is null when nothing shows as changed', () => {
    expect(understoodBlock({}, [], budget)).toBeNull();
    expect(understoodBlock({}, ['campaign_name', 'budget'], budget)).toBeNull();
  });
});
