import {
  ALL_SCOPES,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_ADVERTISER_NAME,
  EMULATOR_APP_ID,
  EMULATOR_SECRET,
} from '../../src/tiktok/emulator';
import { apiError, useEmulator } from './helpers';

let clock = Date.parse('2026-06-01T00:00:00Z');
const h = useEmulator({ now: () => clock });
const app = { app_id: EMULATOR_APP_ID, secret: EMULATOR_SECRET };

async function authorize(state: string): Promise<URL> {
  const url = new URL(`${h.baseUrl}/portal/auth`);
  url.searchParams.set('app_id', EMULATOR_APP_ID);
  url.searchParams.set('state', state);
  url.searchParams.set('redirect_uri', 'http://localhost:3000/tiktok/callback?x=1');
  const res = await fetch(url, { redirect: 'manual' });
  expect(res.status).toBe(302);
  return new URL(res.headers.get('location') ?? '');
}

describe('portal auth + oauth2', () => {
  it('redirects to redirect_uri with auth_code and state, and the code exchanges once', async () => {
    const location = await authorize('st-123');
    expect(location.origin + location.pathname).toBe('http://localhost:3000/tiktok/callback');
    expect(location.searchParams.get('x')).toBe('1');
    expect(location.searchParams.get('state')).toBe('st-123');
    const auth_code = location.searchParams.get('auth_code') ?? '';
    expect(auth_code).not.toBe('');

    const grant = await h.client.exchangeAuthCode({ ...app, auth_code });
    expect(grant.advertiser_ids).toEqual([EMULATOR_ADVERTISER_ID]);
    expect(grant.scope).toEqual([...ALL_SCOPES]);
    expect(grant.access_token).not.toBe('');

    // The new token works.
    const images = await h.client.listImages({
      access_token: grant.access_token,
      advertiser_id: EMULATOR_ADVERTISER_ID,
    });
    expect(images.length).toBeGreaterThan(0);

    // Reuse → 40110, an auth error, tried once.
    const client = h.newClient();
    const err = await apiError(client.exchangeAuthCode({ ...app, auth_code }));
    expect(err.tiktok_code).toBe(40110);
    expect(err.code).toBe('tiktok_auth');
    expect(client.calls).toBe(1);
  });

  it('an auth code older than 1 hour → 40110', async () => {
    const location = await authorize('st-old');
    const auth_code = location.searchParams.get('auth_code') ?? '';
    clock += 3_600_001;
    const err = await apiError(h.client.exchangeAuthCode({ ...app, auth_code }));
    expect(err.tiktok_code).toBe(40110);
  });

  it('bad secret or app_id → 40101 (validation)', async () => {
    const auth_code = h.emulator.issueAuthCode();
    const err = await apiError(h.client.exchangeAuthCode({ ...app, secret: 'wrong', auth_code }));
    expect(err.tiktok_code).toBe(40101);
    expect(err.code).toBe('tiktok_invalid_request');
    const err2 = await apiError(h.client.exchangeAuthCode({ ...app, app_id: 'other', auth_code }));
    expect(err2.tiktok_code).toBe(40101);
    // The code was not consumed by the failed attempts.
    await expect(h.client.exchangeAuthCode({ ...app, auth_code })).resolves.toHaveProperty(
      'access_token',
    );
  });

  it('portal rejects an unknown app_id with an HTTP 400 page', async () => {
    const res = await fetch(
      `${h.baseUrl}/portal/auth?app_id=nope&state=s&redirect_uri=${encodeURIComponent('http://localhost/cb')}`,
      { redirect: 'manual' },
    );
    expect(res.status).toBe(400);
  });

  it('lists authorized advertisers, and revoke makes the token fail with 40105', async () => {
    const grant = await h.client.exchangeAuthCode({
      ...app,
      auth_code: h.emulator.issueAuthCode(),
    });
    const list = await h.client.listAuthorizedAdvertisers({
      ...app,
      access_token: grant.access_token,
    });
    expect(list).toEqual([
      { advertiser_id: EMULATOR_ADVERTISER_ID, advertiser_name: EMULATOR_ADVERTISER_NAME },
    ]);

    const revoked = await h.client.revokeToken({ ...app, access_token: grant.access_token });
    expect(revoked).toEqual({ app_id: EMULATOR_APP_ID, advertiser_ids: [EMULATOR_ADVERTISER_ID] });
    const err = await apiError(
      h.client.listImages({
        access_token: grant.access_token,
        advertiser_id: EMULATOR_ADVERTISER_ID,
      }),
    );
    expect(err.tiktok_code).toBe(40105);
  });
});
