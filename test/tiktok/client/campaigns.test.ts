import { CampaignCalls } from '../../../src/tiktok/client/campaigns';
import { TikTokTransport } from '../../../src/tiktok/client/transport';
import { EMULATOR_ADVERTISER_ID } from '../../../src/tiktok/emulator';
import {
  AUTH,
  apiError,
  trafficAdGroup,
  trafficCampaign,
  useEmulator,
  videoCreative,
} from '../helpers';

const h = useEmulator();

function calls() {
  const transport = new TikTokTransport({ baseUrl: h.baseUrl, sleep: async () => {} });
  return { campaigns: new CampaignCalls(transport), transport };
}

/** A campaign and ad group of a fresh name; their ids. */
async function campaignAndAdGroup(name: string) {
  const { campaigns } = calls();
  const { campaign_id } = await campaigns.createCampaign(
    AUTH,
    trafficCampaign({ campaign_name: name }),
  );
  const { adgroup_id } = await campaigns.createAdGroup(AUTH, trafficAdGroup(campaign_id));
  return { campaign_id, adgroup_id };
}

describe('CampaignCalls against the emulator', () => {
  it('creates a campaign for the advertiser and returns its id and the envelope request_id', async () => {
    const { campaigns } = calls();
    const created = await campaigns.createCampaign(
      AUTH,
      trafficCampaign({ campaign_name: 'Create me', request_id: '900001' }),
    );
    expect(created.campaign_id).toMatch(/^\d{19}$/);
    expect(created.request_id).toMatch(/^\d{20}$/);
    const stored = h.emulator.state.campaigns.get(created.campaign_id);
    expect(stored).toMatchObject({
      advertiser_id: EMULATOR_ADVERTISER_ID,
      campaign_name: 'Create me',
      objective_type: 'TRAFFIC',
    });
  });

  it('returns the same campaign for a repeated body request_id', async () => {
    const { campaigns } = calls();
    const body = trafficCampaign({ campaign_name: 'Twice', request_id: '900002' });
    const first = await campaigns.createCampaign(AUTH, body);
    const second = await campaigns.createCampaign(AUTH, body);
    expect(second.campaign_id).toBe(first.campaign_id);
  });

  it('creates an ad group and an ad, each under its parent', async () => {
    const { campaigns } = calls();
    const { campaign_id, adgroup_id } = await campaignAndAdGroup('Parents');
    expect(h.emulator.state.adgroups.get(adgroup_id)?.campaign_id).toBe(campaign_id);
    const ad = await campaigns.createAd(AUTH, { adgroup_id, creatives: [videoCreative()] });
    expect(ad.ad_ids).toHaveLength(1);
    expect(h.emulator.state.ads.get(ad.ad_ids[0] ?? '')?.adgroup_id).toBe(adgroup_id);
  });

  it('sends ad/create/ once, never retrying, even on a transient error', async () => {
    const { campaigns, transport } = calls();
    const { adgroup_id } = await campaignAndAdGroup('Once only');
    const before = transport.calls;
    h.emulator.faults.set({ kind: 'server', endpoint: 'ad/create/' });
    const err = await apiError(
      campaigns.createAd(AUTH, { adgroup_id, creatives: [videoCreative()] }),
    );
    expect(err.tiktok_code).toBe(50000);
    expect(transport.calls - before).toBe(1);
  });

  it('finds campaigns by exact name only, though TikTok matches loosely', async () => {
    const { campaigns } = calls();
    const { campaign_id } = await campaignAndAdGroup('Exact name');
    await campaignAndAdGroup('Exact name, longer');
    const found = await campaigns.findCampaigns(AUTH, 'Exact name');
    expect(found).toEqual([
      {
        campaign_id,
        campaign_name: 'Exact name',
        operation_status: 'ENABLE',
        objective_type: 'TRAFFIC',
        budget_mode: 'BUDGET_MODE_INFINITE',
        create_time: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/),
        budget_optimize_on: false,
      },
    ]);
    expect(await campaigns.findCampaigns(AUTH, 'No such name')).toEqual([]);
  });

  it('finds ad groups by campaign and exact name; an empty name lists them all', async () => {
    const { campaigns } = calls();
    const { campaign_id, adgroup_id } = await campaignAndAdGroup('With groups');
    const second = await campaigns.createAdGroup(
      AUTH,
      trafficAdGroup(campaign_id, { adgroup_name: 'AG 1 again' }),
    );
    expect(await campaigns.findAdGroups(AUTH, campaign_id, 'AG 1')).toEqual([
      { adgroup_id, adgroup_name: 'AG 1', campaign_id, operation_status: 'ENABLE' },
    ]);
    const all = await campaigns.findAdGroups(AUTH, campaign_id, '');
    expect(all.map((g) => g.adgroup_id).sort()).toEqual([adgroup_id, second.adgroup_id].sort());
  });

  it('switches status and reports the request_id; deleted campaigns are no longer found', async () => {
    const { campaigns } = calls();
    const { campaign_id } = await campaignAndAdGroup('Status switch');
    const disabled = await campaigns.updateStatus(AUTH, 'campaign', [campaign_id], 'DISABLE');
    expect(disabled.request_id).toMatch(/^\d{20}$/);
    expect(h.emulator.state.campaigns.get(campaign_id)).toMatchObject({
      operation_status: 'DISABLE',
      secondary_status: 'CAMPAIGN_STATUS_DISABLE',
    });
    await campaigns.updateStatus(AUTH, 'campaign', [campaign_id], 'DELETE');
    expect(await campaigns.findCampaigns(AUTH, 'Status switch')).toEqual([]);
  });

  it("updates an ad group's budget", async () => {
    const { campaigns } = calls();
    const { adgroup_id } = await campaignAndAdGroup('Budget change');
    await campaigns.updateAdGroupBudget(AUTH, adgroup_id, 75);
    expect(h.emulator.state.adgroups.get(adgroup_id)?.budget).toBe(75);
  });

  it("lists an ad group's ads", async () => {
    const { campaigns } = calls();
    const { adgroup_id } = await campaignAndAdGroup('Listed ads');
    const { ad_ids } = await campaigns.createAd(AUTH, {
      adgroup_id,
      creatives: [videoCreative({ ad_name: 'listed ad' })],
    });
    expect(await campaigns.listAds(AUTH, adgroup_id)).toEqual([
      { ad_id: ad_ids[0], ad_name: 'listed ad', adgroup_id, operation_status: 'ENABLE' },
    ]);
  });
});
