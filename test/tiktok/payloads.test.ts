import type { AdDraft } from '../../src/ad/draft';
import {
  type AdGroupDefaults,
  adBody,
  adDisplayName,
  adGroupBody,
  campaignBody,
  idempotencyKey,
  MAX_AD_DISPLAY_NAME,
  tiktokTime,
} from '../../src/tiktok/payloads';

const carousel: AdDraft = {
  campaign_name: 'Summer sale',
  objective_type: 'WEB_CONVERSIONS',
  ad_text: 'Thirty percent off',
  call_to_action: 'SHOP_NOW',
  music: { kind: 'existing', music_id: 'music_123' },
  landing_page_url: 'https://example.com/summer',
  budget: 40,
  image_ids: ['img_1', 'img_2'],
};
const video: AdDraft = {
  ...carousel,
  objective_type: 'TRAFFIC',
  music: { kind: 'none' },
  image_ids: ['cover_1'],
  video_id: 'vid_1',
};
const defaults: AdGroupDefaults = {
  location_ids: ['6252001'],
  pixel_id: 'px_1',
  optimization_event: 'SHOPPING',
};
const NOW = new Date('2026-10-01T08:09:10.999Z');

// TikTok's body `request_id` is an int64 in a string ("Create a campaign", `request_id`).
describe('idempotencyKey', () => {
  it('is a positive 63-bit decimal, the same for the same scope and step', () => {
    const key = idempotencyKey('sub-1', 'campaign');
    expect(key).toMatch(/^[1-9][0-9]{0,18}$/);
    expect(BigInt(key)).toBeLessThanOrEqual(0x7fff_ffff_ffff_ffffn);
    expect(idempotencyKey('sub-1', 'campaign')).toBe(key);
  });

  it('differs by scope and by step', () => {
    const keys = new Set([
      idempotencyKey('sub-1', 'campaign'),
      idempotencyKey('sub-1', 'adgroup'),
      idempotencyKey('sub-2', 'campaign'),
      idempotencyKey('sub-2', 'adgroup'),
    ]);
    expect(keys.size).toBe(4);
  });
});

describe('tiktokTime', () => {
  it.each([
    ['2026-10-01T08:09:10.999Z', '2026-10-01 08:09:10'],
    ['2026-01-31T23:59:59.000Z', '2026-01-31 23:59:59'],
    ['2026-03-29T01:30:00+02:00', '2026-03-28 23:30:00'],
  ])('%s is "%s" in UTC', (iso, text) => {
    expect(tiktokTime(new Date(iso))).toBe(text);
  });
});

describe('campaignBody', () => {
  it('creates the campaign switched off, with no budget of its own and CBO off', () => {
    expect(campaignBody(carousel, '42')).toEqual({
      campaign_name: 'Summer sale',
      objective_type: 'WEB_CONVERSIONS',
      budget_mode: 'BUDGET_MODE_INFINITE',
      budget_optimize_on: false,
      operation_status: 'DISABLE',
      request_id: '42',
    });
  });

  it('takes the saved name when given one', () => {
    expect(campaignBody(carousel, '42', 'Saved name').campaign_name).toBe('Saved name');
  });

  it.each([
    [{ objective_type: 'TRAFFIC' } as AdDraft, 'Draft is missing campaign_name'],
    [{ campaign_name: 'x' } as AdDraft, 'Draft is missing objective_type'],
  ])('throws on a draft missing what it needs', (draft, message) => {
    expect(() => campaignBody(draft, '1')).toThrow(message);
  });
});

// TikTok "Create Website Conversions ads" (doc 1775548501843970): without a pixel, website ads
// optimize for CLICK only.
describe('adGroupBody', () => {
  const common = {
    campaign_id: 'c_1',
    operation_status: 'DISABLE',
    request_id: '7',
    promotion_type: 'WEBSITE',
    placement_type: 'PLACEMENT_TYPE_NORMAL',
    placements: ['PLACEMENT_TIKTOK'],
    location_ids: ['6252001'],
    budget_mode: 'BUDGET_MODE_DAY',
    budget: 40,
    schedule_type: 'SCHEDULE_FROM_NOW',
    schedule_start_time: '2026-10-01 08:09:10',
    bid_type: 'BID_TYPE_NO_BID',
    pacing: 'PACING_MODE_SMOOTH',
  };

  it('optimizes Conversions with a pixel for CONVERT/OCPM on the pixel event', () => {
    expect(adGroupBody(carousel, 'c_1', 40, '7', defaults, NOW)).toEqual({
      ...common,
      adgroup_name: 'Summer sale - ad group',
      optimization_goal: 'CONVERT',
      billing_event: 'OCPM',
      pixel_id: 'px_1',
      optimization_event: 'SHOPPING',
    });
  });

  it('optimizes Conversions without a pixel, and Traffic, for CLICK/CPC, with no pixel fields', () => {
    const noPixel = { location_ids: ['6252001'], optimization_event: 'SHOPPING' };
    for (const body of [
      adGroupBody(carousel, 'c_1', 40, '7', noPixel, NOW, 'Named - ad group'),
      adGroupBody(video, 'c_1', 40, '7', defaults, NOW, 'Named - ad group'),
    ]) {
      expect(body).toEqual({
        ...common,
        adgroup_name: 'Named - ad group',
        optimization_goal: 'CLICK',
        billing_event: 'CPC',
      });
    }
  });

  it('throws without a campaign name when no ad group name is given', () => {
    expect(() => adGroupBody({}, 'c', 20, '1', defaults, NOW)).toThrow(
      'Draft is missing campaign_name',
    );
  });
});

// SDK js_sdk/docs/AdcreateCreatives.md, `display_name`: 1-40 English or 1-20 CJK characters.
describe('adDisplayName', () => {
  it('is at most 40', () => {
    expect(MAX_AD_DISPLAY_NAME).toBe(40);
  });

  it.each([
    ['Acme', 'Acme'],
    ['  Acme Shop  ', 'Acme Shop'],
    ['a'.repeat(40), 'a'.repeat(40)],
    ['a'.repeat(41), 'a'.repeat(40)],
    ['夏'.repeat(21), '夏'.repeat(20)],
    [`${'a'.repeat(39)}夏`, 'a'.repeat(39)],
    [`${'a'.repeat(39)} b`, 'a'.repeat(39)],
  ])('%j → %j', (name, out) => {
    expect(adDisplayName(name)).toBe(out);
  });
});

describe('adBody', () => {
  const creative = {
    ad_name: 'Summer sale - t - ad',
    operation_status: 'DISABLE',
    ad_text: 'Thirty percent off',
    call_to_action: 'SHOP_NOW',
    landing_page_url: 'https://example.com/summer',
    identity_id: 'id_1',
    identity_type: 'CUSTOMIZED_USER',
  };

  it('makes a carousel with the images and music when the draft has music', () => {
    expect(adBody(carousel, 'ag_1', 'Summer sale - t - ad', 'id_1', ' Acme ')).toEqual({
      adgroup_id: 'ag_1',
      creatives: [
        {
          ...creative,
          ad_format: 'CAROUSEL_ADS',
          display_name: 'Acme',
          image_ids: ['img_1', 'img_2'],
          music_id: 'music_123',
        },
      ],
    });
  });

  it('makes a single video with its cover when the draft has no music', () => {
    const body = adBody(video, 'ag_1', 'Summer sale - t - ad', 'id_1', 'b'.repeat(45));
    expect(body).toEqual({
      adgroup_id: 'ag_1',
      creatives: [
        {
          ...creative,
          ad_format: 'SINGLE_VIDEO',
          display_name: 'b'.repeat(40),
          video_id: 'vid_1',
          image_ids: ['cover_1'],
        },
      ],
    });
  });

  const without = (draft: AdDraft, field: keyof AdDraft): AdDraft => {
    const { [field]: _dropped, ...rest } = draft;
    return rest;
  };

  it.each<[keyof AdDraft, AdDraft]>([
    ['music', carousel],
    ['image_ids', carousel],
    ['video_id', video],
    ['ad_text', carousel],
    ['call_to_action', carousel],
    ['landing_page_url', carousel],
  ])('throws when %s is missing', (field, draft) => {
    expect(() => adBody(without(draft, field), 'ag', 'ad', 'id', 'n')).toThrow(
      `Draft is missing ${field}`,
    );
  });
});
