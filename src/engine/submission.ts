import { createHash } from 'node:crypto';
import { effectiveBudget } from '../ad/draft-rules';
import type { AdsApi, TikTokAuth } from '../tiktok/ads-api';
import { resolveIdentity } from '../tiktok/identity';
import { adBody, adGroupBody, campaignBody, idempotencyKey } from '../tiktok/payloads';
import type { ProgressStep } from './reply';
import type { EngineSettings } from './settings';
import type { Submission, ThreadState } from './thread-state';

/** What the submission runner needs: TikTok, where to save, where to show progress. */
export interface SubmitContext {
  ads: AdsApi;
  auth: TikTokAuth;
  settings: EngineSettings;
  /** Saves the state; called after every step so a crash loses nothing TikTok already made. */
  persist: (state: ThreadState) => Promise<void>;
  /** Shows the steps (replaces the previous progress message). */
  progress: (steps: ProgressStep[]) => Promise<void>;
  now: () => Date;
}

/** The ids of a finished submission. */
export interface SubmittedIds {
  advertiser_id: string;
  campaign_id: string;
  adgroup_id: string;
  ad_id: string;
}

/**
 * Starts or resumes the submission of `state`'s current revision. Creates campaign → ad group →
 * ad, saving each id as it returns. A resumed submission skips steps whose ids are saved; the
 * campaign and ad group carry deterministic `request_id`s, so a create whose id was lost in a
 * crash returns the same object instead of a second one; an ad/create that may have gone
 * through is reconciled by listing the ad group's ads by `ad_name` first (ad/create has no
 * idempotency key: reference/tiktok-api.md §10).
 *
 * Mutates `state.submission` (and `status` to `submitting`) as it goes.
 * @throws TikTokApiError from any step; what was created stays saved for the retry.
 */
export async function runSubmission(state: ThreadState, ctx: SubmitContext): Promise<SubmittedIds> {
  const sub = currentSubmission(state, ctx);
  state.status = 'submitting';
  state.submission = sub;
  await ctx.persist(state);

  const steps = progressOf(sub);
  const mark = async (step: ProgressStep['step'], status: ProgressStep['status'], id?: string) => {
    const s = steps.find((x) => x.step === step);
    if (s) {
      s.status = status;
      if (id) s.id = id;
    }
    await ctx.progress(steps.map((x) => ({ ...x })));
  };

  const { ads, auth } = ctx;
  const { identity_id, display_name } = await resolveIdentity(ctx, sub.identity_id);
  if (!sub.identity_id) {
    sub.identity_id = identity_id;
    await ctx.persist(state);
  }

  if (!sub.campaign_id) {
    await mark('campaign', 'running');
    const created = await guarded(mark, 'campaign', () =>
      ads.createCampaign(auth, campaignBody(state.draft, sub.campaign_request_id)),
    );
    sub.campaign_id = created.campaign_id;
    await ctx.persist(state);
    await mark('campaign', 'done', created.campaign_id);
  }

  if (!sub.adgroup_id) {
    await mark('adgroup', 'running');
    const budget = effectiveBudget(state.draft, ctx.settings.budget);
    if (budget === null) throw new Error('Draft has no budget and no default is configured');
    const body = adGroupBody(
      state.draft,
      sub.campaign_id,
      budget,
      sub.adgroup_request_id,
      ctx.settings.targeting,
      ctx.now(),
    );
    const created = await guarded(mark, 'adgroup', () => ads.createAdGroup(auth, body));
    sub.adgroup_id = created.adgroup_id;
    await ctx.persist(state);
    await mark('adgroup', 'done', created.adgroup_id);
  }

  if (!sub.ad_id) {
    await mark('ad', 'running');
    const adgroup_id = sub.adgroup_id;
    const existing = sub.ad_attempted
      ? (await ads.listAds(auth, adgroup_id)).find((a) => a.ad_name === sub.ad_name)
      : undefined;
    if (existing) {
      sub.ad_id = existing.ad_id;
    } else {
      sub.ad_attempted = true;
      await ctx.persist(state);
      const created = await guarded(mark, 'ad', () =>
        ads.createAd(auth, adBody(state.draft, adgroup_id, sub.ad_name, identity_id, display_name)),
      );
      const ad_id = created.ad_ids[0];
      if (!ad_id) throw new Error('TikTok returned no ad id');
      sub.ad_id = ad_id;
    }
    sub.finished_at = ctx.now().toISOString();
    state.status = 'submitted';
    await ctx.persist(state);
    await mark('ad', 'done', sub.ad_id);
  }

  return {
    advertiser_id: sub.advertiser_id,
    campaign_id: sub.campaign_id,
    adgroup_id: sub.adgroup_id,
    ad_id: sub.ad_id,
  };
}

async function guarded<T>(
  mark: (step: ProgressStep['step'], status: ProgressStep['status']) => Promise<void>,
  step: ProgressStep['step'],
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    await mark(step, 'failed');
    throw error;
  }
}

/** The submission to resume, or a new one when the revision or advertiser changed. */
function currentSubmission(state: ThreadState, ctx: SubmitContext): Submission {
  const old = state.submission;
  if (old && old.revision === state.revision && old.advertiser_id === ctx.auth.advertiser_id)
    return old;
  const scope = `${state.thread_id}#${state.revision}#${ctx.auth.advertiser_id}`;
  const tag = createHash('sha256').update(scope).digest('hex').slice(0, 8);
  return {
    revision: state.revision,
    advertiser_id: ctx.auth.advertiser_id,
    campaign_request_id: idempotencyKey(scope, 'campaign'),
    adgroup_request_id: idempotencyKey(scope, 'adgroup'),
    ad_name: `${state.draft.campaign_name ?? 'Ad'} - ad ${tag}`,
    started_at: ctx.now().toISOString(),
  };
}

function progressOf(sub: Submission): ProgressStep[] {
  const step = (s: ProgressStep['step'], label: string, id: string | undefined): ProgressStep =>
    id ? { step: s, label, status: 'done', id } : { step: s, label, status: 'pending' };
  return [
    step('campaign', 'Campaign', sub.campaign_id),
    step('adgroup', 'Ad group', sub.adgroup_id),
    step('ad', 'Ad', sub.ad_id),
  ];
}
