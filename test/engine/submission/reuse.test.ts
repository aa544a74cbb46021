import { REUSE_TEXTS, reuseOrDelete } from '../../../src/engine/submission/reuse';
import type { SubmissionRun } from '../../../src/engine/submission/run';
import type { Submission } from '../../../src/engine/thread-state';

const PARTS = { campaign: 'pc', adgroup: 'pg', ad: 'pa' };

/** A run on fakes: every TikTok call and audit record, in order. */
function fakeRun() {
  const calls: string[] = [];
  const audits: Record<string, unknown>[] = [];
  const sub = { advertiser_id: 'adv1' } as Submission;
  const run = {
    sub,
    auth: { access_token: 't', advertiser_id: 'adv1' },
    ctx: {
      ads: {
        updateStatus: async (_auth: unknown, level: string, ids: string[], status: string) => {
          calls.push(`${status} ${level} ${ids.join(',')}`);
          return { request_id: 'req-1' };
        },
        updateAdGroupBudget: async (_auth: unknown, id: string, budget: number) => {
          calls.push(`budget ${id} ${budget}`);
        },
      },
    },
    audit: async (record: Record<string, unknown>) => {
      audits.push(record);
    },
  } as unknown as SubmissionRun;
  return { run, sub, calls, audits };
}

function earlier(overrides: Partial<Submission> = {}): Submission {
  return {
    advertiser_id: 'adv1',
    campaign_id: 'c1',
    campaign_name: 'Spring Shoes',
    adgroup_id: 'g1',
    adgroup_name: 'Spring Shoes ad group',
    adgroup_budget: 50,
    ad_id: 'a1',
    ad_name: 'Spring Shoes ad',
    parts: PARTS,
    ...overrides,
  } as Submission;
}

describe('reuseOrDelete', () => {
  it('an edited campaign: deleted with all under it, nothing taken over', async () => {
    const { run, sub, calls, audits } = fakeRun();
    const { notes } = await reuseOrDelete(run, earlier(), { ...PARTS, campaign: 'other' }, 50);
    expect(calls).toEqual(['DELETE campaign c1']);
    expect(notes).toEqual([REUSE_TEXTS.campaignDeleted('c1')]);
    expect(sub.campaign_id).toBeUndefined();
    expect(audits).toEqual([
      expect.objectContaining({ action: 'deleted', level: 'campaign', object_id: 'c1' }),
    ]);
  });

  it('all the same: every object taken over, those switched on switched off, a new budget set', async () => {
    const { run, sub, calls } = fakeRun();
    const prev = earlier({ enabled: ['campaign', 'adgroup', 'ad'] });
    const { notes } = await reuseOrDelete(run, prev, PARTS, 80);
    expect(sub).toMatchObject({
      campaign_id: 'c1',
      campaign_name: 'Spring Shoes',
      adgroup_id: 'g1',
      adgroup_name: 'Spring Shoes ad group',
      adgroup_budget: 80,
      ad_id: 'a1',
      ad_name: 'Spring Shoes ad',
    });
    expect(calls).toEqual([
      'budget g1 80',
      'DISABLE campaign c1',
      'DISABLE adgroup g1',
      'DISABLE ad a1',
    ]);
    expect(notes).toEqual([
      'Reusing campaign c1, ad group g1, ad a1 from the earlier attempt.',
      'Changed the budget of ad group g1 from 50 to 80 (adgroup/update).',
    ]);
  });

  it('an edited ad: campaign and ad group taken over, the ad deleted', async () => {
    const { run, sub, calls } = fakeRun();
    const { notes } = await reuseOrDelete(run, earlier(), { ...PARTS, ad: 'other' }, 50);
    expect(calls).toEqual(['DELETE ad a1']);
    expect(sub.adgroup_id).toBe('g1');
    expect(sub.ad_id).toBeUndefined();
    expect(notes).toEqual([
      'Reusing campaign c1, ad group g1 from the earlier attempt.',
      REUSE_TEXTS.adDeleted('a1'),
    ]);
  });

  it('an edited ad group: the campaign taken over, the ad group deleted with its ad', async () => {
    const { run, sub, calls } = fakeRun();
    const { notes } = await reuseOrDelete(run, earlier(), { ...PARTS, adgroup: 'other' }, 50);
    expect(calls).toEqual(['DELETE adgroup g1']);
    expect(sub.campaign_id).toBe('c1');
    expect(sub.adgroup_id).toBeUndefined();
    expect(notes).toEqual([
      'Reusing campaign c1 from the earlier attempt.',
      REUSE_TEXTS.adGroupDeleted('g1'),
    ]);
  });

  it('another advertiser: the earlier campaign is deleted, never reused', async () => {
    const { run, calls } = fakeRun();
    await reuseOrDelete(run, earlier({ advertiser_id: 'adv2' }), PARTS, 50);
    expect(calls).toEqual(['DELETE campaign c1']);
  });
});
