import {
  AmbiguousCampaignError,
  CREATE_TIME_SLACK_MS,
  findSentCampaign,
  madeSince,
  matchesBody,
} from '../../../src/engine/submission/campaign-lookup';
import type { CampaignSummary } from '../../../src/tiktok/ads-api';
import { AUTH, trafficAdGroup, trafficCampaign, useEmulator } from '../../tiktok/helpers';

const BODY = {
  objective_type: 'TRAFFIC',
  budget_mode: 'BUDGET_MODE_INFINITE',
  budget_optimize_on: false,
};
const summary = (
  over: { [K in keyof CampaignSummary]?: CampaignSummary[K] | undefined } = {},
): CampaignSummary =>
  ({
    campaign_id: 'c1',
    campaign_name: 'Denim Days',
    operation_status: 'DISABLE',
    ...BODY,
    create_time: '2026-12-07 12:00:00',
    ...over,
  }) as CampaignSummary;

describe('matchesBody', () => {
  it('needs the same objective, budget mode and CBO switch, still switched off', () => {
    expect(matchesBody(summary(), BODY)).toBe(true);
    expect(matchesBody(summary({ operation_status: 'ENABLE' }), BODY)).toBe(false);
    expect(matchesBody(summary({ objective_type: 'WEB_CONVERSIONS' }), BODY)).toBe(false);
    expect(matchesBody(summary({ budget_mode: 'BUDGET_MODE_DAY' }), BODY)).toBe(false);
    expect(matchesBody(summary({ budget_optimize_on: true }), BODY)).toBe(false);
    expect(matchesBody(summary({ budget_optimize_on: undefined }), BODY)).toBe(true);
    expect(matchesBody(summary({ objective_type: undefined }), BODY)).toBe(false);
  });
});

describe('madeSince', () => {
  const since = new Date('2026-12-07T12:00:00Z');
  it('reads create_time as UTC and allows the clock slack before the start', () => {
    expect(CREATE_TIME_SLACK_MS).toBe(300_000);
    expect(madeSince(summary({ create_time: '2026-12-07 11:55:00' }), since)).toBe(true);
    expect(madeSince(summary({ create_time: '2026-12-07 11:54:59' }), since)).toBe(false);
    expect(madeSince(summary({ create_time: '2026-12-07T12:00:00Z' }), since)).toBe(false);
    expect(madeSince(summary({ create_time: undefined }), since)).toBe(false);
  });
});

describe('findSentCampaign (emulator over HTTP)', () => {
  const h = useEmulator();
  const since = () => new Date(Date.now() - 60_000);

  it('finds nothing when TikTok has no such campaign', async () => {
    const want = { campaign_name: 'Nothing Here', adgroup_name: '', body: BODY, since: since() };
    expect(await findSentCampaign(h.client, AUTH, want)).toBeUndefined();
  });

  it('adopts the one fitting empty campaign, never one already in use', async () => {
    const { campaign_id } = await h.client.createCampaign(
      AUTH,
      trafficCampaign({ campaign_name: 'Lost Once', operation_status: 'DISABLE' }),
    );
    const used = await h.client.createCampaign(
      AUTH,
      trafficCampaign({ campaign_name: 'Lost Once', operation_status: 'DISABLE' }),
    );
    await h.client.createAdGroup(
      AUTH,
      trafficAdGroup(used.campaign_id, { adgroup_name: 'someone else' }),
    );
    const want = { campaign_name: 'Lost Once', adgroup_name: '', body: BODY, since: since() };
    expect(await findSentCampaign(h.client, AUTH, want)).toBe(campaign_id);
  });

  it('finds the campaign through its own tagged ad group first', async () => {
    const ours = await h.client.createCampaign(
      AUTH,
      trafficCampaign({ campaign_name: 'Tagged', operation_status: 'DISABLE' }),
    );
    await h.client.createAdGroup(
      AUTH,
      trafficAdGroup(ours.campaign_id, { adgroup_name: 'Tagged [ab12cd34]' }),
    );
    await h.client.createCampaign(
      AUTH,
      trafficCampaign({ campaign_name: 'Tagged', operation_status: 'DISABLE' }),
    );
    const want = {
      campaign_name: 'Tagged',
      adgroup_name: 'Tagged [ab12cd34]',
      body: BODY,
      since: since(),
    };
    expect(await findSentCampaign(h.client, AUTH, want)).toBe(ours.campaign_id);
  });

  it('refuses to guess between two fitting campaigns, naming both', async () => {
    const a = await h.client.createCampaign(
      AUTH,
      trafficCampaign({ campaign_name: 'Twice', operation_status: 'DISABLE' }),
    );
    const b = await h.client.createCampaign(
      AUTH,
      trafficCampaign({ campaign_name: 'Twice', operation_status: 'DISABLE' }),
    );
    const want = { campaign_name: 'Twice', adgroup_name: '', body: BODY, since: since() };
    const error = await findSentCampaign(h.client, AUTH, want).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AmbiguousCampaignError);
    expect((error as AmbiguousCampaignError).campaign_ids.sort()).toEqual(
      [a.campaign_id, b.campaign_id].sort(),
    );
    expect((error as Error).message).toContain(
      'TikTok has 2 new switched-off campaigns named "Twice"',
    );
  });
});
