import { CALL_TO_ACTIONS, parseCallToAction } from '../../../src/ad/call-to-action';
import {
  CORRECTION,
  CTA_PHRASES,
  CUSTOM_MUSIC,
  FIELD_LABELS,
  FILLER,
  GOALS,
  NO_MUSIC,
  NONE_WORDS,
  WEAK_CTA_PHRASES,
  WEAK_LABELS,
} from '../../../src/model/offline/vocabulary';

describe('offline vocabulary', () => {
  it('labels every slot field once, longest label first within each', () => {
    const fields = FIELD_LABELS.map(([field]) => field);
    expect(new Set(fields)).toEqual(
      new Set([
        'campaign_name',
        'objective',
        'ad_text',
        'call_to_action',
        'music',
        'landing_page_url',
        'budget',
        'media',
      ]),
    );
    expect(fields).toHaveLength(8);
    const campaign = FIELD_LABELS.find(([f]) => f === 'campaign_name')?.[1];
    expect(campaign?.slice(0, 2)).toEqual(['campaign name', 'name of the campaign']);
  });

  it('has weak labels that are labels of some field', () => {
    const all = new Set(FIELD_LABELS.flatMap(([, labels]) => labels));
    for (const weak of WEAK_LABELS) expect(all.has(weak)).toBe(true);
  });

  it('maps goal words to traffic or conversions only', () => {
    expect(GOALS.find(([w]) => w === 'sales')?.[1]).toBe('conversions');
    for (const [, objective] of GOALS) expect(['traffic', 'conversions']).toContain(objective);
  });

  it('maps call-to-action phrases to values TikTok accepts for a website', () => {
    const phrases = new Map(CTA_PHRASES);
    expect(phrases.get('shop now')).toBe('SHOP_NOW');
    expect(phrases.get('learn more')).toBe('LEARN_MORE');
    for (const [, value] of CTA_PHRASES) {
      expect(CALL_TO_ACTIONS).toContain(value);
      expect(parseCallToAction(value)).not.toBeNull();
    }
    expect(WEAK_CTA_PHRASES.has('shop')).toBe(true);
    expect(WEAK_CTA_PHRASES.has('shop now')).toBe(false);
  });

  it.each([
    'no music',
    'without any background music',
    "we don't need music",
    'music: none',
    'silent',
  ])('reads "%s" as no music', (text) => expect(NO_MUSIC.test(text)).toBe(true));

  it('does not read music wishes as no music', () => {
    expect(NO_MUSIC.test('upbeat music please')).toBe(false);
    expect(NONE_WORDS.test('none thanks')).toBe(true);
    expect(NONE_WORDS.test('none of these')).toBe(false);
  });

  it('reads an own track, and fillers and corrections at a clause start', () => {
    expect(CUSTOM_MUSIC.test("I'll upload my own mp3")).toBe(true);
    expect(CUSTOM_MUSIC.test('music_pop_2024')).toBe(false);
    expect(FILLER.exec('ok so hi there, budget 50')?.[0]).toBe('ok so hi there, ');
    expect(CORRECTION.exec('actually, sorry i meant 60')?.[0]).toBe('actually, sorry i meant ');
  });
});
