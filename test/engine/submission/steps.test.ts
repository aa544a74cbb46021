import type { SubmitContext } from '../../../src/engine/submission/context';
import { newSubmission } from '../../../src/engine/submission/record';
import { SubmissionRun } from '../../../src/engine/submission/run';
import {
  adGroupNameOf,
  campaignFields,
  ENABLE_ORDER,
  enableAll,
  ensureAd,
  ensureAdGroup,
  ensureCampaign,
} from '../../../src/engine/submission/steps';
import { EMULATOR_IDENTITY_ID } from '../../../src/tiktok/emulator';
import { testSettings } from '../../support/harness';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';
import { AUTH, useEmulator } from '../../tiktok/helpers';

const h = useEmulator();
const IDENTITY = { identity_id: EMULATOR_IDENTITY_ID, display_name: 'Emulator Brand' };
const DRAFT = { ...COMPLETE_DRAFT, video_id: 'vid_summer_1', image_ids: ['img_summer_1'] };

function runFor(name: string) {
  const saves: string[] = [];
  const state = stateOf({ draft: { ...DRAFT, campaign_name: name }, status: 'submitting' });
  const sub = newSubmission(state, `draft-${name}`, `hash-${name}`, AUTH.advertiser_id, new Date());
  state.submission = sub;
  const ctx: SubmitContext = {
    ads: h.client,
    auth: AUTH,
    settings: testSettings(),
    persist: async (s) => {
      saves.push(JSON.stringify(s.submission));
    },
    progress: async () => {},
    sleep: async () => {},
    now: () => new Date(),
  };
  return { run: new SubmissionRun(state, sub, ctx), sub, saves };
}

describe('submission steps (emulator over HTTP)', () => {
  it('creates campaign, ad group and ad switched off, saving each id before going on', async () => {
    const { run, sub, saves } = runFor('Steps One');
    const campaign_id = await ensureCampaign(run);
    expect(sub).toMatchObject({ campaign_id, campaign_attempted: true });
    expect(sub.campaign_fields).toEqual({
      objective_type: 'TRAFFIC',
      budget_mode: 'BUDGET_MODE_INFINITE',
      budget_optimize_on: false,
    });
    expect(h.emulator.state.campaigns.get(campaign_id)).toMatchObject({
      campaign_name: 'Steps One',
      operation_status: 'DISABLE',
    });
    const adgroup_id = await ensureAdGroup(run, campaign_id);
    expect(sub.adgroup_budget).toBe(50);
    expect(h.emulator.state.adgroups.get(adgroup_id)).toMatchObject({
      adgroup_name: adGroupNameOf(run),
      operation_status: 'DISABLE',
    });
    const ad_id = await ensureAd(run, adgroup_id, IDENTITY);
    expect(h.emulator.state.ads.get(ad_id)).toMatchObject({
      ad_name: sub.ad_name,
      operation_status: 'DISABLE',
    });
    expect(
      saves.some((s) => s.includes(`"campaign_attempted":true`) && !s.includes('campaign_id')),
    ).toBe(true);
    expect(saves.at(-1)).toContain(ad_id);
    expect(run.steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'pending']);
  });

  it('a saved id is used as is, with no TikTok call', async () => {
    const { run } = runFor('Saved Ids');
    run.sub.campaign_id = 'c-saved';
    const before = h.emulator.state.campaigns.size;
    expect(await ensureCampaign(run)).toBe('c-saved');
    expect(h.emulator.state.campaigns.size).toBe(before);
  });

  it('an ad whose create was lost is adopted by its name, not made twice', async () => {
    const first = runFor('Lost Ad');
    const campaign_id = await ensureCampaign(first.run);
    const adgroup_id = await ensureAdGroup(first.run, campaign_id);
    const ad_id = await ensureAd(first.run, adgroup_id, IDENTITY);
    // A restart from a state saved before the ad id: attempted, no id.
    delete first.sub.ad_id;
    const adsBefore = h.emulator.state.ads.size;
    expect(await ensureAd(first.run, adgroup_id, IDENTITY)).toBe(ad_id);
    expect(h.emulator.state.ads.size).toBe(adsBefore);
  });

  it('switches all on, the campaign last, and a resume repeats only what was not saved', async () => {
    const { run, sub } = runFor('Switch On');
    const campaign = await ensureCampaign(run);
    const adgroup = await ensureAdGroup(run, campaign);
    const ad = await ensureAd(run, adgroup, IDENTITY);
    expect(ENABLE_ORDER).toEqual(['ad', 'adgroup', 'campaign']);
    sub.enabled = ['ad'];
    await enableAll(run, { campaign, adgroup, ad });
    expect(sub.enabled).toEqual(['ad', 'adgroup', 'campaign']);
    expect(h.emulator.state.campaigns.get(campaign)).toMatchObject({ operation_status: 'ENABLE' });
    expect(h.emulator.state.adgroups.get(adgroup)).toMatchObject({ operation_status: 'ENABLE' });
    expect(h.emulator.state.ads.get(ad)).toMatchObject({ operation_status: 'DISABLE' });
    expect(run.steps.at(-1)?.status).toBe('done');
  });

  it('marks the step failed when TikTok refuses', async () => {
    const { run } = runFor('Refused');
    h.emulator.faults.set('auth');
    await expect(ensureCampaign(run)).rejects.toThrow();
    expect(run.steps[0]?.status).toBe('failed');
  });

  it('campaignFields keeps only what a look-up compares', () => {
    expect(
      campaignFields({
        campaign_name: 'x',
        objective_type: 'TRAFFIC',
        budget_mode: 'M',
        budget_optimize_on: true,
        request_id: 'r',
      }),
    ).toEqual({
      objective_type: 'TRAFFIC',
      budget_mode: 'M',
      budget_optimize_on: true,
    });
  });
});
