import {
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
} from '../../src/tiktok/emulator';
import {
  AUTH,
  apiError,
  campaignAndAdGroup,
  carouselCreative,
  conversionAdGroup,
  raw,
  trafficAdGroup,
  trafficCampaign,
  useEmulator,
  videoCreative,
} from './helpers';

const h = useEmulator();

/** Expects a rejection with `code` whose message contains `text`; returns nothing. */
async function rejects(promise: Promise<unknown>, code: number, text: string): Promise<void> {
  const err = await apiError(promise);
  expect({ code: err.tiktok_code, message: err.tiktok_message }).toEqual({
    code,
    message: expect.stringContaining(text),
  });
}

describe('campaign/create/ validation', () => {
  const create = (overrides: Record<string, unknown>) =>
    h.client.createCampaign(AUTH, trafficCampaign(overrides));

  it('requires campaign_name and objective_type (40002 naming them)', async () => {
    await rejects(create({ campaign_name: undefined }), 40002, 'campaign_name');
    await rejects(create({ objective_type: undefined }), 40002, 'objective_type');
    await rejects(create({ budget_mode: undefined }), 40002, 'budget_mode');
  });

  it('checks the objective_type and budget_mode enums', async () => {
    await rejects(create({ objective_type: 'CONVERSIONS_PLEASE' }), 40002, 'objective_type');
    await rejects(create({ budget_mode: 'BUDGET_MODE_WEEKLY' }), 40002, 'budget_mode');
  });

  it('limits campaign_name to 512 characters (CJK count 2) without emoji', async () => {
    await expect(create({ campaign_name: 'a'.repeat(512) })).resolves.toHaveProperty('campaign_id');
    await rejects(create({ campaign_name: 'a'.repeat(513) }), 40002, 'campaign_name');
    await rejects(create({ campaign_name: '夏'.repeat(257) }), 40002, 'campaign_name');
    await rejects(create({ campaign_name: 'Summer 🔥 sale' }), 40002, 'campaign_name: emoji');
  });

  it('requires a daily campaign budget of at least 50 × currency ratio', async () => {
    await rejects(create({ budget_mode: 'BUDGET_MODE_DAY', budget: 49 }), 40002, 'budget');
    await rejects(create({ budget_mode: 'BUDGET_MODE_DAY' }), 40002, 'budget');
    await expect(create({ budget_mode: 'BUDGET_MODE_DAY', budget: 50 })).resolves.toHaveProperty(
      'campaign_id',
    );
  });

  it('rejects a request_id that is not an int64 string', async () => {
    await rejects(create({ request_id: 'abc' }), 40002, 'request_id');
  });
});

describe('adgroup/create/ validation', () => {
  let campaign_id = '';
  let conversions_campaign_id = '';
  beforeAll(async () => {
    ({ campaign_id } = await h.client.createCampaign(AUTH, trafficCampaign()));
    ({ campaign_id: conversions_campaign_id } = await h.client.createCampaign(
      AUTH,
      trafficCampaign({ objective_type: 'WEB_CONVERSIONS' }),
    ));
  });
  const create = (overrides: Record<string, unknown>) =>
    h.client.createAdGroup(AUTH, trafficAdGroup(campaign_id, overrides));

  it('accepts the reference TRAFFIC ad group', async () => {
    await expect(create({})).resolves.toHaveProperty('adgroup_id', expect.stringMatching(/^\d+$/));
  });

  it.each([
    'adgroup_name',
    'schedule_start_time',
    'schedule_type',
    'optimization_goal',
    'billing_event',
    'location_ids',
    'budget',
  ])('requires %s', async (field) => {
    await rejects(create({ [field]: undefined }), 40002, field);
  });

  it('unknown campaign_id → 40007', async () => {
    await rejects(
      h.client.createAdGroup(AUTH, trafficAdGroup('1899999999999999999')),
      40007,
      'campaign_id',
    );
  });

  it('a campaign of another advertiser is unknown here (40007)', async () => {
    const other = { ...AUTH, advertiser_id: EMULATOR_SECOND_ADVERTISER_ID };
    await rejects(h.client.createAdGroup(other, trafficAdGroup(campaign_id)), 40007, 'campaign_id');
  });

  it('requires a daily budget of at least 20 USD', async () => {
    await rejects(create({ budget: 19.99 }), 40002, 'at least 20 USD');
  });

  it('checks the schedule_start_time format "YYYY-MM-DD HH:MM:SS"', async () => {
    await rejects(
      create({ schedule_start_time: '2026-10-01T00:00' }),
      40002,
      'schedule_start_time',
    );
    await rejects(
      create({ schedule_start_time: '2026-02-30 00:00:00' }),
      40002,
      'schedule_start_time',
    );
  });

  it('SCHEDULE_START_END needs a later schedule_end_time; TOTAL budget needs START_END', async () => {
    await rejects(create({ schedule_type: 'SCHEDULE_START_END' }), 40002, 'schedule_end_time');
    await rejects(
      create({ schedule_type: 'SCHEDULE_START_END', schedule_end_time: '2026-09-01 00:00:00' }),
      40002,
      'schedule_end_time',
    );
    await rejects(
      create({ budget_mode: 'BUDGET_MODE_TOTAL', budget: 500 }),
      40002,
      'BUDGET_MODE_TOTAL',
    );
  });

  it('pairs optimization_goal with billing_event (CLICK↔CPC, CONVERT↔OCPM)', async () => {
    await rejects(create({ billing_event: 'OCPM' }), 40002, 'billing_event');
    await rejects(
      h.client.createAdGroup(
        AUTH,
        conversionAdGroup(conversions_campaign_id, { billing_event: 'CPC' }),
      ),
      40002,
      'billing_event',
    );
  });

  it('CONVERT requires pixel_id and optimization_event; an unknown pixel is 40007', async () => {
    await rejects(
      h.client.createAdGroup(
        AUTH,
        conversionAdGroup(conversions_campaign_id, { pixel_id: undefined }),
      ),
      40002,
      'pixel_id',
    );
    await rejects(
      h.client.createAdGroup(
        AUTH,
        conversionAdGroup(conversions_campaign_id, { optimization_event: undefined }),
      ),
      40002,
      'optimization_event',
    );
    await rejects(
      h.client.createAdGroup(AUTH, conversionAdGroup(conversions_campaign_id, { pixel_id: '123' })),
      40007,
      'pixel_id',
    );
    await expect(
      h.client.createAdGroup(AUTH, conversionAdGroup(conversions_campaign_id)),
    ).resolves.toHaveProperty('adgroup_id');
  });

  it('PLACEMENT_TYPE_NORMAL (also the default) needs placements', async () => {
    await rejects(create({ placements: undefined }), 40002, 'placements');
    await rejects(
      create({ placement_type: undefined, placements: undefined }),
      40002,
      'placements',
    );
    await rejects(create({ placements: ['PLACEMENT_MOON'] }), 40002, 'placements');
  });

  it('promotion_type is required for TRAFFIC and WEB_CONVERSIONS', async () => {
    await rejects(create({ promotion_type: undefined }), 40002, 'promotion_type');
    await rejects(
      h.client.createAdGroup(
        AUTH,
        conversionAdGroup(conversions_campaign_id, { promotion_type: undefined }),
      ),
      40002,
      'promotion_type',
    );
  });
});

describe('ad/create/ validation', () => {
  let traffic = '';
  let conversions = '';
  beforeAll(async () => {
    traffic = (await campaignAndAdGroup(h.client, 'traffic')).adgroup_id;
    conversions = (await campaignAndAdGroup(h.client, 'conversions')).adgroup_id;
  });
  const video = (overrides: Record<string, unknown>) =>
    h.client.createAd(AUTH, { adgroup_id: traffic, creatives: [videoCreative(overrides)] });
  const carousel = (overrides: Record<string, unknown>) =>
    h.client.createAd(AUTH, { adgroup_id: conversions, creatives: [carouselCreative(overrides)] });

  it('requires adgroup_id to exist (40007) and creatives', async () => {
    await rejects(
      h.client.createAd(AUTH, { adgroup_id: '1799999999999999999', creatives: [videoCreative()] }),
      40007,
      'adgroup_id',
    );
    await rejects(h.client.createAd(AUTH, { adgroup_id: traffic }), 40002, 'creatives');
  });

  it.each(['ad_format', 'ad_text', 'identity_id', 'identity_type', 'call_to_action', 'ad_name'])(
    'requires creatives[0].%s',
    async (field) => {
      await rejects(video({ [field]: undefined }), 40002, `creatives[0].${field}`);
    },
  );

  it('ad_text is 1..100 characters without emoji', async () => {
    await rejects(video({ ad_text: 'x'.repeat(101) }), 40002, 'ad_text');
    await rejects(video({ ad_text: '半'.repeat(51) }), 40002, 'ad_text');
    await rejects(video({ ad_text: 'Hot deal 😎' }), 40002, 'ad_text: emoji');
    await expect(video({ ad_text: 'x'.repeat(100) })).resolves.toHaveProperty('ad_ids');
  });

  it("call_to_action must be one of TikTok's values", async () => {
    await rejects(video({ call_to_action: 'BUY_IT_NOW' }), 40002, 'call_to_action');
    await expect(video({ call_to_action: 'WATCH_NOW' })).resolves.toHaveProperty('ad_ids');
  });

  it('identity must exist and be CUSTOMIZED_USER', async () => {
    await rejects(video({ identity_id: '7299999999999999999' }), 40007, 'identity_id');
    await rejects(video({ identity_type: 'TT_USER' }), 40002, 'identity_type');
  });

  it('website ads need an http(s) landing_page_url', async () => {
    await rejects(video({ landing_page_url: undefined }), 40002, 'landing_page_url');
    await rejects(video({ landing_page_url: 'ftp://example.com' }), 40002, 'landing_page_url');
    await rejects(video({ landing_page_url: 'example.com' }), 40002, 'landing_page_url');
  });

  it('SINGLE_VIDEO: video_id (unknown → 40053), exactly one cover, no music_id', async () => {
    await rejects(video({ video_id: undefined }), 40002, 'video_id');
    await rejects(video({ video_id: 'vid_nope' }), 40053, 'video_id');
    await rejects(video({ image_ids: [] }), 40002, 'You must upload an image');
    await rejects(video({ image_ids: ['img_summer_1', 'img_summer_2'] }), 40002, 'image_ids');
    await rejects(video({ image_ids: ['img_nope'] }), 40007, 'image_ids');
    await rejects(video({ music_id: 'music_123' }), 40002, 'music_id');
    await rejects(video({ video_id: 'vid_landscape_1' }), 40002, 'aspect ratio');
    await expect(
      video({ video_id: 'vid_landscape_1', image_ids: ['img_landscape_1'] }),
    ).resolves.toHaveProperty('ad_ids');
  });

  it('CAROUSEL_ADS: 1..35 carousel-usable images, valid music, no video', async () => {
    await rejects(carousel({ image_ids: [] }), 40002, 'image_ids');
    await rejects(carousel({ image_ids: Array(36).fill('img_summer_1') }), 40002, 'image_ids');
    await rejects(
      carousel({ image_ids: ['img_summer_1', 'img_noncarousel_1'] }),
      40002,
      'not carousel usable',
    );
    await rejects(carousel({ music_id: undefined }), 40002, 'music_id');
    await rejects(
      carousel({ music_id: 'no_such_track' }),
      40002,
      'Please select valid music for Carousel Ads.',
    );
    await rejects(
      carousel({ music_id: '321' }),
      40002,
      'Please select valid music for Carousel Ads.',
    );
    await rejects(carousel({ video_id: 'vid_summer_1' }), 40002, 'video_id');
  });

  it('rejects more than 20 creatives per request', async () => {
    await rejects(
      h.client.createAd(AUTH, { adgroup_id: traffic, creatives: Array(21).fill(videoCreative()) }),
      40002,
      'creatives',
    );
  });

  it('validation errors are classified validation and tried once', async () => {
    const client = h.newClient();
    const err = await apiError(
      client.createAd(AUTH, { adgroup_id: traffic, creatives: [videoCreative({ ad_text: '' })] }),
    );
    expect(err.code).toBe('tiktok_invalid_request');
    expect(err.retryable).toBe(false);
    expect(client.calls).toBe(1);
  });

  it('a raw call without advertiser_id → 40002', async () => {
    const res = await raw(h.baseUrl, 'POST', 'campaign/create/', {
      token: EMULATOR_ACCESS_TOKEN,
      body: trafficCampaign(),
    });
    expect(res.json.code).toBe(40002);
    expect(res.json.message).toContain('advertiser_id');
    expect(EMULATOR_ADVERTISER_ID).toBe(AUTH.advertiser_id);
  });
});
