import { TikTokApiError } from '../../src/tiktok/errors';
import { AUTH, raw, trafficAdGroup, trafficCampaign, useEmulator, videoCreative } from './helpers';

const h = useEmulator();

afterEach(() => {
  h.emulator.state.duplicateMode = 'replay';
});

async function tree(name: string) {
  const { campaign_id } = await h.client.createCampaign(
    AUTH,
    trafficCampaign({ campaign_name: name, operation_status: 'DISABLE' }),
  );
  const { adgroup_id } = await h.client.createAdGroup(
    AUTH,
    trafficAdGroup(campaign_id, {
      adgroup_name: `${name} - ad group`,
      operation_status: 'DISABLE',
    }),
  );
  const { ad_ids } = await h.client.createAd(AUTH, {
    adgroup_id,
    creatives: [videoCreative({ ad_name: `${name} - ad`, operation_status: 'DISABLE' })],
  });
  return { campaign_id, adgroup_id, ad_id: ad_ids[0] ?? '' };
}

describe('operation_status and the status/update endpoints', () => {
  it('creates DISABLE objects and switches them with campaign/adgroup/ad status/update', async () => {
    const ids = await tree('Status tree');
    const state = h.emulator.state;
    expect(state.campaigns.get(ids.campaign_id)?.operation_status).toBe('DISABLE');
    expect(state.adgroups.get(ids.adgroup_id)?.operation_status).toBe('DISABLE');
    expect(state.ads.get(ids.ad_id)?.operation_status).toBe('DISABLE');
    await h.client.updateStatus(AUTH, 'ad', [ids.ad_id], 'ENABLE');
    await h.client.updateStatus(AUTH, 'adgroup', [ids.adgroup_id], 'ENABLE');
    const r = await h.client.updateStatus(AUTH, 'campaign', [ids.campaign_id], 'ENABLE');
    expect(r.request_id).toMatch(/^\d{20}$/);
    expect(state.campaigns.get(ids.campaign_id)).toMatchObject({
      operation_status: 'ENABLE',
      secondary_status: 'CAMPAIGN_STATUS_ENABLE',
    });
    expect(state.ads.get(ids.ad_id)?.operation_status).toBe('ENABLE');
  });

  it('deleting a campaign deletes its ad group and ad; deleted objects leave get/ and cannot be enabled', async () => {
    const ids = await tree('Delete tree');
    await h.client.updateStatus(AUTH, 'campaign', [ids.campaign_id], 'DELETE');
    expect(h.emulator.state.adgroups.get(ids.adgroup_id)?.operation_status).toBe('DELETE');
    expect(h.emulator.state.ads.get(ids.ad_id)?.operation_status).toBe('DELETE');
    expect(await h.client.findCampaigns(AUTH, 'Delete tree')).toEqual([]);
    expect(await h.client.listAds(AUTH, ids.adgroup_id)).toEqual([]);
    await expect(
      h.client.updateStatus(AUTH, 'campaign', [ids.campaign_id], 'ENABLE'),
    ).rejects.toMatchObject({ tiktok_code: 40002 });
    const unknown = await raw(h.baseUrl, 'POST', 'ad/status/update/', {
      token: AUTH.access_token,
      body: { advertiser_id: AUTH.advertiser_id, ad_ids: ['999'], operation_status: 'ENABLE' },
    });
    expect(unknown.json.code).toBe(40007);
  });

  it('adgroup/update/ changes the budget in place, with the minimum checked', async () => {
    const ids = await tree('Budget tree');
    await h.client.updateAdGroupBudget(AUTH, ids.adgroup_id, 80);
    expect(h.emulator.state.adgroups.get(ids.adgroup_id)?.budget).toBe(80);
    await expect(h.client.updateAdGroupBudget(AUTH, ids.adgroup_id, 5)).rejects.toMatchObject({
      tiktok_code: 40002,
    });
  });

  it('campaign/get/ and adgroup/get/ filter by name; the client keeps exact matches only', async () => {
    const a = await tree('Named X');
    await tree('Named X and more');
    const found = await h.client.findCampaigns(AUTH, 'Named X');
    expect(found.map((c) => c.campaign_id)).toEqual([a.campaign_id]);
    const groups = await h.client.findAdGroups(AUTH, a.campaign_id, 'Named X - ad group');
    expect(groups.map((g) => g.adgroup_id)).toEqual([a.adgroup_id]);
    expect(await h.client.findAdGroups(AUTH, a.campaign_id, 'other')).toEqual([]);
  });
});

describe('lost replies and repeated request ids', () => {
  it('lose_reply 502: the ad exists, the client sees a transient error and does not resend ad/create', async () => {
    const { adgroup_id } = await tree('Lost ad');
    const before = h.emulator.counts();
    h.emulator.faults.set({ kind: 'lose_reply', endpoint: 'ad/create/' });
    const error = await h.client
      .createAd(AUTH, { adgroup_id, creatives: [videoCreative({ ad_name: 'Lost ad 2' })] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TikTokApiError);
    expect(error).toMatchObject({ http_status: 502, code: 'tiktok_transient' });
    const after = h.emulator.counts();
    expect(after.calls['ad/create/']).toBe((before.calls['ad/create/'] ?? 0) + 1);
    expect(after.ads).toBe(before.ads + 1);
    const listed = await h.client.listAds(AUTH, adgroup_id);
    expect(listed.map((a) => a.ad_name)).toContain('Lost ad 2');
  });

  it('lose_reply timeout: the campaign exists, no answer comes; a resend with the same request_id returns it', async () => {
    const client = h.newClient({
      timeoutMs: 300,
      retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    h.emulator.faults.set({ kind: 'lose_reply', endpoint: 'campaign/create/', as: 'timeout' });
    const before = h.emulator.counts().campaigns;
    const body = trafficCampaign({ campaign_name: 'Timed out', request_id: '1716900000000009001' });
    await expect(client.createCampaign(AUTH, body)).rejects.toMatchObject({ http_status: 0 });
    expect(h.emulator.counts().campaigns).toBe(before + 1);
    const again = await client.createCampaign(AUTH, body);
    expect(h.emulator.counts().campaigns).toBe(before + 1);
    expect((await client.findCampaigns(AUTH, 'Timed out'))[0]?.campaign_id).toBe(again.campaign_id);
  });

  it('40050 mode: a repeated request_id answers DUPLICATED_REQUEST, which is not a validation error and not resent', async () => {
    h.emulator.state.duplicateMode = '40050';
    const body = trafficCampaign({ campaign_name: 'Dup', request_id: '1716900000000009002' });
    await h.client.createCampaign(AUTH, body);
    const calls = h.emulator.counts().calls['campaign/create/'] ?? 0;
    const error = await h.client.createCampaign(AUTH, body).catch((e: unknown) => e);
    expect(error).toMatchObject({ tiktok_code: 40050, retryable: false });
    expect((error as TikTokApiError).code).not.toBe('tiktok_invalid_request');
    expect(h.emulator.counts().calls['campaign/create/']).toBe(calls + 1);
  });

  it('the control routes set both switches over HTTP', async () => {
    const bad = await fetch(`${h.baseUrl}/_emulator/duplicates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: 'sometimes' }),
    });
    expect(bad.status).toBe(400);
    const ok = await fetch(`${h.baseUrl}/_emulator/duplicates`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ mode: '40050' }),
    });
    expect(await ok.json()).toEqual({ mode: '40050' });
    expect(h.emulator.state.duplicateMode).toBe('40050');
    const fault = await fetch(`${h.baseUrl}/_emulator/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'lose_reply', endpoint: 'ad/create/', as: 'timeout' }),
    });
    expect(await fault.json()).toEqual({
      faults: [{ kind: 'lose_reply', endpoint: 'ad/create/', as: 'timeout', times: 1 }],
    });
    const objectsRes = await fetch(`${h.baseUrl}/_emulator/objects`);
    const listed = (await objectsRes.json()) as { campaigns: unknown[] };
    expect(listed.campaigns.length).toBe(h.emulator.state.campaigns.size);
  });
});
