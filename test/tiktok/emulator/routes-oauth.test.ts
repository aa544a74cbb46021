import {
  EMULATOR_ADVERTISER_ID,
  EMULATOR_ADVERTISER_NAME,
  EMULATOR_APP_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
  EMULATOR_SECRET,
} from '../../../src/tiktok/emulator';
import { raw, useEmulator } from '../helpers';

const h = useEmulator();
const app = { app_id: EMULATOR_APP_ID, secret: EMULATOR_SECRET };

describe('oauth2/access_token/', () => {
  it("exchanges a code for a token carrying the code's grant", async () => {
    const auth_code = h.emulator.issueAuthCode(60_000, {
      advertiser_ids: [EMULATOR_SECOND_ADVERTISER_ID],
      scope: [4],
    });
    const r = await raw(h.baseUrl, 'POST', 'oauth2/access_token/', { body: { ...app, auth_code } });
    expect(r.json.code).toBe(0);
    expect(r.json.data).toMatchObject({
      advertiser_ids: [EMULATOR_SECOND_ADVERTISER_ID],
      scope: [4],
    });
    const token = h.emulator.state.tokens.get(String(r.json.data.access_token));
    expect(token?.advertiser_ids).toEqual([EMULATOR_SECOND_ADVERTISER_ID]);
  });

  it.each([
    [{ app_id: EMULATOR_APP_ID, auth_code: 'x' }, 40002, 'Missing required field(s): secret.'],
    [
      { ...app, auth_code: 'never-issued' },
      40110,
      'Auth code is invalid, expired or has already been used.',
    ],
    [{ ...app, secret: 'wrong', auth_code: 'x' }, 40101, 'The app_id or secret is invalid.'],
  ])('refuses %j', async (body, code, message) => {
    const r = await raw(h.baseUrl, 'POST', 'oauth2/access_token/', { body });
    expect(r.json).toMatchObject({ code, message });
  });
});

describe('oauth2/revoke_token/', () => {
  it('revokes once; a second revoke answers 40105', async () => {
    const access_token = h.emulator.seedToken();
    const first = await raw(h.baseUrl, 'POST', 'oauth2/revoke_token/', {
      body: { ...app, access_token },
    });
    expect(first.json).toMatchObject({
      code: 0,
      data: {
        app_id: EMULATOR_APP_ID,
        advertiser_ids: [EMULATOR_ADVERTISER_ID, EMULATOR_SECOND_ADVERTISER_ID],
      },
    });
    const second = await raw(h.baseUrl, 'POST', 'oauth2/revoke_token/', {
      body: { ...app, access_token },
    });
    expect(second.json).toMatchObject({
      code: 40105,
      message: 'Access token is incorrect or has been revoked',
    });
  });
});

describe('oauth2/advertiser/get/', () => {
  it('lists the advertisers the token reaches, with their names', async () => {
    const token = h.emulator.seedToken({ advertiser_ids: [EMULATOR_ADVERTISER_ID] });
    const r = await raw(h.baseUrl, 'GET', 'oauth2/advertiser/get/', { token, query: app });
    expect(r.json.data).toEqual({
      list: [{ advertiser_id: EMULATOR_ADVERTISER_ID, advertiser_name: EMULATOR_ADVERTISER_NAME }],
    });
  });

  it('needs the app credentials too', async () => {
    const token = h.emulator.seedToken();
    const r = await raw(h.baseUrl, 'GET', 'oauth2/advertiser/get/', {
      token,
      query: { app_id: EMULATOR_APP_ID, secret: 'nope' },
    });
    expect(r.json).toMatchObject({ code: 40101, message: 'The app_id or secret is invalid.' });
  });
});

describe('GET /portal/auth', () => {
  const portal = (query: Record<string, string>) => {
    const url = new URL(`${h.baseUrl}/portal/auth`);
    for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
    return fetch(url, { redirect: 'manual' });
  };

  it('redirects without a state when none was given; the code is single use and lasts 1 h', async () => {
    const res = await portal({ app_id: EMULATOR_APP_ID, redirect_uri: 'https://bot.example/cb' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.has('state')).toBe(false);
    const code = h.emulator.state.authCodes.get(location.searchParams.get('auth_code') ?? '');
    expect(code?.used).toBe(false);
    expect((code?.expires_at ?? 0) - Date.now()).toBeGreaterThan(3_590_000);
  });

  it.each([
    [{ app_id: EMULATOR_APP_ID, redirect_uri: 'javascript:alert(1)' }, 'Invalid redirect_uri'],
    [{ app_id: EMULATOR_APP_ID }, 'Invalid redirect_uri'],
    [{ app_id: 'other', redirect_uri: 'https://bot.example/cb' }, 'Invalid app_id'],
  ])('answers an HTTP 400 page for %j', async (query, text) => {
    const res = await portal(query);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(text);
  });
});
