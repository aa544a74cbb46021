import {
  EMULATOR_ACCESS_TOKEN,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_FOREIGN_ADVERTISER_ID,
  IMAGES,
} from '../../src/tiktok/emulator';
import { AUTH, apiError, raw, useEmulator } from './helpers';

const h = useEmulator();
const adv = { advertiser_id: EMULATOR_ADVERTISER_ID };

describe('emulator transport', () => {
  it('answers HTTP 200 with {code:0, message, request_id, data} on success', async () => {
    const res = await raw(h.baseUrl, 'GET', 'campaign/get/', {
      token: EMULATOR_ACCESS_TOKEN,
      query: adv,
    });
    expect(res.status).toBe(200);
    expect(res.json.code).toBe(0);
    expect(res.json.message).toBe('OK');
    expect(res.json.request_id).toMatch(/^\d{20}$/);
    expect(res.json.data).toHaveProperty('page_info');
  });

  it('gives every call a different request_id', async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const res = await raw(h.baseUrl, 'GET', 'campaign/get/', { query: adv });
      ids.add(res.json.request_id);
    }
    expect(ids.size).toBe(5);
  });

  it('answers an unknown route and a missing trailing slash with a non-envelope HTTP 404', async () => {
    for (const path of ['campaign/nope/', 'campaign/get']) {
      const res = await raw(h.baseUrl, 'GET', path, { token: EMULATOR_ACCESS_TOKEN, query: adv });
      expect(res.status).toBe(404);
      expect(res.text).toBe('page not found');
    }
  });

  it('answers a wrong method with HTTP 405', async () => {
    const res = await raw(h.baseUrl, 'PUT', 'campaign/create/', {
      token: EMULATOR_ACCESS_TOKEN,
      body: {},
    });
    expect(res.status).toBe(405);
    const get = await raw(h.baseUrl, 'GET', 'campaign/create/', { token: EMULATOR_ACCESS_TOKEN });
    expect(get.status).toBe(405);
  });

  it('the client turns a 404 page into a non-retried validation error with code -1', async () => {
    const client = h.newClient({ baseUrl: `${h.baseUrl}/wrong-prefix` });
    const err = await apiError(client.listImages(AUTH));
    expect(err.tiktok_code).toBe(-1);
    expect(err.http_status).toBe(404);
    expect(err.code).toBe('tiktok_invalid_request');
    expect(client.calls).toBe(1);
  });

  it('the client reports an unreachable host as a transient -1 error after bounded retries', async () => {
    const closed = h.newClient({
      baseUrl: 'http://127.0.0.1:9',
      retry: { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const err = await apiError(closed.listImages(AUTH));
    expect(err.tiktok_code).toBe(-1);
    expect(err.http_status).toBe(0);
    expect(err.code).toBe('tiktok_transient');
    expect(closed.calls).toBe(2);
  });
});

describe('emulator Access-Token and advertiser checks', () => {
  it("missing header → 40104 with TikTok's message and data {}", async () => {
    const res = await raw(h.baseUrl, 'GET', 'campaign/get/', { query: adv });
    expect(res.status).toBe(200);
    expect(res.json.code).toBe(40104);
    expect(res.json.message).toBe(
      'Access token is null, you should set it in http header with key Access-Token.',
    );
    expect(res.json.data).toEqual({});
  });

  it('unknown token and a Bearer-prefixed token → 40105', async () => {
    for (const token of ['not-a-token', `Bearer ${EMULATOR_ACCESS_TOKEN}`]) {
      const res = await raw(h.baseUrl, 'GET', 'campaign/get/', { token, query: adv });
      expect(res.json.code).toBe(40105);
      expect(res.json.message).toBe('Access token is incorrect or has been revoked');
    }
  });

  it('the client classifies 40104/40105 as auth and does not retry them', async () => {
    const client = h.newClient();
    const err = await apiError(client.listImages({ ...AUTH, access_token: 'nope' }));
    expect(err.tiktok_code).toBe(40105);
    expect(err.code).toBe('tiktok_auth');
    expect(err.request_id).toMatch(/^\d{20}$/);
    expect(client.calls).toBe(1);
    const empty = await apiError(client.listImages({ ...AUTH, access_token: '' }));
    expect(empty.tiktok_code).toBe(40104);
  });

  it('advertiser not reachable by the token → 40106; unknown advertiser → 40300', async () => {
    const foreign = await apiError(
      h.client.listImages({ ...AUTH, advertiser_id: EMULATOR_FOREIGN_ADVERTISER_ID }),
    );
    expect(foreign.tiktok_code).toBe(40106);
    expect(foreign.code).toBe('tiktok_auth');
    const unknown = await apiError(
      h.client.listImages({ ...AUTH, advertiser_id: '7999999999999999999' }),
    );
    expect(unknown.tiktok_code).toBe(40300);
    expect(unknown.code).toBe('tiktok_permission');
  });

  it("a token lacking the route's scope → 40001 naming path and method", async () => {
    const token = h.emulator.seedToken({ scope: [1, 2] }); // no creative management (6)
    const err = await apiError(h.client.listVideos({ ...AUTH, access_token: token }));
    expect(err.tiktok_code).toBe(40001);
    expect(err.tiktok_message).toBe(
      'advertiser does not grant you /open_api/v1.3/file/video/ad/search/:GET permission',
    );
    expect(err.code).toBe('tiktok_permission');
    // Scope 2 (Ads Management) implies campaign create (201).
    await expect(
      h.client.createCampaign(
        { ...AUTH, access_token: token },
        {
          campaign_name: 'Scoped',
          objective_type: 'TRAFFIC',
          budget_mode: 'BUDGET_MODE_INFINITE',
          budget_optimize_on: false,
        },
      ),
    ).resolves.toHaveProperty('campaign_id');
  });

  it('a revoked token → 40105 afterwards', async () => {
    const token = h.emulator.seedToken();
    await expect(h.client.listImages({ ...AUTH, access_token: token })).resolves.toHaveLength(
      IMAGES.length,
    );
    h.emulator.revokeToken(token);
    const err = await apiError(h.client.listImages({ ...AUTH, access_token: token }));
    expect(err.tiktok_code).toBe(40105);
  });

  it('GET values holding JSON must be valid JSON', async () => {
    const res = await raw(h.baseUrl, 'GET', 'ad/get/', {
      token: EMULATOR_ACCESS_TOKEN,
      query: { ...adv, filtering: '{"adgroup_ids":[' },
    });
    expect(res.json.code).toBe(40002);
    expect(res.json.message).toContain('filtering');
  });
});
