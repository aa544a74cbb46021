import {
  ADVERTISERS,
  ALL_SCOPES,
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_FOREIGN_ADVERTISER_ID,
  EMULATOR_IDENTITY_ID,
  EMULATOR_IDENTITY_NAME,
  EMULATOR_SECOND_ADVERTISER_ID,
  IMAGES,
  SYSTEM_MUSIC,
  VIDEOS,
} from '../../../src/tiktok/emulator/fixtures';
import { EmulatorState } from '../../../src/tiktok/emulator/state';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const fresh = (now = () => NOW) => new EmulatorState({ appId: 'app-1', secret: 's', now });

describe('EmulatorState seeding', () => {
  it('knows the seeded advertisers and their pre-issued token with all scopes', () => {
    const state = fresh();
    expect([...state.advertisers.keys()]).toEqual(ADVERTISERS.map((a) => a.advertiser_id));
    expect(state.tokens.get(EMULATOR_ACCESS_TOKEN)).toEqual({
      access_token: EMULATOR_ACCESS_TOKEN,
      app_id: 'app-1',
      advertiser_ids: [EMULATOR_ADVERTISER_ID, EMULATOR_SECOND_ADVERTISER_ID],
      scope: [...ALL_SCOPES],
      revoked: false,
    });
  });

  it('seeds SYSTEM music with material ids, images and videos dated newest first', () => {
    const state = fresh();
    expect([...state.music.keys()]).toEqual(SYSTEM_MUSIC.map((m) => m.music_id));
    const first = state.music.get(SYSTEM_MUSIC[0]?.music_id ?? '');
    expect(first).toMatchObject({ sources: ['SYSTEM'], material_id: '7400000000000000001' });
    expect(state.images.size).toBe(IMAGES.length);
    expect(state.images.get('img_summer_1')?.create_time).toBe('2024-01-20T00:00:00Z');
    expect(state.images.get('img_summer_2')?.create_time).toBe('2024-01-19T00:00:00Z');
    expect(state.videos.size).toBe(VIDEOS.length);
  });

  it('gives every advertiser the seeded identity, and the next identity id is a new one', () => {
    const state = fresh();
    for (const { advertiser_id } of ADVERTISERS) {
      expect(state.identitiesOf(advertiser_id)).toEqual([
        {
          identity_id: EMULATOR_IDENTITY_ID,
          identity_type: 'CUSTOMIZED_USER',
          display_name: EMULATOR_IDENTITY_NAME,
        },
      ]);
    }
    expect(state.ids.identity.next()).toBe('7200000000000000002');
  });

  it('starts with the documented switches: replay repeats, names not unique, no TTL', () => {
    const state = fresh();
    expect(state.duplicateMode).toBe('replay');
    expect(state.uniqueNamesWithoutRequestId).toBe(false);
    expect(state.requestIdTtlMs).toBeUndefined();
    expect(state.baseUrl).toBeUndefined();
  });

  it('keeps two instances apart', () => {
    const a = fresh();
    const b = fresh();
    a.countCall('campaign/get/');
    a.identitiesOf(EMULATOR_ADVERTISER_ID).push({
      identity_id: 'x',
      identity_type: 'CUSTOMIZED_USER',
      display_name: 'X',
    });
    expect(b.calls).toEqual({});
    expect(b.identitiesOf(EMULATOR_ADVERTISER_ID)).toHaveLength(1);
  });
});

describe('tokens and auth codes', () => {
  it('issues tokens with defaults or the given reach', () => {
    const state = fresh();
    const token = state.issueToken();
    expect(token).toMatch(/^emulator-token-[0-9a-f]{32}$/);
    expect(state.tokens.get(token)?.advertiser_ids).toEqual([
      EMULATOR_ADVERTISER_ID,
      EMULATOR_SECOND_ADVERTISER_ID,
    ]);
    const narrow = state.issueToken({
      advertiser_ids: [EMULATOR_FOREIGN_ADVERTISER_ID],
      scope: [4],
      access_token: 'chosen',
    });
    expect(narrow).toBe('chosen');
    expect(state.tokens.get('chosen')).toMatchObject({
      advertiser_ids: [EMULATOR_FOREIGN_ADVERTISER_ID],
      scope: [4],
    });
  });

  it('issues single-use codes valid for an hour by default, with a copy of the grant', () => {
    const state = fresh();
    const code = state.issueAuthCode();
    expect(state.authCodes.get(code)).toEqual({
      auth_code: code,
      app_id: 'app-1',
      expires_at: NOW + 3_600_000,
      used: false,
      grant: { advertiser_ids: [EMULATOR_ADVERTISER_ID], scope: [...ALL_SCOPES] },
    });
    const grant = { advertiser_ids: ['a'], scope: [1] };
    const other = state.issueAuthCode(1000, grant);
    grant.advertiser_ids.push('b');
    expect(state.authCodes.get(other)).toMatchObject({
      expires_at: NOW + 1000,
      grant: { advertiser_ids: ['a'], scope: [1] },
    });
  });

  it('issues codes with the portal grant of the moment', () => {
    const state = fresh();
    state.portalGrant = { advertiser_ids: [EMULATOR_SECOND_ADVERTISER_ID], scope: [2] };
    const code = state.issueAuthCode();
    expect(state.authCodes.get(code)?.grant).toEqual({
      advertiser_ids: [EMULATOR_SECOND_ADVERTISER_ID],
      scope: [2],
    });
  });
});

describe('library visibility', () => {
  it('lets every advertiser use seeded media, an upload only its owner', () => {
    const state = fresh();
    const seeded = state.images.get('img_summer_1');
    expect(state.imageFor('img_summer_1', EMULATOR_FOREIGN_ADVERTISER_ID)).toBe(seeded);
    state.images.set('img_mine', {
      image_id: 'img_mine',
      file_name: 'mine.png',
      width: 100,
      height: 100,
      format: 'png',
      is_carousel_usable: true,
      create_time: 'x',
      advertiser_id: EMULATOR_ADVERTISER_ID,
    });
    expect(state.imageFor('img_mine', EMULATOR_ADVERTISER_ID)?.image_id).toBe('img_mine');
    expect(state.imageFor('img_mine', EMULATOR_SECOND_ADVERTISER_ID)).toBeUndefined();
    expect(state.imageFor('img_gone', EMULATOR_ADVERTISER_ID)).toBeUndefined();
    state.videos.set('vid_mine', {
      video_id: 'vid_mine',
      file_name: 'm.mp4',
      width: 1080,
      height: 1920,
      duration: 5,
      format: 'mp4',
      create_time: 'x',
      advertiser_id: EMULATOR_SECOND_ADVERTISER_ID,
    });
    expect(state.videoFor('vid_mine', EMULATOR_SECOND_ADVERTISER_ID)?.video_id).toBe('vid_mine');
    expect(state.videoFor('vid_mine', EMULATOR_ADVERTISER_ID)).toBeUndefined();
    expect(state.videoFor('vid_summer_1', EMULATOR_FOREIGN_ADVERTISER_ID)?.video_id).toBe(
      'vid_summer_1',
    );
  });
});

describe('counters and ids', () => {
  it('counts calls per endpoint', () => {
    const state = fresh();
    state.countCall('ad/create/');
    state.countCall('ad/create/');
    state.countCall('campaign/get/');
    expect(state.calls).toEqual({ 'ad/create/': 2, 'campaign/get/': 1 });
  });

  it('makes 19-digit ids with a prefix per kind', () => {
    const state = fresh();
    expect(state.ids.campaign.next()).toBe('1800000000000000001');
    expect(state.ids.adgroup.next()).toBe('1700000000000000001');
    expect(state.ids.ad.next()).toBe('1600000000000000001');
  });

  it('gives an advertiser without identities an empty, kept list', () => {
    const state = fresh();
    const list = state.identitiesOf('unknown');
    expect(list).toEqual([]);
    list.push({ identity_id: 'i', identity_type: 'CUSTOMIZED_USER', display_name: 'I' });
    expect(state.identitiesOf('unknown')).toHaveLength(1);
  });
});
