import { createHash } from 'node:crypto';
import {
  budgetOf,
  leftObjects,
  newDraftId,
  newSubmission,
  partHashes,
  startOver,
  submissionKey,
} from '../../../src/engine/submission/record';
import type { Submission } from '../../../src/engine/thread-state';
import { testSettings } from '../../support/harness';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';

const IDENTITY = { identity_id: 'id1', display_name: 'Brand' };
const NOW = new Date('2026-12-07T12:00:00Z');

describe('submission keys and records', () => {
  it('keys a submission by draft, content and advertiser (SHA-256 hex)', () => {
    const key = submissionKey('d1', 'h1', 'a1');
    expect(key).toBe(createHash('sha256').update('d1|h1|a1').digest('hex'));
    expect(submissionKey('d2', 'h1', 'a1')).not.toBe(key);
    expect(submissionKey('d1', 'h2', 'a1')).not.toBe(key);
    expect(submissionKey('d1', 'h1', 'a2')).not.toBe(key);
  });

  it('draft ids are random UUIDs', () => {
    expect(newDraftId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(newDraftId()).not.toBe(newDraftId());
  });

  it('derives request ids and names from the key, so a retry repeats them exactly', () => {
    const state = stateOf({ draft: COMPLETE_DRAFT, revision: 4 });
    const a = newSubmission(state, 'd1', 'h1', 'adv1', NOW);
    const b = newSubmission(state, 'd1', 'h1', 'adv1', new Date('2026-12-08T00:00:00Z'));
    expect(a).toMatchObject({
      key: submissionKey('d1', 'h1', 'adv1'),
      revision: 4,
      advertiser_id: 'adv1',
      started_at: NOW.toISOString(),
    });
    expect(a.campaign_request_id).toBe(b.campaign_request_id);
    expect(a.adgroup_request_id).toBe(b.adgroup_request_id);
    expect(a.campaign_request_id).not.toBe(a.adgroup_request_id);
    expect(a.ad_name).toBe(b.ad_name);
    expect(a.ad_name).toContain(a.key?.slice(0, 8));
  });

  it('budgetOf: the draft budget, else the default, else an error', () => {
    expect(budgetOf(stateOf({ draft: { budget: 80 } }), testSettings())).toBe(80);
    expect(budgetOf(stateOf(), testSettings())).toBe(50);
    const none = testSettings({
      budget: { min_daily: 20, max_daily: 100, default_daily: null, currency: 'USD' },
    });
    expect(() => budgetOf(stateOf(), none)).toThrow(/no budget/);
    expect(() => budgetOf(stateOf(), none)).toThrow(
      expect.objectContaining({ code: 'draft_incomplete' }),
    );
  });
});

describe('partHashes', () => {
  it('ignores the budget for the ad group but not the ad text for the ad', () => {
    const settings = testSettings();
    const base = partHashes(stateOf({ draft: COMPLETE_DRAFT }), settings, IDENTITY);
    const budget = partHashes(
      stateOf({ draft: { ...COMPLETE_DRAFT, budget: 90 } }),
      settings,
      IDENTITY,
    );
    expect(budget).toEqual(base);
    const text = partHashes(
      stateOf({ draft: { ...COMPLETE_DRAFT, ad_text: 'Other words' } }),
      settings,
      IDENTITY,
    );
    expect(text.campaign).toBe(base.campaign);
    expect(text.adgroup).toBe(base.adgroup);
    expect(text.ad).not.toBe(base.ad);
    const name = partHashes(
      stateOf({ draft: { ...COMPLETE_DRAFT, campaign_name: 'Other Name' } }),
      settings,
      IDENTITY,
    );
    expect(name.campaign).not.toBe(base.campaign);
  });
});

describe('leftObjects and startOver', () => {
  const sub = (over: Partial<Submission> = {}): Submission => ({
    revision: 1,
    advertiser_id: 'a',
    campaign_request_id: 'c',
    adgroup_request_id: 'g',
    ad_name: 'n',
    started_at: NOW.toISOString(),
    ...over,
  });

  it('knows whether an attempt may have left objects at TikTok', () => {
    expect(leftObjects(sub())).toBe(false);
    expect(leftObjects(sub({ campaign_attempted: true }))).toBe(true);
    expect(leftObjects(sub({ adgroup_id: 'g1' }))).toBe(true);
  });

  it('keeps unfinished attempts (and earlier abandoned ones) for cleanup, not finished ones', () => {
    const older = sub({ campaign_id: 'c0' });
    const saved = stateOf({ abandoned: [older], submission: sub({ campaign_id: 'c1' }) });
    expect(startOver(saved, stateOf()).abandoned).toEqual([older, sub({ campaign_id: 'c1' })]);
    const finished = stateOf({ submission: sub({ campaign_id: 'c1', finished_at: 'x' }) });
    expect(startOver(finished, stateOf()).abandoned).toBeUndefined();
  });
});
