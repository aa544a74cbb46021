import { EMULATOR_IDENTITY_ID } from '../../src/tiktok/emulator';
import {
  AUTH,
  carouselCreative,
  conversionAdGroup,
  fakeMp3,
  raw,
  trafficAdGroup,
  trafficCampaign,
  useEmulator,
  videoCreative,
} from './helpers';

const h = useEmulator();

describe('full submissions', () => {
  it('creates a TRAFFIC single-video ad: campaign → ad group → ad, listed by ad/get/', async () => {
    const before = h.emulator.counts();
    const { campaign_id } = await h.client.createCampaign(
      AUTH,
      trafficCampaign({ request_id: '1716900000000000101', operation_status: 'DISABLE' }),
    );
    const { adgroup_id } = await h.client.createAdGroup(
      AUTH,
      trafficAdGroup(campaign_id, { request_id: '1716900000000000102' }),
    );
    const { ad_ids } = await h.client.createAd(AUTH, {
      adgroup_id,
      creatives: [videoCreative({ ad_name: 'Summer video' })],
    });
    expect(campaign_id).toMatch(/^\d{19}$/);
    expect(adgroup_id).toMatch(/^\d{19}$/);
    expect(ad_ids).toHaveLength(1);
    expect(ad_ids[0]).toMatch(/^\d{19}$/);

    const ads = await h.client.listAds(AUTH, adgroup_id);
    expect(ads).toEqual([
      { ad_id: ad_ids[0], ad_name: 'Summer video', adgroup_id, operation_status: 'ENABLE' },
    ]);
    const after = h.emulator.counts();
    expect(after.campaigns - before.campaigns).toBe(1);
    expect(after.adgroups - before.adgroups).toBe(1);
    expect(after.ads - before.ads).toBe(1);
  });

  it('returns full objects like TikTok (secondary_status, create_time, creatives)', async () => {
    const camp = await raw(h.baseUrl, 'POST', 'campaign/create/', {
      token: AUTH.access_token,
      body: { advertiser_id: AUTH.advertiser_id, ...trafficCampaign() },
    });
    expect(camp.json.data).toMatchObject({
      campaign_name: 'Summer sale',
      objective_type: 'TRAFFIC',
      secondary_status: 'CAMPAIGN_STATUS_ENABLE',
      create_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
    });
    const campaign_id = String(camp.json.data.campaign_id);
    const ag = await raw(h.baseUrl, 'POST', 'adgroup/create/', {
      token: AUTH.access_token,
      body: { advertiser_id: AUTH.advertiser_id, ...trafficAdGroup(campaign_id) },
    });
    expect(ag.json.data).toMatchObject({ campaign_id, secondary_status: 'ADGROUP_STATUS_CREATE' });
    const ad = await raw(h.baseUrl, 'POST', 'ad/create/', {
      token: AUTH.access_token,
      body: {
        advertiser_id: AUTH.advertiser_id,
        adgroup_id: ag.json.data.adgroup_id,
        creatives: [videoCreative()],
      },
    });
    expect(ad.json.data).toMatchObject({
      need_audit: false,
      creatives: [
        expect.objectContaining({
          ad_format: 'SINGLE_VIDEO',
          video_id: 'vid_summer_1',
          music_id: null,
          identity_id: EMULATOR_IDENTITY_ID,
          campaign_id,
        }),
      ],
    });
  });

  it('creates a WEB_CONVERSIONS carousel ad with SYSTEM music and with an uploaded track', async () => {
    const { campaign_id } = await h.client.createCampaign(
      AUTH,
      trafficCampaign({
        objective_type: 'WEB_CONVERSIONS',
        budget_mode: 'BUDGET_MODE_DAY',
        budget: 100,
      }),
    );
    const { adgroup_id } = await h.client.createAdGroup(AUTH, conversionAdGroup(campaign_id));
    const system = await h.client.createAd(AUTH, {
      adgroup_id,
      creatives: [carouselCreative({ music_id: 'music_trending_001' })],
    });
    expect(system.ad_ids).toHaveLength(1);

    const uploaded = await h.client.uploadMusic(AUTH, {
      file_name: 'brand-theme.mp3',
      data: fakeMp3('z'),
    });
    const check = await h.client.checkMusic(AUTH, uploaded.music_id);
    expect(check.status).toBe('ok');
    const custom = await h.client.createAd(AUTH, {
      adgroup_id,
      creatives: [carouselCreative({ ad_name: 'custom music', music_id: uploaded.music_id })],
    });
    expect(custom.ad_ids).toHaveLength(1);
    const names = (await h.client.listAds(AUTH, adgroup_id)).map((a) => a.ad_name).sort();
    expect(names).toEqual(['carousel ad', 'custom music']);
  });

  it('campaign/get/ and adgroup/get/ filter by ids and page', async () => {
    const { campaign_id } = await h.client.createCampaign(
      AUTH,
      trafficCampaign({ campaign_name: 'Find me' }),
    );
    const res = await raw(h.baseUrl, 'GET', 'campaign/get/', {
      token: AUTH.access_token,
      query: { advertiser_id: AUTH.advertiser_id, filtering: { campaign_ids: [campaign_id] } },
    });
    expect(res.json.data).toMatchObject({
      list: [expect.objectContaining({ campaign_id, campaign_name: 'Find me' })],
      page_info: { page: 1, page_size: 10, total_number: 1, total_page: 1 },
    });
    const ags = await raw(h.baseUrl, 'GET', 'adgroup/get/', {
      token: AUTH.access_token,
      query: { advertiser_id: AUTH.advertiser_id, filtering: { campaign_ids: [campaign_id] } },
    });
    expect(ags.json.data).toMatchObject({ list: [], page_info: { total_number: 0 } });
  });
});
