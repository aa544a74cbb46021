import { TikTokApiError } from '../../tiktok/errors';
import { resolveIdentity } from '../../tiktok/identity';
import { contentHash } from '../content-hash';
import { errorClassOf } from '../remediation';
import type { Submission, ThreadState } from '../thread-state';
import type { SubmitContext, SubmittedIds } from './context';
import { budgetOf, leftObjects, newDraftId, newSubmission, partHashes } from './record';
import { deleteUnadopted, reuseOrDelete } from './reuse';
import { SubmissionRun } from './run';
import { enableAll, ensureAd, ensureAdGroup, ensureCampaign } from './steps';

export type {
  InflightIndex,
  SubmissionAuditRecord,
  SubmitContext,
  SubmittedIds,
} from './context';

/**
 * Starts or resumes the submission of `state`'s draft (docs/reliability.md §5):
 * 1. The submission key is derived from the draft's random `draft_id`, the content hash and
 *    the advertiser. The same key resumes the saved record; a new key (an edit after a failure)
 *    starts a new record that first reuses or deletes the earlier attempt's objects.
 * 2. Campaign → ad group → ad are created `DISABLE`d, each id saved before the next call; a
 *    create whose reply may have been lost is looked up by its unique name and adopted, never
 *    sent twice blindly (40050 included).
 * 3. The final step switches ad, ad group and campaign on (`<level>/status/update` `ENABLE`).
 * The thread is added to the in-flight index at the start and removed when it is done, so a
 * restarted process resumes a submission whose owner died.
 *
 * Mutates `state` (`status`, `draft_id`, `submission`) as it goes.
 * @throws TikTokApiError from any step; what was created stays saved (and switched off) for
 *   the retry.
 */
export async function runSubmission(state: ThreadState, ctx: SubmitContext): Promise<SubmittedIds> {
  state.draft_id ??= newDraftId();
  const hash = contentHash(state.draft, ctx.settings);
  const sub = currentSubmission(state, hash, ctx);
  if (ctx.owner) sub.owner = ctx.owner;
  const isNew = state.submission !== sub;
  state.status = 'submitting';
  state.submission = sub;
  await ctx.inflight?.add(state.thread_id);
  await ctx.persist(state);
  const run = new SubmissionRun(state, sub, ctx);
  if (isNew) await run.audit({ event: 'submission_started', content_hash: hash });
  try {
    const ids = await submitSteps(run);
    sub.finished_at = ctx.now().toISOString();
    state.status = 'submitted';
    await ctx.persist(state);
    await ctx.inflight?.remove(state.thread_id);
    await run.audit({ event: 'submission_finished', ...ids });
    return { advertiser_id: sub.advertiser_id, ...ids };
  } catch (error) {
    await run.audit({
      event: 'submission_failed',
      message: error instanceof Error ? error.message : String(error),
      ...(isTikTokApiError(error) ? tiktokFields(error) : {}),
    });
    throw error;
  }
}

async function submitSteps(
  run: SubmissionRun,
): Promise<{ campaign_id: string; adgroup_id: string; ad_id: string }> {
  const { sub, ctx, state } = run;
  const { identity_id, display_name } = await resolveIdentity(ctx, sub.identity_id);
  if (!sub.identity_id) {
    sub.identity_id = identity_id;
    await ctx.persist(state);
  }
  const identity = { identity_id, display_name };
  const parts = partHashes(state, ctx.settings, identity);
  if (state.abandoned?.length) await cleanUpAbandoned(run);
  if (sub.replaces) {
    const { notes } = await reuseOrDelete(run, sub.replaces, parts, budgetOf(state, ctx.settings));
    delete sub.replaces;
    await run.save();
    if (notes.length > 0) await ctx.notify?.(notes.join('\n'));
  }
  sub.parts = parts;
  const campaign_id = await ensureCampaign(run);
  const adgroup_id = await ensureAdGroup(run, campaign_id);
  const ad_id = await ensureAd(run, adgroup_id, identity);
  await enableAll(run, { campaign: campaign_id, adgroup: adgroup_id, ad: ad_id });
  return { campaign_id, adgroup_id, ad_id };
}

function isTikTokApiError(error: unknown): error is TikTokApiError {
  return error instanceof TikTokApiError;
}

/** What a failed submission's audit record says of TikTok's answer. */
function tiktokFields(error: TikTokApiError): {
  code: number;
  error_class: string;
  tiktok_request_id?: string;
} {
  return {
    code: error.tiktok_code,
    error_class: errorClassOf(error.code),
    ...(error.request_id ? { tiktok_request_id: error.request_id } : {}),
  };
}

/**
 * Deletes the switched-off objects of drafts the thread started over from. A failure here does
 * not stop the new submission: they stay off, are kept in `abandoned`, and the thread is told.
 */
async function cleanUpAbandoned(run: SubmissionRun): Promise<void> {
  const { state, ctx } = run;
  const notes: string[] = [];
  try {
    for (const old of state.abandoned ?? []) await deleteUnadopted(run, old, {}, notes);
    delete state.abandoned;
  } catch (error) {
    if (!isTikTokApiError(error)) throw error;
    notes.push(
      `Could not delete them yet (TikTok ${error.tiktok_code}: ${error.tiktok_message}); they stay switched off and the next submission tries again.`,
    );
  }
  await run.save();
  if (notes.length > 0)
    await ctx.notify?.(
      `Cleaned up after the draft this thread started over from:\n${notes.join('\n')}`,
    );
}

/**
 * The saved submission when its key matches this draft, content and advertiser; otherwise a
 * new one, which `replaces` the saved one when that one left objects behind.
 */
function currentSubmission(state: ThreadState, hash: string, ctx: SubmitContext): Submission {
  const draft_id = state.draft_id ?? newDraftId();
  const fresh = newSubmission(state, draft_id, hash, ctx.auth.advertiser_id, ctx.now());
  const old = state.submission;
  if (old && old.key === fresh.key) return old;
  if (old && !old.finished_at && leftObjects(old)) fresh.replaces = old;
  return fresh;
}
