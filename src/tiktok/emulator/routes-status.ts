/**
 * campaign/, adgroup/ and ad/status/update/ (ENABLE | DISABLE | DELETE) and adgroup/update/
 * (budget only), so the bot can create everything disabled, switch it on last, and clean up or
 * reuse what a failed submission left.
 *
 * Source: TikTok "Update the status of campaigns" (`campaign_ids`, `operation_status`),
 * "Update the status of ad groups" (`adgroup_ids`), "Update the statuses of ads" (`ad_ids`),
 * "Update an ad group" (`adgroup_id`, `budget`). A deleted campaign takes its ad groups and ads
 * with it (TikTok Ads Manager behaviour); a deleted object cannot be switched on again. Response
 * shapes `{campaign_ids}` / `{adgroup_ids}` / `{ad_ids}` follow the SDK models.
 */
import { EmulatorError, paramError, tiktokTime } from './envelope';
import { CURRENCY_RATIO } from './fixtures';
import type { Route, RouteContext } from './route';
import { checkEnum, notExist, optNumber, reqString, requireFields } from './rules';
import type { ApiObject, EmulatorState } from './state';

const STATUSES = ['ENABLE', 'DISABLE', 'DELETE'] as const;
type Status = (typeof STATUSES)[number];

type Level = 'campaign' | 'adgroup' | 'ad';

const SECONDARY: Record<Level, Record<Status, string>> = {
  campaign: {
    ENABLE: 'CAMPAIGN_STATUS_ENABLE',
    DISABLE: 'CAMPAIGN_STATUS_DISABLE',
    DELETE: 'CAMPAIGN_STATUS_DELETE',
  },
  adgroup: {
    ENABLE: 'ADGROUP_STATUS_DELIVERY_OK',
    DISABLE: 'ADGROUP_STATUS_DISABLE',
    DELETE: 'ADGROUP_STATUS_DELETE',
  },
  ad: {
    ENABLE: 'AD_STATUS_DELIVERY_OK',
    DISABLE: 'AD_STATUS_DISABLE',
    DELETE: 'AD_STATUS_DELETE',
  },
};

function mapOf(state: EmulatorState, level: Level): Map<string, ApiObject> {
  return level === 'campaign' ? state.campaigns : level === 'adgroup' ? state.adgroups : state.ads;
}

function setStatus(state: EmulatorState, level: Level, obj: ApiObject, status: Status): void {
  obj.operation_status = status;
  obj.secondary_status = SECONDARY[level][status];
  obj.modify_time = tiktokTime(state.now());
}

function statusRoute(level: Level, scope: number): Route {
  const idsField = `${level}_ids`;
  return {
    method: 'POST',
    auth: true,
    advertiser: true,
    scope,
    handle(ctx: RouteContext) {
      const { state, params } = ctx;
      const advertiser_id = ctx.advertiser?.advertiser_id ?? '';
      requireFields(params, [idsField, 'operation_status']);
      const ids = params[idsField];
      if (!Array.isArray(ids) || ids.length === 0 || ids.length > 100) {
        paramError(`${idsField}: must be an array of 1 to 100 ids.`);
      }
      const status = checkEnum(
        reqString(params, 'operation_status'),
        STATUSES,
        'operation_status',
      ) as Status;
      const map = mapOf(state, level);
      const objects = ids.map((raw) => {
        const id = String(raw);
        const obj = map.get(id);
        if (!obj || obj.advertiser_id !== advertiser_id) notExist(`${level}_id`, id);
        if (obj.operation_status === 'DELETE' && status !== 'DELETE') {
          throw new EmulatorError(40002, `${level}_id ${id} has been deleted.`);
        }
        return obj;
      });
      for (const obj of objects) {
        setStatus(state, level, obj, status);
        if (status !== 'DELETE') continue;
        // Deleting a parent deletes what hangs under it.
        const idKey = `${level}_id`;
        if (level !== 'ad') {
          for (const ad of state.ads.values())
            if (ad[idKey] === obj[idKey]) setStatus(state, 'ad', ad, 'DELETE');
        }
        if (level === 'campaign') {
          for (const g of state.adgroups.values())
            if (g.campaign_id === obj.campaign_id) setStatus(state, 'adgroup', g, 'DELETE');
        }
      }
      return { [idsField]: objects.map((o) => o[`${level}_id`]) };
    },
  };
}

/** adgroup/update/: changes the budget of an existing, not deleted ad group. */
const updateAdGroup: Route = {
  method: 'POST',
  auth: true,
  advertiser: true,
  scope: 211,
  handle(ctx) {
    const { state, params } = ctx;
    requireFields(params, ['adgroup_id']);
    const adgroup_id = reqString(params, 'adgroup_id');
    const adgroup = state.adgroups.get(adgroup_id);
    if (!adgroup || adgroup.advertiser_id !== ctx.advertiser?.advertiser_id) {
      notExist('adgroup_id', adgroup_id);
    }
    if (adgroup.operation_status === 'DELETE') {
      throw new EmulatorError(40002, `adgroup_id ${adgroup_id} has been deleted.`);
    }
    const budget = optNumber(params, 'budget');
    if (budget !== undefined) {
      const currency = ctx.advertiser?.currency ?? 'USD';
      const ratio = CURRENCY_RATIO[currency] ?? 1;
      if (adgroup.budget_mode === 'BUDGET_MODE_DAY' && budget < 20 * ratio) {
        paramError(`budget: the daily budget must be at least ${20 * ratio} ${currency}.`);
      }
      adgroup.budget = budget;
    }
    adgroup.modify_time = tiktokTime(state.now());
    return adgroup;
  },
};

/** The status and update endpoints, by path relative to `/open_api/v1.3/`. */
export const statusRoutes: Record<string, Route> = {
  'campaign/status/update/': statusRoute('campaign', 201),
  'adgroup/status/update/': statusRoute('adgroup', 211),
  'ad/status/update/': statusRoute('ad', 221),
  'adgroup/update/': updateAdGroup,
};
