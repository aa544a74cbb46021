// The OAuth calls of an advertiser authorization (OAuthCalls): exchanging the auth code,
// revoking a token, listing the advertisers a token reaches. Source: docs/tiktok-api.md §2.3-§2.4.
import { asList, num, str } from './parse';
import type { TikTokTransport } from './transport';

/** The developer app's credentials (TikTok "App ID" and "Secret"). Never logged. */
export interface AppCredentials {
  app_id: string;
  secret: string;
}

/**
 * What `oauth2/access_token/` returns for an advertiser authorization: a long-term token (no
 * expiry, no refresh token), the advertisers it reaches, and the numeric scope ids granted.
 * Source: docs/tiktok-api.md §2.3.
 */
export interface AccessTokenGrant {
  access_token: string;
  advertiser_ids: string[];
  scope: number[];
}

/** One row of `oauth2/advertiser/get/`. */
export interface AuthorizedAdvertiser {
  advertiser_id: string;
  advertiser_name: string;
}

/** OAuth calls: app credentials in the body or query, never logged. */
export class OAuthCalls {
  constructor(private readonly api: TikTokTransport) {}

  /**
   * Exchanges the `auth_code` from the authorization redirect for a long-term advertiser token.
   * POST oauth2/access_token/ `{app_id, secret, auth_code}` (no Access-Token header).
   * Errors: 40110 code used/expired, 40101 bad app/secret. Source: docs/tiktok-api.md §2.3.
   */
  async exchangeAuthCode(input: AppCredentials & { auth_code: string }): Promise<AccessTokenGrant> {
    const data = await this.api.send<Record<string, unknown>>({
      method: 'POST',
      endpoint: 'oauth2/access_token/',
      body: { app_id: input.app_id, secret: input.secret, auth_code: input.auth_code },
    });
    return {
      access_token: str(data.access_token),
      advertiser_ids: Array.isArray(data.advertiser_ids) ? data.advertiser_ids.map(String) : [],
      scope: Array.isArray(data.scope) ? data.scope.map(num) : [],
    };
  }

  /**
   * Revokes an advertiser token. POST oauth2/revoke_token/ `{app_id, secret, access_token}`;
   * returns the advertisers the token can no longer reach. Source: docs/tiktok-api.md §2.4.
   */
  async revokeToken(
    input: AppCredentials & { access_token: string },
  ): Promise<{ app_id: string; advertiser_ids: string[] }> {
    const data = await this.api.send<Record<string, unknown>>({
      method: 'POST',
      endpoint: 'oauth2/revoke_token/',
      body: { app_id: input.app_id, secret: input.secret, access_token: input.access_token },
    });
    return {
      app_id: str(data.app_id),
      advertiser_ids: Array.isArray(data.advertiser_ids) ? data.advertiser_ids.map(String) : [],
    };
  }

  /**
   * Lists the advertisers a token reaches. GET oauth2/advertiser/get/?app_id&secret with the
   * Access-Token header (the secret travels in the query: TikTok's design). Source:
   * docs/tiktok-api.md §2.4.
   */
  async listAuthorizedAdvertisers(
    input: AppCredentials & { access_token: string },
  ): Promise<AuthorizedAdvertiser[]> {
    const data = await this.api.send<{ list?: unknown }>({
      method: 'GET',
      endpoint: 'oauth2/advertiser/get/',
      access_token: input.access_token,
      query: { app_id: input.app_id, secret: input.secret },
    });
    return asList(data.list).map((row) => ({
      advertiser_id: str(row.advertiser_id),
      advertiser_name: str(row.advertiser_name),
    }));
  }
}
