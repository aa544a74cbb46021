import { TikTokClient } from '../../src/tiktok/client';
import {
  DOWNLOAD_FORBIDDEN_MUSIC_ID,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_ADVERTISER_NAME,
  EMULATOR_APP_ID,
  EMULATOR_IDENTITY_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
  EMULATOR_SECRET,
  IMAGES,
  SQUARE_IMAGE_ID,
  VIDEOS,
} from '../../src/tiktok/emulator';
import { jpegFile, mp3File, mp4File } from '../support/media-files';
import {
  AUTH,
  apiError,
  trafficAdGroup,
  trafficCampaign,
  useEmulator,
  videoCreative,
} from './helpers';

const h = useEmulator();
const app = { app_id: EMULATOR_APP_ID, secret: EMULATOR_SECRET };

/** A fresh client, so `calls` counts only this test's requests. */
const fresh = () => new TikTokClient({ baseUrl: h.baseUrl, sleep: async () => {} });

describe('TikTokClient, the AdsApi port over HTTP, against the emulator', () => {
  it('authorizes: exchanges a code, lists the advertisers, revokes', async () => {
    const client = fresh();
    const auth_code = h.emulator.issueAuthCode();
    const grant = await client.exchangeAuthCode({ ...app, auth_code });
    expect(grant.advertiser_ids).toEqual([EMULATOR_ADVERTISER_ID]);
    expect(
      await client.listAuthorizedAdvertisers({ ...app, access_token: grant.access_token }),
    ).toEqual([
      { advertiser_id: EMULATOR_ADVERTISER_ID, advertiser_name: EMULATOR_ADVERTISER_NAME },
    ]);
    expect(await client.revokeToken({ ...app, access_token: grant.access_token })).toEqual({
      app_id: EMULATOR_APP_ID,
      advertiser_ids: [EMULATOR_ADVERTISER_ID],
    });
    expect(client.calls).toBe(3);
  });

  it('checks, lists and uploads music', async () => {
    const client = fresh();
    expect(await client.checkMusic(AUTH, 'music_123')).toMatchObject({
      status: 'ok',
      music: { music_id: 'music_123' },
    });
    expect(await client.checkMusic(AUTH, DOWNLOAD_FORBIDDEN_MUSIC_ID)).toMatchObject({
      status: 'ok',
      music: { copyright: 'MUSIC_FORBID_VIDEO_FORBID' },
    });
    expect(await client.checkMusic(AUTH, 'no_such_track')).toEqual({ status: 'not_found' });
    const track = await client.uploadMusic(AUTH, {
      file_name: 'Client jingle.mp3',
      data: mp3File('c'),
    });
    expect(track).toMatchObject({ file_name: 'Client jingle.mp3', sources: ['USER'] });
    const { uploads } = await client.listMusic(AUTH);
    expect(uploads.map((m) => m.music_id)).toContain(track.music_id);
  });

  it('reads and adds to the creative library', async () => {
    const client = fresh();
    expect((await client.listImages(AUTH)).length).toBe(IMAGES.length);
    expect((await client.listVideos(AUTH)).map((v) => v.video_id)).toEqual(
      VIDEOS.map((v) => v.video_id),
    );
    const image = await client.uploadImage(AUTH, { file_name: 'c.jpg', data: jpegFile(640, 640) });
    expect(image).toMatchObject({ width: 640, height: 640 });
    const video = await client.uploadVideo(AUTH, {
      file_name: 'c.mp4',
      data: mp4File(540, 960, 8),
    });
    expect(video).toMatchObject({ width: 540, height: 960, duration: 8 });
  });

  it('lists and creates identities', async () => {
    const client = fresh();
    const second = { ...AUTH, advertiser_id: EMULATOR_SECOND_ADVERTISER_ID };
    const created = await client.createIdentity(second, 'Client Brand', SQUARE_IMAGE_ID);
    expect((await client.listIdentities(second)).map((i) => i.identity_id)).toEqual([
      EMULATOR_IDENTITY_ID,
      created.identity_id,
    ]);
  });

  it('creates, finds, switches, re-budgets and lists the objects of one ad', async () => {
    const client = fresh();
    const { campaign_id } = await client.createCampaign(
      AUTH,
      trafficCampaign({ campaign_name: 'Client tree', operation_status: 'DISABLE' }),
    );
    const { adgroup_id } = await client.createAdGroup(AUTH, trafficAdGroup(campaign_id));
    const { ad_ids } = await client.createAd(AUTH, { adgroup_id, creatives: [videoCreative()] });
    expect((await client.findCampaigns(AUTH, 'Client tree')).map((c) => c.campaign_id)).toEqual([
      campaign_id,
    ]);
    expect((await client.findAdGroups(AUTH, campaign_id, '')).map((g) => g.adgroup_id)).toEqual([
      adgroup_id,
    ]);
    await client.updateStatus(AUTH, 'campaign', [campaign_id], 'ENABLE');
    expect(h.emulator.state.campaigns.get(campaign_id)?.operation_status).toBe('ENABLE');
    await client.updateAdGroupBudget(AUTH, adgroup_id, 55);
    expect(h.emulator.state.adgroups.get(adgroup_id)?.budget).toBe(55);
    expect((await client.listAds(AUTH, adgroup_id)).map((a) => a.ad_id)).toEqual(ad_ids);
    expect(client.calls).toBe(8);
  });

  it('throws TikTokApiError from every area, with the envelope code', async () => {
    const client = fresh();
    const bad = { ...AUTH, access_token: 'not-a-token' };
    for (const call of [
      () => client.listImages(bad),
      () => client.listIdentities(bad),
      () => client.findCampaigns(bad, 'x'),
      () => client.checkMusic(bad, 'music_123'),
    ]) {
      const err = await apiError(call());
      expect(err.tiktok_code).toBe(40105);
      expect(err.code).toBe('tiktok_auth');
    }
  });
});
