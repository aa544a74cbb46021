import type { ObjectLevel, TikTokAuth } from '../../tiktok/ads-api';
import type { Submission } from '../thread-state';
import { findSentCampaign } from './campaign-lookup';
import type { SubmissionRun } from './run';

/** What {@link reuseOrDelete} did, to tell the thread. */
export interface ReuseOutcome {
  notes: string[];
}

type Parts = { campaign: string; adgroup: string; ad: string };

/**
 * An edited draft after a partial failure: takes over the earlier attempt's objects that TikTok
 * lets us keep, and deletes the rest, so nothing is left orphaned.
 * - Campaign: reused when its create body is the same (same advertiser, name and objective),
 *   else deleted with `campaign/status/update` `DELETE` (its ad group and ad go with it).
 * - Ad group: reused when all but the budget is the same; a changed budget is set in place
 *   with adgroup/update. Otherwise deleted (`adgroup/status/update` `DELETE`).
 * - Ad: reused when its creative is the same, else deleted (`ad/status/update` `DELETE`).
 * Objects whose create reply was lost are found by their names first. Reused objects that the
 * earlier attempt had already switched on are switched off again until the final step.
 * An older attempt that this one had itself replaced is deleted except what was taken over.
 */
export async function reuseOrDelete(
  run: SubmissionRun,
  prev: Submission,
  parts: Parts,
  budget: number,
): Promise<ReuseOutcome> {
  const taken: Takeover = { notes: [], kept: [], switchOff: [] };
  if (prev.replaces) await deleteUnadopted(run, prev.replaces, prev, taken.notes);
  const auth: TikTokAuth = { ...run.auth, advertiser_id: prev.advertiser_id };
  const found = await locate(run, auth, prev);
  if (!found.campaign) return { notes: taken.notes };
  const sameAdvertiser = prev.advertiser_id === run.sub.advertiser_id;
  if (!sameAdvertiser || prev.parts?.campaign !== parts.campaign) {
    await remove(run, auth, 'campaign', found.campaign);
    taken.notes.push(REUSE_TEXTS.campaignDeleted(found.campaign));
    return { notes: taken.notes };
  }
  await takeOver(run, prev, 'campaign', found.campaign, taken);
  if (found.adgroup && prev.parts?.adgroup === parts.adgroup) {
    await takeOverAdGroup(run, auth, prev, found.adgroup, budget, taken);
    if (found.ad && prev.parts?.ad === parts.ad) await takeOver(run, prev, 'ad', found.ad, taken);
    else if (found.ad) {
      await remove(run, auth, 'ad', found.ad);
      taken.notes.push(REUSE_TEXTS.adDeleted(found.ad));
    }
  } else if (found.adgroup) {
    await remove(run, auth, 'adgroup', found.adgroup);
    taken.notes.push(REUSE_TEXTS.adGroupDeleted(found.adgroup));
  }
  for (const [level, id] of taken.switchOff)
    await run.ctx.ads.updateStatus(auth, level, [id], 'DISABLE');
  taken.notes.unshift(REUSE_TEXTS.reusing(taken.kept));
  return { notes: taken.notes };
}

/** What taking over the earlier attempt's objects gathers as it goes. */
interface Takeover {
  /** Lines for the thread, in order. */
  notes: string[];
  /** The objects reused, e.g. `campaign 123`. */
  kept: string[];
  /** Reused objects the earlier attempt had switched on: off again until the final step. */
  switchOff: [ObjectLevel, string][];
}

/**
 * Takes over the earlier attempt's object at `level` (`id`): its id and name go into this
 * submission, the reuse is audited, and an object it had switched on is switched off again.
 */
async function takeOver(
  run: SubmissionRun,
  prev: Submission,
  level: ObjectLevel,
  id: string,
  taken: Takeover,
): Promise<void> {
  const { sub } = run;
  if (level === 'campaign') {
    sub.campaign_id = id;
    if (prev.campaign_name) sub.campaign_name = prev.campaign_name;
  } else if (level === 'adgroup') {
    sub.adgroup_id = id;
    if (prev.adgroup_name) sub.adgroup_name = prev.adgroup_name;
  } else {
    sub.ad_id = id;
    sub.ad_name = prev.ad_name;
  }
  await run.audit({ event: 'cleanup', action: 'reused', level, object_id: id });
  taken.kept.push(`${LEVEL_NAMES[level]} ${id}`);
  if (prev.enabled?.includes(level)) taken.switchOff.push([level, id]);
}

/** Takes over the earlier ad group; a changed budget is set in place (adgroup/update). */
async function takeOverAdGroup(
  run: SubmissionRun,
  auth: TikTokAuth,
  prev: Submission,
  adgroup_id: string,
  budget: number,
  taken: Takeover,
): Promise<void> {
  const { sub } = run;
  sub.adgroup_budget = prev.adgroup_budget ?? budget;
  await takeOver(run, prev, 'adgroup', adgroup_id, taken);
  if (sub.adgroup_budget === budget) return;
  await run.ctx.ads.updateAdGroupBudget(auth, adgroup_id, budget);
  taken.notes.push(REUSE_TEXTS.budgetChanged(adgroup_id, sub.adgroup_budget, budget));
  sub.adgroup_budget = budget;
  await run.audit({
    event: 'cleanup',
    action: 'budget_updated',
    level: 'adgroup',
    object_id: adgroup_id,
  });
}

/** How the thread names each level. */
const LEVEL_NAMES: Record<ObjectLevel, string> = {
  campaign: 'campaign',
  adgroup: 'ad group',
  ad: 'ad',
};

/** What taking over an earlier attempt says to the thread. */
export const REUSE_TEXTS = {
  /** The objects taken over, e.g. `campaign 1, ad group 2`. */
  reusing: (kept: readonly string[]) => `Reusing ${kept.join(', ')} from the earlier attempt.`,
  campaignDeleted: (id: string) =>
    `Deleted campaign ${id} from the earlier attempt (with its ad group and ad, if any): the edit changed it.`,
  adGroupDeleted: (id: string) =>
    `Deleted ad group ${id} from the earlier attempt (with its ad, if any): the edit changed it.`,
  adDeleted: (id: string) => `Deleted ad ${id} from the earlier attempt: the edit changed it.`,
  budgetChanged: (id: string, from: number, to: number) =>
    `Changed the budget of ad group ${id} from ${from} to ${to} (adgroup/update).`,
} as const;

/** The earlier attempt's object ids, looking up by name those whose create reply was lost. */
async function locate(
  run: SubmissionRun,
  auth: TikTokAuth,
  prev: Submission,
): Promise<{ campaign?: string; adgroup?: string; ad?: string }> {
  const { ads } = run.ctx;
  let campaign = prev.campaign_id;
  if (!campaign && prev.campaign_attempted && prev.campaign_name)
    campaign = await findEarlierCampaign(run, auth, prev, prev.campaign_name);
  if (!campaign) return {};
  let adgroup = prev.adgroup_id;
  if (!adgroup && prev.adgroup_attempted && prev.adgroup_name)
    adgroup = (await ads.findAdGroups(auth, campaign, prev.adgroup_name))[0]?.adgroup_id;
  if (!adgroup) return { campaign };
  let ad = prev.ad_id;
  if (!ad && prev.ad_attempted)
    ad = (await ads.listAds(auth, adgroup)).find((a) => a.ad_name === prev.ad_name)?.ad_id;
  return ad ? { campaign, adgroup, ad } : { campaign, adgroup };
}

/**
 * An earlier attempt's campaign whose create reply was lost. With the body fields saved, the
 * strict look-up of {@link findSentCampaign} (the approved name is not unique: an older
 * campaign of that name must never be reused or deleted). Records saved before those fields
 * existed used a tagged, unique campaign name, which an exact-name match finds safely.
 */
async function findEarlierCampaign(
  run: SubmissionRun,
  auth: TikTokAuth,
  prev: Submission,
  campaign_name: string,
): Promise<string | undefined> {
  const { ads } = run.ctx;
  if (!prev.campaign_fields) return (await ads.findCampaigns(auth, campaign_name))[0]?.campaign_id;
  return findSentCampaign(ads, auth, {
    campaign_name,
    adgroup_name: prev.adgroup_name ?? '',
    body: prev.campaign_fields,
    since: new Date(prev.started_at),
  });
}

/**
 * Deletes what `older` made and `newer` (if any) did not take over: a chain of edits
 * mid-cleanup, or the attempt of a draft the thread started over from.
 */
export async function deleteUnadopted(
  run: SubmissionRun,
  older: Submission,
  newer: Partial<Submission>,
  notes: string[],
): Promise<void> {
  const auth: TikTokAuth = { ...run.auth, advertiser_id: older.advertiser_id };
  const found = await locate(run, auth, older);
  if (found.campaign && found.campaign !== newer.campaign_id) {
    await remove(run, auth, 'campaign', found.campaign);
    notes.push(`Deleted campaign ${found.campaign} left by an earlier attempt.`);
    return;
  }
  if (found.adgroup && found.adgroup !== newer.adgroup_id) {
    await remove(run, auth, 'adgroup', found.adgroup);
    notes.push(`Deleted ad group ${found.adgroup} left by an earlier attempt.`);
    return;
  }
  if (found.ad && found.ad !== newer.ad_id) {
    await remove(run, auth, 'ad', found.ad);
    notes.push(`Deleted ad ${found.ad} left by an earlier attempt.`);
  }
}

async function remove(
  run: SubmissionRun,
  auth: TikTokAuth,
  level: ObjectLevel,
  id: string,
): Promise<void> {
  const deleted = await run.ctx.ads.updateStatus(auth, level, [id], 'DELETE');
  await run.audit({
    event: 'cleanup',
    action: 'deleted',
    level,
    object_id: id,
    ...(deleted.request_id ? { tiktok_request_id: deleted.request_id } : {}),
  });
}
