import { BotError } from '../../errors/bot-error';
import type { ObjectLevel } from '../../tiktok/ads-api';
import { adBody, adGroupBody, campaignBody } from '../../tiktok/payloads';
import {
  type CampaignExpectation,
  campaignHoldingOurAdGroup,
  findSentCampaign,
} from './campaign-lookup';
import { budgetOf } from './record';
import { CREATE_ATTEMPTS, createOnce, type SubmissionRun } from './run';

/**
 * The campaign, created `DISABLE`d under the approved name exactly, with the submission's body
 * `request_id` (TikTok answers a repeat with the same campaign or 40050, docs/tiktok-api.md §10).
 * Before creating, a campaign holding this submission's ad group is adopted (a restored older
 * state); after a create whose outcome is unknown, {@link findSentCampaign} picks the one it made,
 * never an older campaign of the same name. Saves its id.
 */
export async function ensureCampaign(run: SubmissionRun): Promise<string> {
  const { sub, ctx, state } = run;
  if (sub.campaign_id) return sub.campaign_id;
  const name = sub.campaign_name ?? state.draft.campaign_name ?? '';
  const body = campaignBody(state.draft, sub.campaign_request_id, name);
  const want: CampaignExpectation = {
    campaign_name: name,
    adgroup_name: adGroupNameOf(run),
    body,
    since: new Date(sub.started_at),
  };
  await run.mark('campaign', 'running');
  const id = await failing(run, 'campaign', () =>
    createOnce(run, {
      level: 'campaign',
      attempts: 1,
      attempted: () => sub.campaign_attempted === true,
      markAttempted: () => {
        sub.campaign_attempted = true;
        sub.campaign_fields = campaignFields(body);
      },
      our_request_id: sub.campaign_request_id,
      create: async () => {
        const created = await ctx.ads.createCampaign(run.auth, body);
        const { campaign_id, request_id } = created;
        return { id: campaign_id, ...(request_id ? { request_id } : {}) };
      },
      lookFirst: () => campaignHoldingOurAdGroup(ctx.ads, run.auth, want),
      find: () => findSentCampaign(ctx.ads, run.auth, want),
    }),
  );
  sub.campaign_id = id;
  await run.save();
  await run.mark('campaign', 'done', id);
  return id;
}

/** The campaign/create body fields a look-up checks (`Submission.campaign_fields`). */
export function campaignFields(body: Record<string, unknown>): Record<string, unknown> {
  const { objective_type, budget_mode, budget_optimize_on } = body;
  return { objective_type, budget_mode, budget_optimize_on };
}

/** The submission's ad group name (tagged; older records without one fall back to the draft's). */
export function adGroupNameOf(run: SubmissionRun): string {
  return run.sub.adgroup_name ?? `${run.state.draft.campaign_name ?? ''} - ad group`;
}

/**
 * The ad group under `campaign_id`, created `DISABLE`d with its body `request_id`. It is
 * looked for by its tagged name in that campaign before any create (the campaign may be an
 * adopted one that already holds it) and again after a create whose outcome is unknown.
 */
export async function ensureAdGroup(run: SubmissionRun, campaign_id: string): Promise<string> {
  const { sub, ctx, state } = run;
  if (sub.adgroup_id) return sub.adgroup_id;
  const name = adGroupNameOf(run);
  const budget = budgetOf(state, ctx.settings);
  const find = async () => (await ctx.ads.findAdGroups(run.auth, campaign_id, name))[0]?.adgroup_id;
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
        const created = await ctx.ads.createAdGroup(run.auth, body);
        const { adgroup_id, request_id } = created;
        return { id: adgroup_id, ...(request_id ? { request_id } : {}) };
      },
      find,
      lookFirst: find,
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
 * retried by the transport: before every create, first or resent, the ad group's ads are listed
 * (ad/get/ filtered by `adgroup_ids`) and the one with this submission's `ad_name` is adopted.
 */
export async function ensureAd(
  run: SubmissionRun,
  adgroup_id: string,
  identity: { identity_id: string; display_name: string },
): Promise<string> {
  const { sub, ctx, state } = run;
  if (sub.ad_id) return sub.ad_id;
  const find = async () =>
    (await ctx.ads.listAds(run.auth, adgroup_id)).find((a) => a.ad_name === sub.ad_name)?.ad_id;
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
        if (!ad_id) throw new BotError('tiktok_reply_incomplete', 'TikTok returned no ad id');
        return { id: ad_id, ...(r.request_id ? { request_id: r.request_id } : {}) };
      },
      find,
      lookFirst: find,
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
  // All saved as on (a process died before showing it): a resume still shows the card done.
  if (ENABLE_ORDER.every((l) => enabled.includes(l))) return run.mark('enable', 'done');
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
