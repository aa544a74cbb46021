import { type AdDraft, adFormatOf, DRAFT_FIELDS, hasPendingChecks } from '../../src/ad/draft';

describe('DRAFT_FIELDS', () => {
  it('lists the fields in the order the bot asks for them', () => {
    expect(DRAFT_FIELDS).toEqual([
      'campaign_name',
      'objective_type',
      'ad_text',
      'call_to_action',
      'music',
      'landing_page_url',
      'budget',
      'media',
    ]);
  });
});

// TikTok "Create Carousel Ads": a carousel needs `music_id`; "Create ads": SINGLE_VIDEO
// carries its own audio.
describe('adFormatOf', () => {
  it.each<[string, AdDraft, ReturnType<typeof adFormatOf>]>([
    ['music undecided', {}, null],
    ['a TikTok music id', { music: { kind: 'existing', music_id: 'music_1' } }, 'CAROUSEL_ADS'],
    [
      'a music id still to confirm',
      { music: { kind: 'existing', music_id: 'music_1', pending: true } },
      'CAROUSEL_ADS',
    ],
    [
      'an uploaded track',
      { music: { kind: 'custom', music_id: 'music_9', file_name: 'a.mp3' } },
      'CAROUSEL_ADS',
    ],
    ['no music', { music: { kind: 'none' } }, 'SINGLE_VIDEO'],
  ])('%s gives %s', (_name, draft, format) => {
    expect(adFormatOf(draft)).toBe(format);
  });
});

describe('hasPendingChecks', () => {
  it.each<[string, AdDraft, boolean]>([
    ['an empty draft', {}, false],
    ['a confirmed music id', { music: { kind: 'existing', music_id: 'm' } }, false],
    ['a music id to confirm', { music: { kind: 'existing', music_id: 'm', pending: true } }, true],
    ['no music', { music: { kind: 'none' } }, false],
    ['an empty pending media list', { pending_media: [] }, false],
    ['media named before linking', { pending_media: ['img_1'] }, true],
    [
      'both kinds pending',
      { music: { kind: 'existing', music_id: 'm', pending: true }, pending_media: ['v'] },
      true,
    ],
  ])('%s: %s', (_name, draft, pending) => {
    expect(hasPendingChecks(draft)).toBe(pending);
  });
});
