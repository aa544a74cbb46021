import type { BudgetSettings } from '../../src/ad/budget';
import type { AdDraft, MusicChoice } from '../../src/ad/draft';
import { crossFieldViolations, effectiveBudget, missingFields } from '../../src/ad/draft-rules';

const withDefault: BudgetSettings = {
  min_daily: 20,
  max_daily: 1000,
  default_daily: 50,
  currency: 'USD',
};
const noDefault: BudgetSettings = { ...withDefault, default_daily: null };

const music: MusicChoice = { kind: 'existing', music_id: 'music_123' };
const carousel: AdDraft = {
  campaign_name: 'Summer sale',
  objective_type: 'WEB_CONVERSIONS',
  ad_text: 'Thirty percent off',
  call_to_action: 'SHOP_NOW',
  music,
  landing_page_url: 'https://example.com/summer',
  budget: 40,
  image_ids: ['img_1', 'img_2'],
};

describe('missingFields', () => {
  it('asks for every field of an empty draft, in order; budget only without a default', () => {
    expect(missingFields({}, noDefault)).toEqual([
      'campaign_name',
      'objective_type',
      'ad_text',
      'call_to_action',
      'music',
      'landing_page_url',
      'budget',
      'media',
    ]);
    expect(missingFields({}, withDefault)).not.toContain('budget');
  });

  it('finds nothing missing in a complete carousel draft', () => {
    expect(missingFields(carousel, noDefault)).toEqual([]);
  });

  it.each<[string, AdDraft, boolean]>([
    // a carousel needs images and no video
    ['carousel with images', { music, image_ids: ['a'] }, false],
    ['carousel without images', { music, image_ids: [] }, true],
    ['carousel with a video too', { music, image_ids: ['a'], video_id: 'v' }, true],
    // a single video needs its video and exactly one cover
    ['video with one cover', { music: { kind: 'none' }, video_id: 'v', image_ids: ['c'] }, false],
    ['video without a cover', { music: { kind: 'none' }, video_id: 'v' }, true],
    [
      'video with two covers',
      { music: { kind: 'none' }, video_id: 'v', image_ids: ['a', 'b'] },
      true,
    ],
    ['cover without a video', { music: { kind: 'none' }, image_ids: ['c'] }, true],
    // media before music: the format is unknown, so it cannot be complete
    ['images, music undecided', { image_ids: ['a'] }, true],
    ['pending media, music undecided', { pending_media: ['a'] }, true],
    ['pending media with music', { music, pending_media: ['a'] }, false],
  ])('media: %s → missing %s', (_name, draft, missing) => {
    expect(missingFields(draft, withDefault).includes('media')).toBe(missing);
  });

  it('counts "no music" as an answer to the music question', () => {
    expect(missingFields({ music: { kind: 'none' } }, withDefault)).not.toContain('music');
  });
});

describe('crossFieldViolations', () => {
  it('refuses "no music" for Conversions, with the rule and what to do', () => {
    expect(
      crossFieldViolations({ objective_type: 'WEB_CONVERSIONS', music: { kind: 'none' } }),
    ).toEqual([
      {
        field: 'music',
        rule: 'music.required_for_conversions',
        message:
          'Conversions ads need music. Give a TikTok music ID (e.g. "use music_123") or upload your own MP3 track; "no music" works only for Traffic.',
      },
    ]);
  });

  it.each<[string, AdDraft]>([
    ['Traffic without music', { objective_type: 'TRAFFIC', music: { kind: 'none' } }],
    ['Conversions with music', carousel],
    ['Conversions, music undecided', { objective_type: 'WEB_CONVERSIONS' }],
    ['no music, objective undecided', { music: { kind: 'none' } }],
  ])('allows %s', (_name, draft) => {
    expect(crossFieldViolations(draft)).toEqual([]);
  });
});

describe('effectiveBudget', () => {
  it.each<[string, AdDraft, BudgetSettings, number | null]>([
    ["the draft's own", { budget: 40 }, withDefault, 40],
    ['the default', {}, withDefault, 50],
    ['none at all', {}, noDefault, null],
    ['zero is kept, not replaced', { budget: 0 }, withDefault, 0],
  ])('%s', (_name, draft, settings, expected) => {
    expect(effectiveBudget(draft, settings)).toBe(expected);
  });
});
