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
  const notes: string[] = [];
  const { sub } = run;
  if (prev.replaces) await deleteUnadopted(run, prev.replaces, prev, notes);
  const auth: TikTokAuth = { ...run.auth, advertiser_id: prev.advertiser_id };
  const found = await locate(run, auth, prev);
  if (!found.campaign) return { notes };

  const sameAdvertiser = prev.advertiser_id === sub.advertiser_id;
  if (!sameAdvertiser || prev.parts?.campaign !== parts.campaign) {
    await remove(run, auth, 'campaign', found.campaign);
    notes.push(
      `Deleted campaign ${found.campaign} from the earlier attempt (with its ad group and ad, if any): the edit changed it.`,
    );
    return { notes };
  }
  sub.campaign_id = found.campaign;
  if (prev.campaign_name) sub.campaign_name = prev.campaign_name;
  await run.audit({
    event: 'cleanup',
    action: 'reused',
    level: 'campaign',
    object_id: found.campaign,
  });
  const kept = [`campaign ${found.campaign}`];
  const switchOff: [ObjectLevel, string][] = [];
  if (prev.enabled?.includes('campaign')) switchOff.push(['campaign', found.campaign]);

  if (found.adgroup) {
    if (prev.parts?.adgroup === parts.adgroup) {
      sub.adgroup_id = found.adgroup;
      if (prev.adgroup_name) sub.adgroup_name = prev.adgroup_name;
      sub.adgroup_budget = prev.adgroup_budget ?? budget;
      await run.audit({
        event: 'cleanup',
        action: 'reused',
        level: 'adgroup',
        object_id: found.adgroup,
      });
      kept.push(`ad group ${found.adgroup}`);
      if (prev.enabled?.includes('adgroup')) switchOff.push(['adgroup', found.adgroup]);
      if (sub.adgroup_budget !== budget) {
        await run.ctx.ads.updateAdGroupBudget(auth, found.adgroup, budget);
        notes.push(
          `Changed the budget of ad group ${found.adgroup} from ${sub.adgroup_budget} to ${budget} (adgroup/update).`,
        );
        sub.adgroup_budget = budget;
        await run.audit({
          event: 'cleanup',
          action: 'budget_updated',
          level: 'adgroup',
          object_id: found.adgroup,
        });
      }
      if (found.ad) {
        if (prev.parts?.ad === parts.ad) {
          sub.ad_id = found.ad;
          sub.ad_name = prev.ad_name;
          kept.push(`ad ${found.ad}`);
          await run.audit({ event: 'cleanup', action: 'reused', level: 'ad', object_id: found.ad });
          if (prev.enabled?.includes('ad')) switchOff.push(['ad', found.ad]);
        } else {
          await remove(run, auth, 'ad', found.ad);
          notes.push(`Deleted ad ${found.ad} from the earlier attempt: the edit changed it.`);
        }
      }
    } else {
      await remove(run, auth, 'adgroup', found.adgroup);
      notes.push(
        `Deleted ad group ${found.adgroup} from the earlier attempt (with its ad, if any): the edit changed it.`,
      );
    }
  }
  for (const [level, id] of switchOff) await run.ctx.ads.updateStatus(auth, level, [id], 'DISABLE');
  notes.unshift(`Reusing ${kept.join(', ')} from the earlier attempt.`);
  return { notes };
}

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
  const r = await run.ctx.ads.updateStatus(auth, level, [id], 'DELETE');
  await run.audit({
    event: 'cleanup',
    action: 'deleted',
    level,
    object_id: id,
    ...(r.request_id ? { tiktok_request_id: r.request_id } : {}),
  });
}
