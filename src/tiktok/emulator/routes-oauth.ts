/**
 * OAuth for advertisers: the portal authorization page (approves at once) and the oauth2/
 * endpoints. Source: docs/tiktok-api.md §2.1-§2.4.
 *
 * Our choices: a wrong `app_id` or `secret` answers 40101 (INVALID_PARTNER, "app_id/secret
 * mismatch") rather than 40113; a used, expired or unknown `auth_code` answers 40110.
 * An issued code exchanges for a new token with the code's grant (`EmulatorState.portalGrant`
 * when the portal issued it: by default the first advertiser with all scopes).
 */
import type { Request, Response } from 'express';
import { EmulatorError } from './envelope';
import type { Route } from './route';
import { isHttpUrl, type Params, reqString, requireFields } from './rules';
import type { EmulatorState } from './state';

function checkApp(state: EmulatorState, params: Params): void {
  requireFields(params, ['app_id', 'secret']);
  if (reqString(params, 'app_id') !== state.appId || reqString(params, 'secret') !== state.secret) {
    throw new EmulatorError(40101, 'The app_id or secret is invalid.');
  }
}

const accessToken: Route = {
  method: 'POST',
  auth: false,
  advertiser: false,
  handle({ state, params }) {
    requireFields(params, ['app_id', 'secret', 'auth_code']);
    checkApp(state, params);
    const record = state.authCodes.get(reqString(params, 'auth_code'));
    if (!record || record.used || record.expires_at <= state.now()) {
      throw new EmulatorError(40110, 'Auth code is invalid, expired or has already been used.');
    }
    record.used = true;
    const { advertiser_ids, scope } = record.grant;
    const access_token = state.issueToken({ advertiser_ids, scope });
    return { access_token, advertiser_ids, scope };
  },
};

const revokeToken: Route = {
  method: 'POST',
  auth: false,
  advertiser: false,
  handle({ state, params }) {
    requireFields(params, ['app_id', 'secret', 'access_token']);
    checkApp(state, params);
    const token = state.tokens.get(reqString(params, 'access_token'));
    if (!token || token.revoked) {
      throw new EmulatorError(40105, 'Access token is incorrect or has been revoked');
    }
    token.revoked = true;
    return { app_id: state.appId, advertiser_ids: token.advertiser_ids };
  },
};

const advertiserGet: Route = {
  method: 'GET',
  auth: true,
  advertiser: false,
  scope: 100,
  handle({ state, params, token }) {
    checkApp(state, params);
    const list = (token?.advertiser_ids ?? []).flatMap((id) => {
      const adv = state.advertisers.get(id);
      return adv ? [{ advertiser_id: id, advertiser_name: adv.advertiser_name }] : [];
    });
    return { list };
  },
};

/** The oauth2/ endpoints, by path relative to `/open_api/v1.3/`. */
export const oauthRoutes: Record<string, Route> = {
  'oauth2/access_token/': accessToken,
  'oauth2/revoke_token/': revokeToken,
  'oauth2/advertiser/get/': advertiserGet,
};

/**
 * `GET /portal/auth?app_id&state&redirect_uri`: TikTok's authorization page, approved at once.
 * 302 to `redirect_uri?auth_code=<single-use code, 1 h>&state=<state>`. Unknown app or a
 * redirect_uri that is not http(s) → HTTP 400 page (TikTok shows an error page; wording ours).
 */
export function portalAuth(state: EmulatorState) {
  return (req: Request, res: Response): void => {
    const q = req.query as Record<string, unknown>;
    const appId = typeof q.app_id === 'string' ? q.app_id : '';
    const redirect = typeof q.redirect_uri === 'string' ? q.redirect_uri : '';
    if (appId !== state.appId) {
      res.status(400).type('text/plain').send('Invalid app_id');
      return;
    }
    if (!isHttpUrl(redirect)) {
      res.status(400).type('text/plain').send('Invalid redirect_uri');
      return;
    }
    const target = new URL(redirect);
    target.searchParams.set('auth_code', state.issueAuthCode());
    if (typeof q.state === 'string') target.searchParams.set('state', q.state);
    res.redirect(302, target.toString());
  };
}
