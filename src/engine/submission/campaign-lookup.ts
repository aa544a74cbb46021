import { BotError } from '../../errors/bot-error';
import type { AdsApi, CampaignSummary, TikTokAuth } from '../../tiktok/ads-api';

/**
 * How far TikTok's `create_time` may sit before our own clock's start of a submission and
 * still count as "made by it": clock drift between the two plus TikTok's whole-second times.
 * Five minutes: far more than NTP drift, far less than the age of a campaign someone made
 * earlier by hand. (TikTok's `create_time` time zone is UNCONFIRMED, read as UTC like the
 * schedule times, docs/tiktok-api.md §1: a campaign whose time reads hours off is never adopted,
 * which ends in a clear failure, never in a duplicate.)
 */
export const CREATE_TIME_SLACK_MS = 5 * 60_000;

/** What a submission's campaign/create body says, and the names it is found by. */
export interface CampaignExpectation {
  /** The exact `campaign_name` sent (the approved name, untagged). */
  campaign_name: string;
  /** The submission's own ad group name (tagged, unique to the submission). */
  adgroup_name: string;
  /** The body fields a look-up must see again (`objective_type`, `budget_mode`, ...). */
  body: Record<string, unknown>;
  /** When the submission started (our clock); candidates made earlier (minus the slack) are older objects. */
  since: Date;
}

/** Thrown when several campaigns fit a lost create equally well: none is adopted. */
export class AmbiguousCampaignError extends BotError {
  override readonly name = 'AmbiguousCampaignError';
  declare readonly code: 'campaign_ambiguous';
  constructor(
    readonly campaign_name: string,
    readonly campaign_ids: string[],
  ) {
    super(
      'campaign_ambiguous',
      `TikTok has ${campaign_ids.length} new switched-off campaigns named "${campaign_name}" with no ad group (${campaign_ids.join(', ')}), made while this submission ran; I cannot tell which one is ours, so I used none. Delete the extra ones in TikTok Ads Manager, then retry.`,
    );
  }
}

/**
 * The campaign a submission made, found through its own ad group: the ad group name carries
 * the submission's unique tag, so an ad group of that name (anywhere in the account) whose
 * campaign has the exact approved name is ours whatever its age, and no other object can be
 * taken for it. Undefined when the submission has no ad group yet.
 */
export async function campaignHoldingOurAdGroup(
  ads: AdsApi,
  auth: TikTokAuth,
  want: Pick<CampaignExpectation, 'campaign_name' | 'adgroup_name'>,
): Promise<string | undefined> {
  if (want.adgroup_name === '') return undefined;
  const groups = await ads.findAdGroups(auth, undefined, want.adgroup_name);
  if (groups.length === 0) return undefined;
  const named = await ads.findCampaigns(auth, want.campaign_name);
  return named.find((c) => groups.some((g) => g.campaign_id === c.campaign_id))?.campaign_id;
}

/**
 * After a campaign/create whose outcome is unknown (no reply, 5xx, 40050): the campaign it
 * made, if TikTok has it. The approved name is not unique (an older "Denim Days" may exist),
 * so a candidate must:
 * - hold this submission's ad group (then it is ours, see {@link campaignHoldingOurAdGroup}); or
 * - have the exact name, the same `objective_type`, `budget_mode` and (when listed)
 *   `budget_optimize_on` as the body sent, `operation_status` `DISABLE` (ours stay off until
 *   the final step), a `create_time` no earlier than `since` minus {@link CREATE_TIME_SLACK_MS},
 *   and no ad group at all (anyone else's campaign in use has one).
 * One such candidate is adopted; none gives undefined (the caller may create, or fail);
 * several throw {@link AmbiguousCampaignError} rather than guess.
 */
export async function findSentCampaign(
  ads: AdsApi,
  auth: TikTokAuth,
  want: CampaignExpectation,
): Promise<string | undefined> {
  const ours = await campaignHoldingOurAdGroup(ads, auth, want);
  if (ours) return ours;
  const named = await ads.findCampaigns(auth, want.campaign_name);
  const fitting = named.filter((c) => matchesBody(c, want.body) && madeSince(c, want.since));
  const empty: string[] = [];
  for (const c of fitting) {
    if ((await ads.findAdGroups(auth, c.campaign_id, '')).length === 0) empty.push(c.campaign_id);
  }
  if (empty.length > 1) throw new AmbiguousCampaignError(want.campaign_name, empty);
  return empty[0];
}

/** Same objective, budget mode and CBO switch as the body; still switched off. */
export function matchesBody(campaign: CampaignSummary, body: Record<string, unknown>): boolean {
  const { operation_status, objective_type, budget_mode, budget_optimize_on } = campaign;
  if (operation_status !== 'DISABLE') return false;
  if (objective_type === undefined || objective_type !== body.objective_type) return false;
  if (budget_mode === undefined || budget_mode !== body.budget_mode) return false;
  return budget_optimize_on === undefined || budget_optimize_on === body.budget_optimize_on;
}

/** Whether TikTok's `create_time` ("YYYY-MM-DD HH:MM:SS", read as UTC) is within the window. */
export function madeSince(campaign: CampaignSummary, since: Date): boolean {
  const made = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})$/.exec(campaign.create_time ?? '');
  if (!made) return false;
  const at = Date.parse(`${made[1]}T${made[2]}Z`);
  return Number.isFinite(at) && at >= since.getTime() - CREATE_TIME_SLACK_MS;
}
