import { type ApplyContext, applyUpdates } from '../../src/engine/apply-updates';
import { emptyUpdates, type ProposalUpdates } from '../../src/model/proposal';
import type { AdsApi } from '../../src/tiktok/ads-api';
import { testSettings } from '../support/harness';
import { COMPLETE_DRAFT } from '../support/thread-states';

const CTX: ApplyContext = { ads: {} as AdsApi, auth: null, settings: testSettings() };
const updates = (set: Partial<ProposalUpdates>): ProposalUpdates => ({ ...emptyUpdates(), ...set });

describe('applyUpdates', () => {
  it('nothing proposed: nothing changes, and the input draft is never mutated', async () => {
    const draft = structuredClone(COMPLETE_DRAFT);
    const result = await applyUpdates(draft, emptyUpdates(), CTX);
    expect(result.changed).toEqual([]);
    expect(result.draft).toEqual(COMPLETE_DRAFT);
    expect(result.draft).not.toBe(draft);
  });

  it('each plain field goes through its rule into the draft', async () => {
    const result = await applyUpdates(
      {},
      updates({
        campaign_name: 'Spring Shoes',
        objective: 'traffic',
        ad_text: 'Fresh kicks',
        call_to_action: 'Shop now',
        landing_page_url: 'https://shoes.example.com',
        budget: 60,
      }),
      CTX,
    );
    expect(result.violations).toEqual([]);
    expect(result.draft).toEqual({
      campaign_name: 'Spring Shoes',
      objective_type: 'TRAFFIC',
      ad_text: 'Fresh kicks',
      call_to_action: 'SHOP_NOW',
      landing_page_url: 'https://shoes.example.com',
      budget: 60,
    });
    expect(result.changed.sort()).toEqual(
      [
        'ad_text',
        'budget',
        'call_to_action',
        'campaign_name',
        'landing_page_url',
        'objective_type',
      ].sort(),
    );
  });

  it('a value that breaks its rule is refused with a violation; the field keeps its value', async () => {
    const result = await applyUpdates(
      { budget: 50 },
      updates({ budget: 5, landing_page_url: 'ftp://x' }),
      CTX,
    );
    expect(result.draft.budget).toBe(50);
    expect(result.draft.landing_page_url).toBeUndefined();
    expect(result.violations.map((violation) => violation.field).sort()).toEqual([
      'budget',
      'landing_page_url',
    ]);
    expect(result.changed).toEqual([]);
  });

  it('media ids without a link wait as pending media, said in a note', async () => {
    const result = await applyUpdates({}, updates({ image_ids: ['img_summer_1'] }), CTX);
    expect(result.draft.pending_media).toEqual(['img_summer_1']);
    expect(result.notes).toEqual([
      "I'll look up img_summer_1 in your TikTok library once your account is linked, before anything is created.",
    ]);
  });

  it('a word is never taken as a media id', async () => {
    const result = await applyUpdates({}, updates({ image_ids: ['library'] }), CTX);
    expect(result.draft.image_ids).toBeUndefined();
    expect(result.violations).toEqual([
      expect.objectContaining({ field: 'media', rule: 'media.not_an_id' }),
    ]);
  });

  it("uploads' notes come first, and an uploaded video becomes the single video", async () => {
    const result = await applyUpdates({}, emptyUpdates(), {
      ...CTX,
      uploaded: { image_ids: [], video_id: 'v_upload_1', notes: ['Uploaded clip.mp4.'] },
    });
    expect(result.notes[0]).toBe('Uploaded clip.mp4.');
    expect(result.draft.pending_media).toEqual(['v_upload_1']);
  });
});
