import {
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
} from '../../../src/tiktok/emulator';
import { raw, trafficAdGroup, trafficCampaign, useEmulator, videoCreative } from '../helpers';

const h = useEmulator();
const token = EMULATOR_ACCESS_TOKEN;
const advertiser_id = EMULATOR_ADVERTISER_ID;

const post = (endpoint: string, body: Record<string, unknown>) =>
  raw(h.baseUrl, 'POST', endpoint, { token, body: { advertiser_id, ...body } });
const get = (endpoint: string, query: Record<string, unknown>) =>
  raw(h.baseUrl, 'GET', endpoint, { token, query: { advertiser_id, ...query } });

async function campaign(name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await post('campaign/create/', trafficCampaign({ campaign_name: name, ...extra }));
  expect(r.json.code).toBe(0);
  return String(r.json.data.campaign_id);
}

async function adGroup(campaign_id: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await post('adgroup/create/', trafficAdGroup(campaign_id, extra));
  expect(r.json.code).toBe(0);
  return String(r.json.data.adgroup_id);
}

afterEach(() => {
  h.emulator.state.duplicateMode = 'replay';
  h.emulator.state.uniqueNamesWithoutRequestId = false;
});

describe('campaign/create/', () => {
  it('answers the whole campaign object, as TikTok does', async () => {
    const r = await post('campaign/create/', trafficCampaign({ campaign_name: 'Whole object' }));
    expect(r.json.data).toMatchObject({
      advertiser_id,
      campaign_name: 'Whole object',
      objective_type: 'TRAFFIC',
      objective: 'LANDING_PAGE',
      campaign_type: 'REGULAR_CAMPAIGN',
      budget_mode: 'BUDGET_MODE_INFINITE',
      budget_optimize_on: false,
      operation_status: 'ENABLE',
      secondary_status: 'CAMPAIGN_STATUS_ENABLE',
    });
    expect(r.json.data.create_time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  });

  it('starts DISABLE when asked, with the matching secondary_status', async () => {
    const r = await post(
      'campaign/create/',
      trafficCampaign({ campaign_name: 'Off', operation_status: 'DISABLE' }),
    );
    expect(r.json.data).toMatchObject({
      operation_status: 'DISABLE',
      secondary_status: 'CAMPAIGN_STATUS_DISABLE',
    });
  });

  it('answers 40050 for a repeated request_id in 40050 mode, and the same object in replay mode', async () => {
    const body = trafficCampaign({ campaign_name: 'Dup', request_id: '555001' });
    const first = await post('campaign/create/', body);
    const replay = await post('campaign/create/', body);
    expect(replay.json.data.campaign_id).toBe(first.json.data.campaign_id);
    h.emulator.state.duplicateMode = '40050';
    const dup = await post('campaign/create/', body);
    expect(dup.json).toMatchObject({ code: 40050, message: 'Duplicated requests have been sent.' });
  });

  it('forgets a request_id after requestIdTtlMs', async () => {
    const body = trafficCampaign({ campaign_name: 'TTL', request_id: '555002' });
    const first = await post('campaign/create/', body);
    h.emulator.state.requestIdTtlMs = 0;
    try {
      const second = await post('campaign/create/', body);
      expect(second.json.data.campaign_id).not.toBe(first.json.data.campaign_id);
    } finally {
      delete (h.emulator.state as { requestIdTtlMs?: number }).requestIdTtlMs;
    }
  });

  it('with uniqueNamesWithoutRequestId, refuses a taken name unless a request_id comes with it', async () => {
    await campaign('Taken name');
    h.emulator.state.uniqueNamesWithoutRequestId = true;
    const again = await post('campaign/create/', trafficCampaign({ campaign_name: 'Taken name' }));
    expect(again.json).toMatchObject({
      code: 40002,
      message:
        'campaign_name: the name is already in use; send a request_id to allow duplicate names.',
    });
    const withKey = await post(
      'campaign/create/',
      trafficCampaign({ campaign_name: 'Taken name', request_id: '555003' }),
    );
    expect(withKey.json.code).toBe(0);
  });
});

describe('adgroup/create/ and ad/create/', () => {
  it('refuses an ad group under a deleted or unknown campaign (40007)', async () => {
    const campaign_id = await campaign('Deleted parent');
    await post('campaign/status/update/', {
      campaign_ids: [campaign_id],
      operation_status: 'DELETE',
    });
    const r = await post('adgroup/create/', trafficAdGroup(campaign_id));
    expect(r.json.code).toBe(40007);
  });

  it('creates ads with their campaign and ad group ids, AD_STATUS_DISABLE when created off', async () => {
    const campaign_id = await campaign('Ads parent');
    const adgroup_id = await adGroup(campaign_id);
    const r = await post('ad/create/', {
      adgroup_id,
      creatives: [videoCreative({ operation_status: 'DISABLE' })],
    });
    expect(r.json.code).toBe(0);
    expect(r.json.data).toMatchObject({ need_audit: false });
    const [ad] = r.json.data.creatives as Record<string, unknown>[];
    expect(ad).toMatchObject({
      adgroup_id,
      campaign_id,
      advertiser_id,
      operation_status: 'DISABLE',
      secondary_status: 'AD_STATUS_DISABLE',
    });
    expect(r.json.data.ad_ids).toEqual([ad?.ad_id]);
  });

  it.each([
    [{ creatives: 'one' }, 40002, 'creatives: must be an array.'],
    [
      { creatives: Array.from({ length: 21 }, () => videoCreative()) },
      40002,
      'creatives: at most 20 per request.',
    ],
  ])('refuses creatives %#', async (body, code, message) => {
    const adgroup_id = await adGroup(await campaign(`Bad creatives ${code}`));
    const r = await post('ad/create/', { adgroup_id, ...body });
    expect(r.json).toMatchObject({ code, message });
  });

  it('refuses a 21st ad in an ad group (40502)', async () => {
    const adgroup_id = await adGroup(await campaign('Full group'));
    const twenty = Array.from({ length: 20 }, (_, i) => videoCreative({ ad_name: `ad ${i}` }));
    expect((await post('ad/create/', { adgroup_id, creatives: twenty })).json.code).toBe(0);
    const r = await post('ad/create/', { adgroup_id, creatives: [videoCreative()] });
    expect(r.json).toMatchObject({
      code: 40502,
      message: 'The maximum number of ads in this ad group has been reached.',
    });
  });

  it("refuses another advertiser's ad group (40007)", async () => {
    const adgroup_id = await adGroup(await campaign('Mine'));
    const r = await raw(h.baseUrl, 'POST', 'ad/create/', {
      token,
      body: {
        advertiser_id: EMULATOR_SECOND_ADVERTISER_ID,
        adgroup_id,
        creatives: [videoCreative()],
      },
    });
    expect(r.json).toMatchObject({
      code: 40007,
      message: `adgroup_id: ${adgroup_id} does not exist.`,
    });
  });
});

describe('campaign/get/, adgroup/get/, ad/get/', () => {
  it('matches names by substring, filters by ids, leaves deleted objects out', async () => {
    const a = await campaign('Get me: alpha');
    const b = await campaign('Get me: beta');
    const c = await campaign('Get me: gamma');
    await post('campaign/status/update/', { campaign_ids: [c], operation_status: 'DELETE' });
    const byName = await get('campaign/get/', { filtering: { campaign_name: 'Get me:' } });
    expect((byName.json.data.list as { campaign_id: string }[]).map((x) => x.campaign_id)).toEqual([
      a,
      b,
    ]);
    const byId = await get('campaign/get/', { filtering: { campaign_ids: [b, c] } });
    expect((byId.json.data.list as { campaign_id: string }[]).map((x) => x.campaign_id)).toEqual([
      b,
    ]);
  });

  it('pages 10 by default, up to 1000', async () => {
    const r = await get('campaign/get/', {});
    expect(r.json.data.page_info).toMatchObject({ page: 1, page_size: 10 });
    const big = await get('campaign/get/', { page_size: 1001 });
    expect(big.json).toMatchObject({
      code: 40002,
      message: 'page_size: must be an integer between 1 and 1000.',
    });
  });

  it('refuses a name filter that is not a string', async () => {
    const r = await get('adgroup/get/', { filtering: { adgroup_name: 5 } });
    expect(r.json).toMatchObject({
      code: 40002,
      message: 'filtering.adgroup_name: must be a string.',
    });
  });

  it('lists ads by ad group id', async () => {
    const adgroup_id = await adGroup(await campaign('Ad list'));
    await post('ad/create/', { adgroup_id, creatives: [videoCreative({ ad_name: 'listed' })] });
    const r = await get('ad/get/', { filtering: { adgroup_ids: [adgroup_id] } });
    expect((r.json.data.list as { ad_name: string }[]).map((x) => x.ad_name)).toEqual(['listed']);
  });
});
