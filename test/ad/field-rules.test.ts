import type { BudgetSettings } from '../../src/ad/budget';
import { crossFieldViolations, missingFields } from '../../src/ad/draft-rules';
import {
  checkAdText,
  checkBudget,
  checkCallToAction,
  checkCampaignName,
  checkLandingPageUrl,
  checkObjective,
} from '../../src/ad/field-rules';

const budget: BudgetSettings = {
  min_daily: 20,
  max_daily: 1000,
  default_daily: 50,
  currency: 'USD',
};

function ruleOf(checked: { ok: boolean; violation?: { rule: string } }): string | undefined {
  return checked.ok ? undefined : checked.violation?.rule;
}

describe('campaign_name', () => {
  it('accepts 3 characters and trims', () => {
    expect(checkCampaignName('  Abc ')).toEqual({ ok: true, value: 'Abc' });
  });
  it('refuses fewer than 3 characters with a message that says so', () => {
    const checked = checkCampaignName('ab');
    expect(checked.ok).toBe(false);
    if (!checked.ok) {
      expect(checked.violation).toMatchObject({
        field: 'campaign_name',
        rule: 'campaign_name.too_short',
      });
      expect(checked.violation.message).toMatch(/at least 3/);
    }
  });
  it('refuses more than 512 characters, counting CJK twice', () => {
    expect(ruleOf(checkCampaignName('a'.repeat(513)))).toBe('campaign_name.too_long');
    expect(checkCampaignName('a'.repeat(512)).ok).toBe(true);
    expect(ruleOf(checkCampaignName('夏'.repeat(257)))).toBe('campaign_name.too_long');
  });
  it('refuses emoji', () => {
    expect(ruleOf(checkCampaignName('Summer 🌞 sale'))).toBe('campaign_name.emoji');
  });
});

describe('objective_type', () => {
  it.each([
    ['Traffic', 'TRAFFIC'],
    ['website visits', 'TRAFFIC'],
    ['conversions', 'WEB_CONVERSIONS'],
    ['Conversion', 'WEB_CONVERSIONS'],
    ['WEB_CONVERSIONS', 'WEB_CONVERSIONS'],
    ['sales', 'WEB_CONVERSIONS'],
  ])('reads %s as %s', (words, value) => {
    expect(checkObjective(words)).toEqual({ ok: true, value });
  });
  it('refuses other objectives, naming the two it supports', () => {
    const checked = checkObjective('reach');
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.violation.message).toMatch(/Traffic or Conversions/);
  });
});

describe('ad_text', () => {
  it('accepts 1 and 100 characters', () => {
    expect(checkAdText('x')).toEqual({ ok: true, value: 'x' });
    expect(checkAdText('y'.repeat(100)).ok).toBe(true);
  });
  it('refuses empty, over 100 (CJK twice) and emoji', () => {
    expect(ruleOf(checkAdText('   '))).toBe('ad_text.empty');
    expect(ruleOf(checkAdText('y'.repeat(101)))).toBe('ad_text.too_long');
    expect(ruleOf(checkAdText('语'.repeat(51)))).toBe('ad_text.too_long');
    expect(ruleOf(checkAdText('Buy now 🔥'))).toBe('ad_text.emoji');
  });
});

describe('call_to_action', () => {
  it.each([
    ['Shop now', 'SHOP_NOW'],
    ['Learn More', 'LEARN_MORE'],
    ['sign-up', 'SIGN_UP'],
    ['SIGN_UP', 'SIGN_UP'],
    ['buy now', 'SHOP_NOW'],
  ])('maps %s to %s', (words, value) => {
    expect(checkCallToAction(words)).toEqual({ ok: true, value });
  });
  it('refuses unknown words and values that do not suit website ads', () => {
    expect(ruleOf(checkCallToAction('Click here'))).toBe('call_to_action.unknown');
    expect(ruleOf(checkCallToAction('Watch live'))).toBe('call_to_action.unknown');
  });
});

describe('landing_page_url', () => {
  it('adds https to a bare domain', () => {
    expect(checkLandingPageUrl('solulab.com')).toEqual({ ok: true, value: 'https://solulab.com' });
  });
  it('refuses other schemes and hosts without a dot', () => {
    expect(ruleOf(checkLandingPageUrl('ftp://example.com'))).toBe('landing_page_url.scheme');
    expect(ruleOf(checkLandingPageUrl('https://shop'))).toBe('landing_page_url.host');
    expect(ruleOf(checkLandingPageUrl('http://localhost'))).toBe('landing_page_url.internal_host');
    expect(ruleOf(checkLandingPageUrl('not a url at all'))).toBeDefined();
  });
});

describe('budget', () => {
  it('accepts the range and refuses outside it', () => {
    expect(checkBudget(20, budget)).toEqual({ ok: true, value: 20 });
    expect(ruleOf(checkBudget(19.99, budget))).toBe('budget.below_minimum');
    expect(ruleOf(checkBudget(1000.01, budget))).toBe('budget.above_cap');
    expect(ruleOf(checkBudget(Number.NaN, budget))).toBe('budget.invalid');
  });
});

describe('music and objective', () => {
  it('blocks Conversions without music', () => {
    const v = crossFieldViolations({ objective_type: 'WEB_CONVERSIONS', music: { kind: 'none' } });
    expect(v).toHaveLength(1);
    expect(v[0]).toMatchObject({ field: 'music', rule: 'music.required_for_conversions' });
    expect(v[0]?.message).toMatch(/music ID|MP3/);
  });
  it('allows Traffic without music, and Conversions with music', () => {
    expect(crossFieldViolations({ objective_type: 'TRAFFIC', music: { kind: 'none' } })).toEqual(
      [],
    );
    expect(
      crossFieldViolations({
        objective_type: 'WEB_CONVERSIONS',
        music: { kind: 'existing', music_id: 'music_123' },
      }),
    ).toEqual([]);
  });
});

describe('missing fields', () => {
  it('lists what is missing in asking order, and budget only without a default', () => {
    expect(missingFields({}, budget)).toEqual([
      'campaign_name',
      'objective_type',
      'ad_text',
      'call_to_action',
      'music',
      'landing_page_url',
      'media',
    ]);
    expect(missingFields({}, { ...budget, default_daily: null })).toContain('budget');
  });
  it('wants images for a carousel and a video with a cover for a single video', () => {
    const base = {
      campaign_name: 'abc',
      objective_type: 'TRAFFIC' as const,
      ad_text: 't',
      call_to_action: 'SHOP_NOW',
      landing_page_url: 'https://a.com/',
    };
    expect(
      missingFields(
        { ...base, music: { kind: 'existing', music_id: 'm' }, image_ids: ['i1'] },
        budget,
      ),
    ).toEqual([]);
    expect(missingFields({ ...base, music: { kind: 'none' }, image_ids: ['i1'] }, budget)).toEqual([
      'media',
    ]);
    expect(
      missingFields({ ...base, music: { kind: 'none' }, video_id: 'v', image_ids: ['c'] }, budget),
    ).toEqual([]);
  });
});
