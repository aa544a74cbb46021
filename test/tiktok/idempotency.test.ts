import { EMULATOR_SECOND_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { AUTH, trafficAdGroup, trafficCampaign, useEmulator } from './helpers';

const h = useEmulator();

describe('request_id idempotency (our choice: a repeat returns the original object)', () => {
  it('campaign/create/ with the same request_id creates one campaign', async () => {
    const before = h.emulator.counts();
    const body = trafficCampaign({ request_id: '1716900000000000001' });
    const first = await h.client.createCampaign(AUTH, body);
    const second = await h.client.createCampaign(AUTH, { ...body, campaign_name: 'Changed name' });
    expect(second.campaign_id).toBe(first.campaign_id);
    const after = h.emulator.counts();
    expect(after.campaigns).toBe(before.campaigns + 1);
    expect(after.calls['campaign/create/']).toBe((before.calls['campaign/create/'] ?? 0) + 2);
  });

  it('adgroup/create/ with the same request_id creates one ad group', async () => {
    const { campaign_id } = await h.client.createCampaign(AUTH, trafficCampaign());
    const before = h.emulator.counts().adgroups;
    const body = trafficAdGroup(campaign_id, { request_id: '1716900000000000002' });
    const a = await h.client.createAdGroup(AUTH, body);
    const b = await h.client.createAdGroup(AUTH, body);
    expect(b.adgroup_id).toBe(a.adgroup_id);
    expect(h.emulator.counts().adgroups).toBe(before + 1);
  });

  it('the key is per advertiser, and different keys or no key create new objects', async () => {
    const before = h.emulator.counts().campaigns;
    const body = trafficCampaign({ request_id: '1716900000000000003' });
    const mine = await h.client.createCampaign(AUTH, body);
    const theirs = await h.client.createCampaign(
      { ...AUTH, advertiser_id: EMULATOR_SECOND_ADVERTISER_ID },
      body,
    );
    expect(theirs.campaign_id).not.toBe(mine.campaign_id);
    await h.client.createCampaign(AUTH, trafficCampaign({ request_id: '1716900000000000004' }));
    await h.client.createCampaign(AUTH, trafficCampaign());
    await h.client.createCampaign(AUTH, trafficCampaign());
    expect(h.emulator.counts().campaigns).toBe(before + 5);
  });

  it('a resumed submission after a lost response does not create a second campaign', async () => {
    const before = h.emulator.counts().campaigns;
    const body = trafficCampaign({ request_id: '1716900000000000005' });
    const first = await h.client.createCampaign(AUTH, body);
    // The bot crashed before saving the id; on resume it sends the same request again.
    const resumed = await h.client.createCampaign(AUTH, body);
    expect(resumed.campaign_id).toBe(first.campaign_id);
    expect(h.emulator.counts().campaigns).toBe(before + 1);
    const res = await fetch(`${h.baseUrl}/_emulator/counts`);
    expect(((await res.json()) as { campaigns: number }).campaigns).toBe(before + 1);
  });
});
