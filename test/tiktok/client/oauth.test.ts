import { OAuthCalls } from '../../../src/tiktok/client/oauth';
import { TikTokTransport } from '../../../src/tiktok/client/transport';
import {
  ALL_SCOPES,
  EMULATOR_ADVERTISER_ID,
  EMULATOR_ADVERTISER_NAME,
  EMULATOR_APP_ID,
  EMULATOR_SECOND_ADVERTISER_ID,
  EMULATOR_SECRET,
} from '../../../src/tiktok/emulator';
import { apiError, useEmulator } from '../helpers';

const h = useEmulator();
const app = { app_id: EMULATOR_APP_ID, secret: EMULATOR_SECRET };

function oauth() {
  const transport = new TikTokTransport({ baseUrl: h.baseUrl, sleep: async () => {} });
  return { calls: new OAuthCalls(transport), transport };
}

// oauth2/access_token/, oauth2/revoke_token/, oauth2/advertiser/get/.
describe('OAuthCalls against the emulator', () => {
  it('exchanges an auth code for the token, advertiser ids and scope ids as numbers', async () => {
    const auth_code = h.emulator.issueAuthCode(60_000, {
      advertiser_ids: [EMULATOR_ADVERTISER_ID, EMULATOR_SECOND_ADVERTISER_ID],
      scope: [...ALL_SCOPES],
    });
    const grant = await oauth().calls.exchangeAuthCode({ ...app, auth_code });
    expect(grant).toEqual({
      access_token: expect.stringMatching(/^emulator-token-/),
      advertiser_ids: [EMULATOR_ADVERTISER_ID, EMULATOR_SECOND_ADVERTISER_ID],
      scope: [...ALL_SCOPES],
    });
  });

  it('tries a used code once: 40110 is an auth error', async () => {
    const auth_code = h.emulator.issueAuthCode();
    await oauth().calls.exchangeAuthCode({ ...app, auth_code });
    const { calls, transport } = oauth();
    const err = await apiError(calls.exchangeAuthCode({ ...app, auth_code }));
    expect([err.tiktok_code, err.code]).toEqual([40110, 'tiktok_auth']);
    expect(transport.calls).toBe(1);
  });

  it('lists the advertisers a token reaches, by name', async () => {
    const access_token = h.emulator.seedToken({ advertiser_ids: [EMULATOR_ADVERTISER_ID] });
    expect(await oauth().calls.listAuthorizedAdvertisers({ ...app, access_token })).toEqual([
      { advertiser_id: EMULATOR_ADVERTISER_ID, advertiser_name: EMULATOR_ADVERTISER_NAME },
    ]);
  });

  it('revokes a token: it answers with the advertisers, and the token stops working', async () => {
    const access_token = h.emulator.seedToken();
    const { calls } = oauth();
    expect(await calls.revokeToken({ ...app, access_token })).toEqual({
      app_id: EMULATOR_APP_ID,
      advertiser_ids: [EMULATOR_ADVERTISER_ID, EMULATOR_SECOND_ADVERTISER_ID],
    });
    const err = await apiError(calls.listAuthorizedAdvertisers({ ...app, access_token }));
    expect(err.tiktok_code).toBe(40105);
  });

  it('passes on a wrong secret as 40101', async () => {
    const err = await apiError(
      oauth().calls.exchangeAuthCode({ ...app, secret: 'wrong', auth_code: 'x' }),
    );
    expect(err.tiktok_code).toBe(40101);
  });
});
