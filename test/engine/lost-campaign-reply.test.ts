import type { TikTokClient } from '../../src/tiktok/client';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { Harness, VIDEO_SCRIPT } from '../support/harness';

const AUTH = { access_token: EMULATOR_ACCESS_TOKEN, advertiser_id: EMULATOR_ADVERTISER_ID };

const TRAFFIC = {
  campaign_name: 'Summer Sale',
  objective_type: 'TRAFFIC',
  budget_mode: 'BUDGET_MODE_INFINITE',
  budget_optimize_on: false,
};

/**
 * Campaigns named "Summer Sale" the marketer already has, none of which is this draft's:
 * - `live`: running, with its own ad group;
 * - `lastMonth`: switched off, no ad group, same fields, made a month ago;
 * - `otherGoal`: switched off, no ad group, made just now, but a Conversions campaign.
 */
async function olderNamesakes(h: Harness, client: TikTokClient) {
  const live = (await client.createCampaign(AUTH, { ...TRAFFIC, operation_status: 'ENABLE' }))
    .campaign_id;
  await client.createAdGroup(AUTH, {
    campaign_id: live,
    adgroup_name: 'Summer Sale - main',
    promotion_type: 'WEBSITE',
    placement_type: 'PLACEMENT_TYPE_NORMAL',
    placements: ['PLACEMENT_TIKTOK'],
    location_ids: ['6252001'],
    budget_mode: 'BUDGET_MODE_DAY',
    budget: 20,
    schedule_type: 'SCHEDULE_FROM_NOW',
    schedule_start_time: '2026-10-01 00:00:00',
    optimization_goal: 'CLICK',
    billing_event: 'CPC',
    bid_type: 'BID_TYPE_NO_BID',
    pacing: 'PACING_MODE_SMOOTH',
  });
  const lastMonth = (await client.createCampaign(AUTH, { ...TRAFFIC, operation_status: 'DISABLE' }))
    .campaign_id;
  const old = h.emulator.state.campaigns.get(lastMonth);
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString();
  if (old) old.create_time = monthAgo.slice(0, 19).replace('T', ' ');
  const otherGoal = (
    await client.createCampaign(AUTH, {
      ...TRAFFIC,
      objective_type: 'WEB_CONVERSIONS',
      operation_status: 'DISABLE',
    })
  ).campaign_id;
  return { live, lastMonth, otherGoal };
}

describe('a lost campaign/create reply adopts the campaign it made, not a namesake', () => {
  it.each([
    ['40050', 'timeout'],
    ['40050', '502'],
  ] as const)(
    'repeats answered %s, reply lost by %s: the new campaign is adopted, older ones untouched',
    async (mode, as) => {
      const h = await Harness.start({ timeoutMs: 400 });
      const older = await olderNamesakes(h, h.client);
      const before = new Map(
        [...h.emulator.state.campaigns.values()].map((c) => [c.campaign_id, { ...c }]),
      );
      h.emulator.state.duplicateMode = mode;
      h.emulator.faults.set({ kind: 'lose_reply', endpoint: 'campaign/create/', as });
      const t = h.thread();
      await t.script(VIDEO_SCRIPT);
      await t.act('approve');
      const state = await t.state();
      expect(state?.status).toBe('submitted');
      const ours = state?.submission?.campaign_id ?? '';
      expect(Object.values(older)).not.toContain(ours);
      const all = [...h.emulator.state.campaigns.values()];
      expect(all).toHaveLength(4);
      const made = all.filter((c) => !before.has(String(c.campaign_id)));
      expect(made.map((c) => c.campaign_id)).toEqual([ours]);
      expect(made[0]).toMatchObject({ campaign_name: 'Summer Sale', operation_status: 'ENABLE' });
      for (const [id, was] of before)
        expect(h.emulator.state.campaigns.get(String(id))).toEqual(was);
      const groups = [...h.emulator.state.adgroups.values()].filter((g) => g.campaign_id === ours);
      expect(groups).toHaveLength(1);
      await h.close();
    },
  );

  it('after an edit, the earlier attempt whose campaign reply was lost is cleaned up, not a namesake', async () => {
    const h = await Harness.start({ timeoutMs: 400 });
    const older = await olderNamesakes(h, h.client);
    h.emulator.state.duplicateMode = '40050';
    // The campaign is made but every answer is lost: the attempt fails with the outcome unknown.
    h.emulator.faults.set({ kind: 'lose_reply', endpoint: 'campaign/create/', times: 5 });
    h.emulator.faults.set({ kind: 'server', endpoint: 'campaign/get/', times: 20 });
    const t = h.thread();
    await t.script(VIDEO_SCRIPT);
    await t.act('approve');
    expect((await t.state())?.status).toBe('failed');
    const lost = [...h.emulator.state.campaigns.values()].find(
      (c) => !Object.values(older).includes(String(c.campaign_id)),
    );
    expect(lost).toBeDefined();
    h.emulator.faults.clear();
    await t.say('change the campaign name to Winter Sale');
    await t.act('approve');
    expect((await t.state())?.status).toBe('submitted');
    expect(h.emulator.state.campaigns.get(String(lost?.campaign_id))?.operation_status).toBe(
      'DELETE',
    );
    for (const id of Object.values(older))
      expect(h.emulator.state.campaigns.get(id)?.operation_status).not.toBe('DELETE');
    await h.close();
  });
});
