/**
 * campaign/, adgroup/ and ad/ create + get. create/ returns the full object like TikTok;
 * campaign/create/ and adgroup/create/ honour the body `request_id` per advertiser.
 *
 * Idempotency (TikTok's behaviour is UNCONFIRMED, docs/tiktok-api.md §10): by default a repeated
 * `request_id` returns the SAME object the first call created, with code 0; with
 * `state.duplicateMode = '40050'` it answers 40050 DUPLICATED_REQUEST instead. The key is
 * remembered for the emulator's lifetime, or `state.requestIdTtlMs`. A `request_id` also
 * allows duplicate names (as documented); without one, `state.uniqueNamesWithoutRequestId`
 * makes a taken name a 40002.
 *
 * get/ endpoints filter by ids and by name (`campaign_name`, `adgroup_name`, `ad_name`: a
 * substring match, TikTok's is fuzzy) and leave deleted objects out, as TikTok's default
 * status filter does.
 */
import { EmulatorError, tiktokTime } from './envelope';
import type { AdvertiserFixture } from './fixtures';
import { filteringOf, idFilter, paginate, type Route, type RouteContext } from './route';
import { notExist, type Params, reqString, requireFields } from './rules';
import type { ApiObject, EmulatorState } from './state';
import { validateCreative } from './validate-ad';
import { validateAdGroup } from './validate-adgroup';
import { validateCampaign } from './validate-campaign';

/**
 * Max creatives per ad/create/ request (20: SDK + bububa `creatives`) and ads per ad group (20:
 * older SDK text, overflow → 40502 AD_NUMBER_LIMIT in tiktok_code.py), docs/tiktok-api.md §7.
 */
const MAX_CREATIVES = 20;
const MAX_ADS_PER_ADGROUP = 20;

function advertiserOf(ctx: RouteContext): AdvertiserFixture {
  if (!ctx.advertiser) throw new Error('route needs an advertiser');
  return ctx.advertiser;
}

function idempotent(
  state: EmulatorState,
  advertiser_id: string,
  endpoint: string,
  body: Params,
  create: () => ApiObject,
): ApiObject {
  const key =
    typeof body.request_id === 'string' ? `${advertiser_id}|${endpoint}|${body.request_id}` : '';
  const seen = key ? state.idempotency.get(key) : undefined;
  const ttl = state.requestIdTtlMs;
  const previous = seen && (ttl === undefined || state.now() - seen.at < ttl) ? seen : undefined;
  if (previous && state.duplicateMode === '40050') {
    throw new EmulatorError(40050, 'Duplicated requests have been sent.');
  }
  if (previous) return previous.object;
  const created = create();
  if (key) state.idempotency.set(key, { object: created, at: state.now() });
  return created;
}

/**
 * 40002 when `name` is taken by a live object of the advertiser and the body has no
 * `request_id` (only with `state.uniqueNamesWithoutRequestId`; UNCONFIRMED, see there).
 */
function checkNameFree(
  state: EmulatorState,
  map: Map<string, ApiObject>,
  advertiser_id: string,
  body: Params,
  field: 'campaign_name' | 'adgroup_name',
): void {
  if (!state.uniqueNamesWithoutRequestId || typeof body.request_id === 'string') return;
  const taken = [...map.values()].some(
    (o) =>
      o.advertiser_id === advertiser_id &&
      o.operation_status !== 'DELETE' &&
      o[field] === body[field],
  );
  if (taken) {
    throw new EmulatorError(
      40002,
      `${field}: the name is already in use; send a request_id to allow duplicate names.`,
    );
  }
}

function ownedBy(map: Map<string, ApiObject>, id: string, advertiser_id: string) {
  const obj = map.get(id);
  return obj && obj.advertiser_id === advertiser_id ? obj : undefined;
}

function listOwned(
  map: Map<string, ApiObject>,
  advertiser_id: string,
  filters: [string, Set<string> | undefined][],
) {
  return [...map.values()].filter(
    (obj) =>
      obj.advertiser_id === advertiser_id &&
      filters.every(([field, set]) => !set || set.has(String(obj[field]))),
  );
}

const createCampaign: Route = {
  method: 'POST',
  auth: true,
  advertiser: true,
  scope: 201,
  handle(ctx) {
    const adv = advertiserOf(ctx);
    const input = validateCampaign(ctx.params, adv.currency);
    checkNameFree(ctx.state, ctx.state.campaigns, adv.advertiser_id, ctx.params, 'campaign_name');
    return idempotent(ctx.state, adv.advertiser_id, 'campaign/create/', ctx.params, () => {
      const now = tiktokTime(ctx.state.now());
      const campaign: ApiObject = {
        campaign_id: ctx.state.ids.campaign.next(),
        advertiser_id: adv.advertiser_id,
        campaign_name: input.campaign_name,
        objective_type: input.objective_type,
        objective: 'LANDING_PAGE',
        campaign_type: 'REGULAR_CAMPAIGN',
        budget_mode: input.budget_mode,
        budget: input.budget,
        budget_optimize_on: input.budget_optimize_on,
        operation_status: input.operation_status,
        secondary_status:
          input.operation_status === 'ENABLE'
            ? 'CAMPAIGN_STATUS_ENABLE'
            : 'CAMPAIGN_STATUS_DISABLE',
        is_new_structure: true,
        is_smart_performance_campaign: false,
        deep_bid_type: null,
        roas_bid: 0,
        create_time: now,
        modify_time: now,
      };
      ctx.state.campaigns.set(campaign.campaign_id as string, campaign);
      return campaign;
    });
  },
};

const createAdGroup: Route = {
  method: 'POST',
  auth: true,
  advertiser: true,
  scope: 211,
  handle(ctx) {
    const adv = advertiserOf(ctx);
    const { state, params } = ctx;
    requireFields(params, ['campaign_id']);
    const found = ownedBy(state.campaigns, reqString(params, 'campaign_id'), adv.advertiser_id);
    const campaign = found?.operation_status === 'DELETE' ? undefined : found;
    const fields = validateAdGroup(params, {
      campaign: campaign && {
        objective_type: String(campaign.objective_type),
        budget_optimize_on: campaign.budget_optimize_on === true,
      },
      currency: adv.currency,
      pixelExists: (id) => state.pixels.has(id),
    });
    checkNameFree(state, state.adgroups, adv.advertiser_id, params, 'adgroup_name');
    return idempotent(state, adv.advertiser_id, 'adgroup/create/', params, () => {
      const now = tiktokTime(state.now());
      const adgroup: ApiObject = {
        ...fields,
        adgroup_id: state.ids.adgroup.next(),
        advertiser_id: adv.advertiser_id,
        secondary_status:
          fields.operation_status === 'ENABLE' ? 'ADGROUP_STATUS_CREATE' : 'ADGROUP_STATUS_DISABLE',
        create_time: now,
        modify_time: now,
      };
      state.adgroups.set(adgroup.adgroup_id as string, adgroup);
      return adgroup;
    });
  },
};

const createAd: Route = {
  method: 'POST',
  auth: true,
  advertiser: true,
  scope: 221,
  handle(ctx) {
    const adv = advertiserOf(ctx);
    const { state, params } = ctx;
    requireFields(params, ['adgroup_id', 'creatives']);
    const adgroup_id = reqString(params, 'adgroup_id');
    const adgroup = ownedBy(state.adgroups, adgroup_id, adv.advertiser_id);
    if (!adgroup || adgroup.operation_status === 'DELETE') notExist('adgroup_id', adgroup_id);
    const creatives = params.creatives;
    if (!Array.isArray(creatives)) throw new EmulatorError(40002, 'creatives: must be an array.');
    if (creatives.length > MAX_CREATIVES) {
      throw new EmulatorError(40002, `creatives: at most ${MAX_CREATIVES} per request.`);
    }
    const existing = listOwned(state.ads, adv.advertiser_id, [
      ['adgroup_id', new Set([adgroup_id])],
    ]);
    if (existing.length + creatives.length > MAX_ADS_PER_ADGROUP) {
      throw new EmulatorError(
        40502,
        'The maximum number of ads in this ad group has been reached.',
      );
    }
    const identities = state.identitiesOf(adv.advertiser_id);
    const checked = creatives.map((c, i) =>
      validateCreative(c, i, {
        adgroup,
        advertiser_id: adv.advertiser_id,
        image: (id) => state.imageFor(id, adv.advertiser_id),
        video: (id) => state.videoFor(id, adv.advertiser_id),
        music: (id) => state.music.get(id),
        identity: (id) => identities.find((x) => x.identity_id === id),
      }),
    );
    const now = tiktokTime(state.now());
    const ads = checked.map((fields) => {
      const ad: ApiObject = {
        ...fields,
        ad_id: state.ids.ad.next(),
        adgroup_id,
        campaign_id: adgroup.campaign_id,
        advertiser_id: adv.advertiser_id,
        secondary_status:
          fields.operation_status === 'ENABLE' ? 'AD_STATUS_NOT_DELIVERY' : 'AD_STATUS_DISABLE',
        create_time: now,
        modify_time: now,
      };
      state.ads.set(ad.ad_id as string, ad);
      return ad;
    });
    return { ad_ids: ads.map((a) => a.ad_id), need_audit: false, creatives: ads };
  },
};

function getRoute(
  scope: number,
  pick: (state: EmulatorState) => Map<string, ApiObject>,
  filterFields: [string, string][],
  nameField: string,
): Route {
  return {
    method: 'GET',
    auth: true,
    advertiser: true,
    scope,
    handle(ctx) {
      const filtering = filteringOf(ctx.params);
      const filters = filterFields.map(
        ([key, field]) => [field, idFilter(filtering, key)] as [string, Set<string> | undefined],
      );
      const name = filtering[nameField];
      if (name !== undefined && typeof name !== 'string') {
        throw new EmulatorError(40002, `filtering.${nameField}: must be a string.`);
      }
      const items = listOwned(pick(ctx.state), advertiserOf(ctx).advertiser_id, filters).filter(
        (obj) =>
          obj.operation_status !== 'DELETE' &&
          (name === undefined || String(obj[nameField]).includes(name)),
      );
      return paginate(items, ctx.params, 10, 1000);
    },
  };
}

/** The campaign / ad group / ad endpoints, by path relative to `/open_api/v1.3/`. */
export const adsRoutes: Record<string, Route> = {
  'campaign/create/': createCampaign,
  'adgroup/create/': createAdGroup,
  'ad/create/': createAd,
  'campaign/get/': getRoute(
    200,
    (s) => s.campaigns,
    [['campaign_ids', 'campaign_id']],
    'campaign_name',
  ),
  'adgroup/get/': getRoute(
    210,
    (s) => s.adgroups,
    [
      ['campaign_ids', 'campaign_id'],
      ['adgroup_ids', 'adgroup_id'],
    ],
    'adgroup_name',
  ),
  'ad/get/': getRoute(
    220,
    (s) => s.ads,
    [
      ['campaign_ids', 'campaign_id'],
      ['adgroup_ids', 'adgroup_id'],
      ['ad_ids', 'ad_id'],
    ],
    'ad_name',
  ),
};
