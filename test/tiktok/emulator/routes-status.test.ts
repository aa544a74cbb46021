import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../../src/tiktok/emulator';
import { raw, trafficAdGroup, trafficCampaign, useEmulator, videoCreative } from '../helpers';

const h = useEmulator();
const token = EMULATOR_ACCESS_TOKEN;
const advertiser_id = EMULATOR_ADVERTISER_ID;

const post = (endpoint: string, body: Record<string, unknown>) =>
  raw(h.baseUrl, 'POST', endpoint, { token, body: { advertiser_id, ...body } });

/** A campaign, its ad group and one ad; their ids. */
async function tree(name: string) {
  const c = await post('campaign/create/', trafficCampaign({ campaign_name: name }));
  const campaign_id = String(c.json.data.campaign_id);
  const g = await post('adgroup/create/', trafficAdGroup(campaign_id));
  const adgroup_id = String(g.json.data.adgroup_id);
  const a = await post('ad/create/', { adgroup_id, creatives: [videoCreative()] });
  const ad_id = String((a.json.data.ad_ids as string[])[0]);
  return { campaign_id, adgroup_id, ad_id };
}

// TikTok "Update the status of campaigns / ad groups / ads".
describe('status/update/', () => {
  it.each([
    ['campaign', 'ENABLE', 'CAMPAIGN_STATUS_ENABLE'],
    ['campaign', 'DISABLE', 'CAMPAIGN_STATUS_DISABLE'],
    ['adgroup', 'ENABLE', 'ADGROUP_STATUS_DELIVERY_OK'],
    ['adgroup', 'DISABLE', 'ADGROUP_STATUS_DISABLE'],
    ['ad', 'ENABLE', 'AD_STATUS_DELIVERY_OK'],
    ['ad', 'DISABLE', 'AD_STATUS_DISABLE'],
  ] as const)(
    '%s → %s sets secondary_status %s and answers the ids',
    async (level, status, secondary) => {
      const ids = await tree(`Switch ${level} ${status}`);
      const id = ids[`${level}_id`];
      const r = await post(`${level}/status/update/`, {
        [`${level}_ids`]: [id],
        operation_status: status,
      });
      expect(r.json).toMatchObject({ code: 0, data: { [`${level}_ids`]: [id] } });
      const map = { campaign: 'campaigns', adgroup: 'adgroups', ad: 'ads' } as const;
      expect(h.emulator.state[map[level]].get(id)).toMatchObject({
        operation_status: status,
        secondary_status: secondary,
      });
    },
  );

  it('deleting an ad group deletes its ads, not its campaign', async () => {
    const { campaign_id, adgroup_id, ad_id } = await tree('Delete group');
    await post('adgroup/status/update/', { adgroup_ids: [adgroup_id], operation_status: 'DELETE' });
    expect(h.emulator.state.ads.get(ad_id)?.secondary_status).toBe('AD_STATUS_DELETE');
    expect(h.emulator.state.campaigns.get(campaign_id)?.operation_status).toBe('ENABLE');
  });

  it('a deleted object cannot be switched on again, but may be deleted again', async () => {
    const { ad_id } = await tree('Deleted ad');
    await post('ad/status/update/', { ad_ids: [ad_id], operation_status: 'DELETE' });
    const on = await post('ad/status/update/', { ad_ids: [ad_id], operation_status: 'ENABLE' });
    expect(on.json).toMatchObject({ code: 40002, message: `ad_id ${ad_id} has been deleted.` });
    const again = await post('ad/status/update/', { ad_ids: [ad_id], operation_status: 'DELETE' });
    expect(again.json.code).toBe(0);
  });

  it.each([
    [{ operation_status: 'ENABLE' }, 'Missing required field(s): campaign_ids.'],
    [{ campaign_ids: ['1'] }, 'Missing required field(s): operation_status.'],
    [
      { campaign_ids: 'x', operation_status: 'ENABLE' },
      'campaign_ids: must be an array of 1 to 100 ids.',
    ],
    [
      {
        campaign_ids: Array.from({ length: 101 }, (_, i) => String(i)),
        operation_status: 'ENABLE',
      },
      'campaign_ids: must be an array of 1 to 100 ids.',
    ],
    [
      { campaign_ids: ['1'], operation_status: 'PAUSE' },
      'operation_status: invalid value "PAUSE". Allowed values: ENABLE, DISABLE, DELETE.',
    ],
  ])('refuses %j (40002)', async (body, message) => {
    const r = await post('campaign/status/update/', body);
    expect(r.json).toMatchObject({ code: 40002, message });
  });

  it('answers 40007 for an unknown id and changes nothing of a batch that holds one', async () => {
    const { campaign_id } = await tree('Batch');
    const r = await post('campaign/status/update/', {
      campaign_ids: [campaign_id, '999'],
      operation_status: 'DISABLE',
    });
    expect(r.json).toMatchObject({ code: 40007, message: 'campaign_id: 999 does not exist.' });
    expect(h.emulator.state.campaigns.get(campaign_id)?.operation_status).toBe('ENABLE');
  });
});

// TikTok "Update an ad group" (`budget`), daily minimum 20 × the currency ratio.
describe('adgroup/update/', () => {
  it('changes the budget and answers the ad group', async () => {
    const { adgroup_id } = await tree('New budget');
    const r = await post('adgroup/update/', { adgroup_id, budget: 20 });
    expect(r.json).toMatchObject({ code: 0, data: { adgroup_id, budget: 20 } });
  });

  it.each([
    [{ budget: 19.99 }, 40002, 'budget: the daily budget must be at least 20 USD.'],
    [{ budget: 'lots' }, 40002, 'budget: must be a number.'],
  ])('refuses %j', async (body, code, message) => {
    const { adgroup_id } = await tree(`Bad budget ${JSON.stringify(body)}`);
    const r = await post('adgroup/update/', { adgroup_id, ...body });
    expect(r.json).toMatchObject({ code, message });
  });

  it('refuses an unknown or deleted ad group', async () => {
    expect((await post('adgroup/update/', { adgroup_id: '42', budget: 50 })).json).toMatchObject({
      code: 40007,
      message: 'adgroup_id: 42 does not exist.',
    });
    const { adgroup_id } = await tree('Gone group');
    await post('adgroup/status/update/', { adgroup_ids: [adgroup_id], operation_status: 'DELETE' });
    expect((await post('adgroup/update/', { adgroup_id, budget: 50 })).json).toMatchObject({
      code: 40002,
      message: `adgroup_id ${adgroup_id} has been deleted.`,
    });
  });
});
