import type { ObjectLevel } from '../../tiktok/ads-api';
import { adBody, adGroupBody, campaignBody } from '../../tiktok/payloads';
import { budgetOf } from './record';
import { CREATE_ATTEMPTS, createOnce, type SubmissionRun } from './run';

/**
 * The campaign, created `DISABLE`d with the submission's `request_id` and tagged name (found
 * again with campaign/get by that name). Saves its id.
 */
export async function ensureCampaign(run: SubmissionRun): Promise<string> {
  const { sub, ctx, state } = run;
  if (sub.campaign_id) return sub.campaign_id;
  const name = sub.campaign_name ?? state.draft.campaign_name ?? '';
  await run.mark('campaign', 'running');
  const id = await failing(run, 'campaign', () =>
    createOnce(run, {
      level: 'campaign',
      attempts: 1,
      attempted: () => sub.campaign_attempted === true,
      markAttempted: () => {
        sub.campaign_attempted = true;
      },
      our_request_id: sub.campaign_request_id,
      create: async () => {
        const r = await ctx.ads.createCampaign(
          run.auth,
          campaignBody(state.draft, sub.campaign_request_id, name),
        );
        return { id: r.campaign_id, ...(r.request_id ? { request_id: r.request_id } : {}) };
      },
      find: async () => (await ctx.ads.findCampaigns(run.auth, name))[0]?.campaign_id,
    }),
  );
  sub.campaign_id = id;
  await run.save();
  await run.mark('campaign', 'done', id);
  return id;
}

/** The ad group under `campaign_id`, created `DISABLE`d, like {@link ensureCampaign}. */
export async function ensureAdGroup(run: SubmissionRun, campaign_id: string): Promise<string> {
  const { sub, ctx, state } = run;
  if (sub.adgroup_id) return sub.adgroup_id;
  const name = sub.adgroup_name ?? `${state.draft.campaign_name ?? ''} - ad group`;
  const budget = budgetOf(state, ctx.settings);
  await run.mark('adgroup', 'running');
  const id = await failing(run, 'adgroup', () =>
    createOnce(run, {
      level: 'adgroup',
      attempts: 1,
      attempted: () => sub.adgroup_attempted === true,
      markAttempted: () => {
        sub.adgroup_attempted = true;
      },
      our_request_id: sub.adgroup_request_id,
      create: async () => {
        const body = adGroupBody(
          state.draft,
          campaign_id,
          budget,
          sub.adgroup_request_id,
          ctx.settings.targeting,
          ctx.now(),
          name,
        );
        const r = await ctx.ads.createAdGroup(run.auth, body);
        return { id: r.adgroup_id, ...(r.request_id ? { request_id: r.request_id } : {}) };
      },
      find: async () => (await ctx.ads.findAdGroups(run.auth, campaign_id, name))[0]?.adgroup_id,
    }),
  );
  sub.adgroup_id = id;
  sub.adgroup_budget = budget;
  await run.save();
  await run.mark('adgroup', 'done', id);
  return id;
}

/**
 * The ad in `adgroup_id`, created `DISABLE`d. ad/create/ has no idempotency key and is never
 * retried by the transport: before any resend the ad group's ads are listed (ad/get/ filtered
 * by `adgroup_ids`) and the one with this submission's `ad_name` is adopted.
 */
export async function ensureAd(
  run: SubmissionRun,
  adgroup_id: string,
  identity: { identity_id: string; display_name: string },
): Promise<string> {
  const { sub, ctx, state } = run;
  if (sub.ad_id) return sub.ad_id;
  await run.mark('ad', 'running');
  const id = await failing(run, 'ad', () =>
    createOnce(run, {
      level: 'ad',
      attempts: CREATE_ATTEMPTS,
      attempted: () => sub.ad_attempted === true,
      markAttempted: () => {
        sub.ad_attempted = true;
      },
      create: async () => {
        const r = await ctx.ads.createAd(
          run.auth,
          adBody(state.draft, adgroup_id, sub.ad_name, identity.identity_id, identity.display_name),
        );
        const ad_id = r.ad_ids[0];
        if (!ad_id) throw new Error('TikTok returned no ad id');
        return { id: ad_id, ...(r.request_id ? { request_id: r.request_id } : {}) };
      },
      find: async () =>
        (await ctx.ads.listAds(run.auth, adgroup_id)).find((a) => a.ad_name === sub.ad_name)?.ad_id,
    }),
  );
  sub.ad_id = id;
  await run.save();
  await run.mark('ad', 'done', id);
  return id;
}

/** The order of the final step: the campaign, which makes it all deliver, goes on last. */
export const ENABLE_ORDER: readonly ObjectLevel[] = ['ad', 'adgroup', 'campaign'];

/**
 * The final step, once all three exist: `ad/status/update`, `adgroup/status/update`, then
 * `campaign/status/update` with `ENABLE`. Setting a status is idempotent, so a resume simply
 * repeats the levels not yet saved as enabled. Until the campaign is on nothing delivers.
 */
export async function enableAll(
  run: SubmissionRun,
  ids: Record<ObjectLevel, string>,
): Promise<void> {
  const { sub, ctx } = run;
  const enabled = sub.enabled ?? [];
  if (ENABLE_ORDER.every((l) => enabled.includes(l))) return;
  await run.mark('enable', 'running');
  await failing(run, 'enable', async () => {
    for (const level of ENABLE_ORDER) {
      if (enabled.includes(level)) continue;
      const r = await ctx.ads.updateStatus(run.auth, level, [ids[level]], 'ENABLE');
      enabled.push(level);
      sub.enabled = enabled;
      await run.save();
      await run.audit({
        event: 'tiktok_enable',
        level,
        object_id: ids[level],
        ...(r.request_id ? { tiktok_request_id: r.request_id } : {}),
      });
    }
  });
  await run.mark('enable', 'done');
}

async function failing<T>(
  run: SubmissionRun,
  step: 'campaign' | 'adgroup' | 'ad' | 'enable',
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    await run.mark(step, 'failed');
    throw error;
  }
}
