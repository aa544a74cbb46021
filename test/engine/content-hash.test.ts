import type { AdDraft } from '../../src/ad/draft';
import { tiktokLength } from '../../src/ad/text-length';
import { canonicalJson, contentHash, shortHash } from '../../src/engine/content-hash';
import { submissionKey } from '../../src/engine/submission/record';
import { MAX_OBJECT_NAME_LENGTH, objectNames } from '../../src/tiktok/object-names';
import { testSettings } from '../support/harness';

const draft: AdDraft = {
  campaign_name: 'Summer Sale',
  objective_type: 'TRAFFIC',
  ad_text: 'Big summer deals',
  call_to_action: 'SHOP_NOW',
  music: { kind: 'none' },
  landing_page_url: 'https://shop.example.com',
  video_id: 'vid_summer_1',
  image_ids: ['img_cover_1'],
};

describe('contentHash', () => {
  const settings = testSettings();

  it('is a hex SHA-256 that ignores key order and changes with every payload field', () => {
    const hash = contentHash(draft, settings);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(shortHash(hash)).toBe(hash.slice(0, 8));
    const reordered = Object.fromEntries(Object.entries(draft).reverse()) as AdDraft;
    expect(contentHash(reordered, settings)).toBe(hash);
    const changes: Partial<AdDraft>[] = [
      { campaign_name: 'Winter Sale' },
      { objective_type: 'WEB_CONVERSIONS' },
      { ad_text: 'Other text' },
      { call_to_action: 'LEARN_MORE' },
      { landing_page_url: 'https://shop.example.com/x' },
      { video_id: 'vid_summer_2' },
      { image_ids: ['img_cover_2'] },
      { budget: 80 },
      { music: { kind: 'existing', music_id: 'music_123' } },
    ];
    for (const change of changes)
      expect(contentHash({ ...draft, ...change }, settings)).not.toBe(hash);
  });

  it('counts the default budget and the targeting settings, since they are sent too', () => {
    const hash = contentHash(draft, settings);
    expect(contentHash({ ...draft, budget: 50 }, settings)).toBe(hash);
    expect(
      contentHash(draft, testSettings({ budget: { ...settings.budget, default_daily: 60 } })),
    ).not.toBe(hash);
    expect(
      contentHash(
        draft,
        testSettings({ targeting: { ...settings.targeting, location_ids: ['1'] } }),
      ),
    ).not.toBe(hash);
  });

  it('canonical JSON sorts keys at every level and drops absent members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: null }], c: undefined } })).toBe(
      '{"a":{"d":[1,{"f":2}]},"b":1}',
    );
  });

  it('the submission key differs for another draft id, content or advertiser', () => {
    const key = submissionKey('d1', 'h1', 'a1');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(submissionKey('d2', 'h1', 'a1')).not.toBe(key);
    expect(submissionKey('d1', 'h2', 'a1')).not.toBe(key);
    expect(submissionKey('d1', 'h1', 'a2')).not.toBe(key);
  });
});

describe('objectNames', () => {
  it('keeps the campaign name as approved, tags the bot-chosen names, all within 512 (CJK counting 2)', () => {
    expect(objectNames('Summer Sale', '1a2b3c4d')).toEqual({
      campaign_name: 'Summer Sale',
      adgroup_name: 'Summer Sale - 1a2b3c4d - ad group',
      ad_name: 'Summer Sale - 1a2b3c4d - ad',
    });
    for (const base of ['x'.repeat(512), '夏'.repeat(256), `${'y'.repeat(490)}夏夏夏夏夏夏`]) {
      const names = objectNames(base, 'deadbeef');
      for (const name of Object.values(names))
        expect(tiktokLength(name)).toBeLessThanOrEqual(MAX_OBJECT_NAME_LENGTH);
      expect(names.adgroup_name.endsWith(' - deadbeef - ad group')).toBe(true);
      expect(names.campaign_name).toBe(base);
    }
  });
});
