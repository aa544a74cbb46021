// Identity calls (IdentityCalls): listing and creating the CUSTOMIZED_USER identities an ad
// is posted as.
import type { IdentityInfo, TikTokAuth } from '../ads-api';
import { asList, str } from './parse';
import type { TikTokTransport } from './transport';

/** Identities: identity/get/ and identity/create/. */
export class IdentityCalls {
  constructor(private readonly api: TikTokTransport) {}

  /** GET identity/get/ with `identity_type=CUSTOMIZED_USER` → `data.identity_list[]`. */
  async listIdentities(auth: TikTokAuth): Promise<IdentityInfo[]> {
    const data = await this.api.get<{ identity_list?: unknown }>(auth, 'identity/get/', {
      identity_type: 'CUSTOMIZED_USER',
      page: 1,
      page_size: 100,
    });
    return asList(data.identity_list).map((row) => ({
      identity_id: str(row.identity_id),
      display_name: str(row.display_name),
    }));
  }

  /**
   * POST identity/create/ `{display_name, image_uri}` → `data.identity_id`. The official SDK
   * marks all three of `advertiser_id`, `display_name` (≤ 100 chars) and `image_uri` (avatar
   * `image_id`, 1:1) required (tiktok-business-api-sdk js_sdk/docs/IdentityCreateBody.md); the Go
   * SDK calls `image_uri` optional with a default avatar (bububa/tiktok-business
   * model/identity/create.go). Sent whenever given.
   */
  async createIdentity(
    auth: TikTokAuth,
    display_name: string,
    image_uri?: string,
  ): Promise<IdentityInfo> {
    const data = await this.api.post<{ identity_id?: unknown }>(auth, 'identity/create/', {
      display_name,
      ...(image_uri === undefined ? {} : { image_uri }),
    });
    return { identity_id: str(data.identity_id), display_name };
  }
}
