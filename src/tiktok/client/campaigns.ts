// Campaigns, ad groups and ads (CampaignCalls): creating them, finding them by name, their
// status and budget updates, and listing an ad group's ads. Source: docs/tiktok-api.md §5-§6, §10.
import type {
  AdGroupSummary,
  AdSummary,
  CampaignSummary,
  ObjectLevel,
  OperationStatus,
  TikTokAuth,
} from '../ads-api';
import { asList, str, type Tracked, tracked } from './parse';
import type { TikTokTransport } from './transport';

/** Campaign, ad group and ad objects: create, get, status/update, update. */
export class CampaignCalls {
  constructor(private readonly api: TikTokTransport) {}

  /** POST campaign/create/ (advertiser_id added) → `data.campaign_id`. docs/tiktok-api.md §5. */
  async createCampaign(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ campaign_id: string } & Tracked> {
    const r = await this.api.postTracked<{ campaign_id?: unknown }>(auth, 'campaign/create/', body);
    return tracked({ campaign_id: str(r.data.campaign_id) }, r.request_id);
  }

  /** POST adgroup/create/ (advertiser_id added) → `data.adgroup_id`. docs/tiktok-api.md §6. */
  async createAdGroup(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ adgroup_id: string } & Tracked> {
    const r = await this.api.postTracked<{ adgroup_id?: unknown }>(auth, 'adgroup/create/', body);
    return tracked({ adgroup_id: str(r.data.adgroup_id) }, r.request_id);
  }

  /**
   * POST ad/create/ (advertiser_id added) → `data.ad_ids`. No idempotency key, so it is sent
   * once and never retried here (docs/tiktok-api.md §10): a resend after a lost reply would make a
   * second ad. The caller looks the ad up by name first.
   */
  async createAd(
    auth: TikTokAuth,
    body: Record<string, unknown>,
  ): Promise<{ ad_ids: string[] } & Tracked> {
    const r = await this.api.postTracked<{ ad_ids?: unknown }>(auth, 'ad/create/', body, false);
    const ad_ids = Array.isArray(r.data.ad_ids) ? r.data.ad_ids.map(String) : [];
    return tracked({ ad_ids }, r.request_id);
  }

  /**
   * GET campaign/get/ with `filtering={"campaign_name":…}` (TikTok matches loosely), keeping
   * exact matches only. Deleted campaigns are not listed. docs/tiktok-api.md §10.
   */
  async findCampaigns(auth: TikTokAuth, campaign_name: string): Promise<CampaignSummary[]> {
    const data = await this.api.get<{ list?: unknown }>(auth, 'campaign/get/', {
      filtering: { campaign_name },
      page: 1,
      page_size: 100,
    });
    return asList(data.list)
      .filter((row) => row.campaign_name === campaign_name)
      .map((row) => ({
        campaign_id: str(row.campaign_id),
        campaign_name: str(row.campaign_name),
        operation_status: str(row.operation_status),
        ...optionalText(row, 'objective_type'),
        ...optionalText(row, 'budget_mode'),
        ...optionalText(row, 'create_time'),
        ...(typeof row.budget_optimize_on === 'boolean'
          ? { budget_optimize_on: row.budget_optimize_on }
          : {}),
      }));
  }

  /**
   * GET adgroup/get/ with `filtering={"campaign_ids":[…],"adgroup_name":…}` (either left out
   * when not given), exact name matches; an empty name keeps every ad group listed.
   */
  async findAdGroups(
    auth: TikTokAuth,
    campaign_id: string | undefined,
    adgroup_name: string,
  ): Promise<AdGroupSummary[]> {
    const data = await this.api.get<{ list?: unknown }>(auth, 'adgroup/get/', {
      filtering: {
        ...(campaign_id === undefined ? {} : { campaign_ids: [campaign_id] }),
        ...(adgroup_name === '' ? {} : { adgroup_name }),
      },
      page: 1,
      page_size: 100,
    });
    return asList(data.list)
      .filter((row) => adgroup_name === '' || row.adgroup_name === adgroup_name)
      .map((row) => ({
        adgroup_id: str(row.adgroup_id),
        adgroup_name: str(row.adgroup_name),
        campaign_id: str(row.campaign_id),
        operation_status: str(row.operation_status),
      }));
  }

  /**
   * POST campaign/status/update/ `{campaign_ids, operation_status}` (likewise adgroup/, ad/).
   * ENABLE | DISABLE | DELETE. Source: TikTok "Update the status of campaigns / ad groups / ads".
   */
  async updateStatus(
    auth: TikTokAuth,
    level: ObjectLevel,
    ids: string[],
    operation_status: OperationStatus,
  ): Promise<Tracked> {
    const r = await this.api.postTracked(auth, `${level}/status/update/`, {
      [`${level}_ids`]: ids,
      operation_status,
    });
    return tracked({}, r.request_id);
  }

  /** POST adgroup/update/ `{adgroup_id, budget}`. Source: TikTok "Update an ad group". */
  async updateAdGroupBudget(auth: TikTokAuth, adgroup_id: string, budget: number): Promise<void> {
    await this.api.post(auth, 'adgroup/update/', { adgroup_id, budget });
  }

  /** GET ad/get/ with `filtering={"adgroup_ids":[id]}` (first 100). docs/tiktok-api.md §10. */
  async listAds(auth: TikTokAuth, adgroup_id: string): Promise<AdSummary[]> {
    const data = await this.api.get<{ list?: unknown }>(auth, 'ad/get/', {
      filtering: { adgroup_ids: [adgroup_id] },
      page: 1,
      page_size: 100,
    });
    return asList(data.list).map((row) => ({
      ad_id: str(row.ad_id),
      ad_name: str(row.ad_name),
      adgroup_id: str(row.adgroup_id),
      operation_status: str(row.operation_status),
    }));
  }
}

/** `{ [field]: value }` when `row[field]` is a non-empty string, else `{}`. */
function optionalText(row: Record<string, unknown>, field: string): Record<string, string> {
  const value = row[field];
  return typeof value === 'string' && value !== '' ? { [field]: value } : {};
}
