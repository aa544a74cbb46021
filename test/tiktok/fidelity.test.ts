/**
 * Issue 10: requests the live TikTok API accepts. Each block checks one point against the
 * emulator over HTTP, with the bot's own payload builders and client where the bot is involved.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type FaultKind, SQUARE_IMAGE_ID } from '../../src/tiktok/emulator';
import { readAvatar, resolveIdentity } from '../../src/tiktok/identity';
import { adBody, adGroupBody, campaignBody } from '../../src/tiktok/payloads';
import {
  AUTH,
  apiError,
  campaignAndAdGroup,
  carouselCreative,
  raw,
  trafficAdGroup,
  trafficCampaign,
  useEmulator,
  videoCreative,
} from './helpers';

const h = useEmulator();

/** The bytes of a PNG header TikTok (and image-size) read dimensions from: signature + IHDR. */
function png(width: number, height: number, seed = 0): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.writeUInt8(8, 16); // bit depth
  ihdr.writeUInt8(6, 17); // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    ihdr,
    Buffer.alloc(64, seed),
  ]);
}

function tempFile(name: string, data: Buffer): string {
  const path = join(mkdtempSync(join(tmpdir(), 'i10-')), name);
  writeFileSync(path, data);
  return path;
}

async function rejects(promise: Promise<unknown>, code: number, text: string): Promise<void> {
  const err = await apiError(promise);
  expect({ code: err.tiktok_code, message: err.tiktok_message }).toEqual({
    code,
    message: expect.stringContaining(text),
  });
}

const COMPLETE_DRAFT = {
  campaign_name: 'Fidelity check',
  objective_type: 'TRAFFIC' as const,
  ad_text: 'Big summer deals on every order',
  call_to_action: 'SHOP_NOW',
  landing_page_url: 'https://example.com/summer',
  music: { kind: 'none' as const },
  video_id: 'vid_summer_1',
  image_ids: ['img_summer_1'],
};

describe('1. identity/create/ needs a square avatar (image_uri)', () => {
  const create = (body: Record<string, unknown>) =>
    raw(h.baseUrl, 'POST', 'identity/create/', {
      token: AUTH.access_token,
      body: { advertiser_id: AUTH.advertiser_id, ...body },
    });

  it('the emulator requires image_uri, an existing 1:1 image', async () => {
    expect((await create({ display_name: 'No avatar' })).json).toMatchObject({
      code: 40002,
      message: expect.stringContaining('image_uri'),
    });
    expect(
      (await create({ display_name: 'Tall avatar', image_uri: 'img_summer_1' })).json,
    ).toMatchObject({ code: 40002, message: expect.stringContaining('1:1') });
    expect((await create({ display_name: 'Lost', image_uri: 'img_nope' })).json.code).toBe(40007);
    const ok = await create({ display_name: 'Square avatar', image_uri: SQUARE_IMAGE_ID });
    expect(ok.json.code).toBe(0);
  });

  it('without TIKTOK_IDENTITY_AVATAR, a new identity gets the first square library image', async () => {
    const settings = { identity: { display_name: 'Fresh Brand' } };
    const identity = await resolveIdentity({ ads: h.client, auth: AUTH, settings });
    expect(identity.display_name).toBe('Fresh Brand');
    const record = h.emulator.state
      .identitiesOf(AUTH.advertiser_id)
      .find((i) => i.identity_id === identity.identity_id);
    expect(record).toMatchObject({ display_name: 'Fresh Brand', image_uri: SQUARE_IMAGE_ID });
    // Found by name the next time: no second identity.
    const again = await resolveIdentity({ ads: h.client, auth: AUTH, settings });
    expect(again.identity_id).toBe(identity.identity_id);
  });

  it('with TIKTOK_IDENTITY_AVATAR, the file is uploaded and its image_id sent', async () => {
    const avatar_path = tempFile('brand-avatar.png', png(400, 400, 7));
    const settings = { identity: { display_name: 'Avatar Brand', avatar_path } };
    const identity = await resolveIdentity({ ads: h.client, auth: AUTH, settings });
    const record = h.emulator.state
      .identitiesOf(AUTH.advertiser_id)
      .find((i) => i.identity_id === identity.identity_id);
    expect(record?.image_uri).toMatch(/^img_75/);
    expect(h.emulator.state.images.get(record?.image_uri ?? '')).toMatchObject({
      file_name: 'brand-avatar.png',
      width: 400,
      height: 400,
    });
  });

  it('a configured identity id keeps its listed display name', async () => {
    const identity = await resolveIdentity({
      ads: h.client,
      auth: AUTH,
      settings: { identity: { identity_id: '7200000000000000001', display_name: 'Setting' } },
    });
    expect(identity).toEqual({
      identity_id: '7200000000000000001',
      display_name: 'Emulator Brand',
    });
  });

  it('refuses an avatar file that is not a square JPEG/PNG, before any upload', () => {
    expect(() => readAvatar(tempFile('wide.png', png(800, 400)))).toThrow(/must be square/);
    expect(() => readAvatar(tempFile('notes.png', Buffer.from('hello')))).toThrow(/JPEG or PNG/);
    expect(() => readAvatar('/nonexistent/avatar.png')).toThrow(/cannot read/);
  });
});

describe('2. music copyright flag', () => {
  let adgroup_id: string;
  beforeAll(async () => {
    ({ adgroup_id } = await campaignAndAdGroup(h.client, 'traffic'));
  });

  it('MUSIC_FORBID_VIDEO_FORBID music (a download flag) is accepted in a carousel', async () => {
    const created = await h.client.createAd(AUTH, {
      adgroup_id,
      creatives: [carouselCreative({ ad_name: 'forbid-download', music_id: '456' })],
    });
    expect(created.ad_ids).toHaveLength(1);
  });

  it('creative-tool (CREATIVE_ASSET-only) music is refused as TikTok does', async () => {
    await rejects(
      h.client.createAd(AUTH, {
        adgroup_id,
        creatives: [carouselCreative({ ad_name: 'creative-asset', music_id: '321' })],
      }),
      40002,
      'Please select valid music for Carousel Ads.',
    );
  });
});

describe('3. display_name on every creative', () => {
  let adgroup_id: string;
  beforeAll(async () => {
    ({ adgroup_id } = await campaignAndAdGroup(h.client, 'traffic'));
  });

  it('a website ad without an identity must send display_name (1-40, CJK count 2)', async () => {
    const noIdentity = { identity_id: undefined, identity_type: undefined };
    await rejects(
      h.client.createAd(AUTH, { adgroup_id, creatives: [videoCreative(noIdentity)] }),
      40002,
      'display_name',
    );
    await rejects(
      h.client.createAd(AUTH, {
        adgroup_id,
        creatives: [videoCreative({ ...noIdentity, display_name: '店'.repeat(21) })],
      }),
      40002,
      'display_name',
    );
    await expect(
      h.client.createAd(AUTH, {
        adgroup_id,
        creatives: [videoCreative({ ...noIdentity, display_name: 'Summer Shop' })],
      }),
    ).resolves.toHaveProperty('ad_ids');
  });

  it("the bot's ad/create/ body carries the identity's display name", async () => {
    const body = adBody(
      COMPLETE_DRAFT,
      adgroup_id,
      'bot ad',
      '7200000000000000001',
      'Emulator Brand',
    );
    const { ad_ids } = await h.client.createAd(AUTH, body);
    expect(h.emulator.state.ads.get(ad_ids[0] ?? '')).toMatchObject({
      display_name: 'Emulator Brand',
      identity_id: '7200000000000000001',
    });
    // A long identity name is cut to TikTok's 40.
    const long = adBody(
      COMPLETE_DRAFT,
      adgroup_id,
      'bot ad 2',
      '7200000000000000001',
      'B'.repeat(60),
    );
    const second = await h.client.createAd(AUTH, long);
    expect(h.emulator.state.ads.get(second.ad_ids[0] ?? '')?.display_name).toBe('B'.repeat(40));
  });
});

describe('4. budget_optimize_on is sent as false', () => {
  it("the bot's campaign/create/ body turns CBO off explicitly and is accepted", async () => {
    const body = campaignBody(COMPLETE_DRAFT, '1234567890123');
    expect(body.budget_optimize_on).toBe(false);
    const { campaign_id } = await h.client.createCampaign(AUTH, body);
    expect(h.emulator.state.campaigns.get(campaign_id)).toMatchObject({
      budget_optimize_on: false,
      budget_mode: 'BUDGET_MODE_INFINITE',
    });
  });

  it('the emulator reads an absent budget_optimize_on as "Default: True"', async () => {
    await rejects(
      h.client.createCampaign(AUTH, trafficCampaign({ budget_optimize_on: undefined })),
      40002,
      'budget_optimize_on',
    );
  });
});

describe('5. emulator leniency closed', () => {
  let campaign_id: string;
  beforeAll(async () => {
    ({ campaign_id } = await h.client.createCampaign(AUTH, trafficCampaign()));
  });

  it('adgroup/create/ requires pacing (no CBO)', async () => {
    await rejects(
      h.client.createAdGroup(AUTH, trafficAdGroup(campaign_id, { pacing: undefined })),
      40002,
      'pacing',
    );
    const bot = adGroupBody(
      COMPLETE_DRAFT,
      campaign_id,
      20,
      '99',
      { location_ids: ['6252001'], optimization_event: 'SHOPPING' },
      new Date(),
    );
    expect(bot.pacing).toBe('PACING_MODE_SMOOTH');
    await expect(h.client.createAdGroup(AUTH, bot)).resolves.toHaveProperty('adgroup_id');
  });

  it('at most 3,000 location_ids (with zipcode_ids)', async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => String(1000000 + i));
    await expect(
      h.client.createAdGroup(AUTH, trafficAdGroup(campaign_id, { location_ids: ids(3000) })),
    ).resolves.toHaveProperty('adgroup_id');
    await rejects(
      h.client.createAdGroup(AUTH, trafficAdGroup(campaign_id, { location_ids: ids(3001) })),
      40002,
      'location_ids',
    );
    await rejects(
      h.client.createAdGroup(
        AUTH,
        trafficAdGroup(campaign_id, { location_ids: ids(2000), zipcode_ids: ids(1001) }),
      ),
      40002,
      'location_ids',
    );
  });

  it('the cover must have exactly the video aspect ratio', async () => {
    const { adgroup_id } = await h.client.createAdGroup(AUTH, trafficAdGroup(campaign_id));
    const video = (overrides: Record<string, unknown>) =>
      h.client.createAd(AUTH, { adgroup_id, creatives: [videoCreative(overrides)] });
    // 1200x628 is landscape like the 1920x1080 video, but not 16:9.
    await rejects(
      video({ video_id: 'vid_landscape_1', image_ids: ['img_banner_1'] }),
      40002,
      'aspect ratio',
    );
    await expect(
      video({ video_id: 'vid_landscape_1', image_ids: ['img_landscape_1'] }),
    ).resolves.toHaveProperty('ad_ids');
    // Off by two pixels from 9:16 is refused; 720x1280 (exactly 9:16) is accepted.
    const nearly = await h.client.uploadImage(AUTH, {
      file_name: 'nearly.png',
      data: png(1080, 1918),
    });
    const exact = await h.client.uploadImage(AUTH, {
      file_name: 'exact.png',
      data: png(720, 1280),
    });
    await rejects(video({ image_ids: [nearly.image_id] }), 40002, 'aspect ratio');
    await expect(video({ image_ids: [exact.image_id] })).resolves.toHaveProperty('ad_ids');
  });

  it.each<[FaultKind, number]>([
    ['ratelimit', 40100],
    ['ratelimit_fc', 40016],
    ['ratelimit_field', 40132],
    ['ratelimit_bl', 61000],
  ])(
    "%s answers TikTok's rate-limit code %i, classified rate_limit and retried",
    async (kind, code) => {
      const once = h.newClient({ retry: { attempts: 1, baseDelayMs: 1, maxDelayMs: 1 } });
      h.emulator.faults.set(kind);
      const err = await apiError(once.listVideos(AUTH));
      expect({ tiktok_code: err.tiktok_code, code: err.code, retryable: err.retryable }).toEqual({
        tiktok_code: code,
        code: 'tiktok_rate_limited',
        retryable: true,
      });
      h.emulator.faults.set({ kind, times: 2 });
      const retrying = h.newClient({ retry: { attempts: 3, baseDelayMs: 1, maxDelayMs: 1 } });
      await expect(retrying.listVideos(AUTH)).resolves.toHaveLength(3);
      expect(retrying.calls).toBe(3);
    },
  );
});
