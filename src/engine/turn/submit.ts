// Submitting an approved draft from a turn: the last checks, the daily spend cap, the owned
// submission with its progress, the result; and what a TikTok failure on the way leads to.
import { hasPendingChecks } from '../../ad/draft';
import { crossFieldViolations, missingFields } from '../../ad/draft-rules';
import type { TikTokAuth } from '../../tiktok/ads-api';
import { isLinkInvalid } from '../../tiktok/errors';
import { userKeyOf } from '../access';
import { runPendingChecks } from '../apply-updates';
import { reserveDailyBudget } from '../guards/spend-cap';
import { chosenAdvertiser } from '../link-steps';
import {
  ambiguousCampaignRemediation,
  errorClassOf,
  isAmbiguousCampaign,
  isTikTokError,
  remediationFor,
} from '../remediation';
import type { Block } from '../reply';
import type { EngineSettings } from '../settings';
import { runOwnedSubmission } from '../submission/owned';
import type { ThreadState } from '../thread-state';
import { text } from '../turn-io';
import { askNext } from './ask-next';
import type { TurnSteps } from './context';
import { SUBMIT_TEXTS } from './submit-texts';

/** Submits an approved draft; the result or a remediation goes to the thread. */
export async function submit(steps: TurnSteps, state: ThreadState): Promise<ThreadState> {
  const { ctx } = steps;
  const { settings, store, keys } = ctx.deps;
  const unready = unreadyReply(state, settings.budget);
  if (unready) {
    state.status = 'collecting';
    if (unready.type === 'violations') state.approvals = [];
    await ctx.say(unready);
    return state;
  }
  const account = await ctx.requesterAccount(state);
  if (!account) return steps.links.askToLink(state, 'submit');
  const advertiser_id = chosenAdvertiser(account, state);
  if (!advertiser_id) return steps.links.askForAdvertiser(state, account);
  const auth = { access_token: account.access_token, advertiser_id };
  if (hasPendingChecks(state.draft)) {
    const stopped = await runChecksAtSubmit(steps, state, auth);
    if (stopped) return stopped;
  }
  const spend = await reserveDailyBudget(store, keys, state, settings, ctx.now());
  if (!spend.ok) {
    ctx.audits.push({ ...spend.audit, thread_id: state.thread_id });
    await ctx.say(spend.block);
    return state;
  }
  // The approval's records go before the submission's own, which are written as they happen.
  for (const record of ctx.audits.splice(0)) await ctx.deps.auditTrail?.append(record);
  return sendToTikTok(steps, state, auth);
}

/**
 * Why the draft cannot be submitted as it is: fields that break a rule together (the block of
 * violations; approvals then go), or fields still missing. `null` when it is complete.
 */
export function unreadyReply(state: ThreadState, budget: EngineSettings['budget']): Block | null {
  const broken = crossFieldViolations(state.draft);
  if (broken.length > 0) return { type: 'violations', violations: broken };
  const missing = missingFields(state.draft, budget);
  if (missing.length > 0) return text(SUBMIT_TEXTS.missing(missing), 'error');
  return null;
}

/**
 * The checks that waited for the link (media named before it, music), made now. The state to
 * end the turn with when they refused something (the draft needs approval again) or TikTok
 * failed; `undefined` to go on with the checked draft.
 */
async function runChecksAtSubmit(
  steps: TurnSteps,
  state: ThreadState,
  auth: TikTokAuth,
): Promise<ThreadState | undefined> {
  const { ctx } = steps;
  let checked: Awaited<ReturnType<typeof runPendingChecks>>;
  try {
    checked = await runPendingChecks(state.draft, { ...ctx.applyContext(auth), auth });
  } catch (error) {
    return submitFailed(steps, state, error);
  }
  state.draft = checked.draft;
  if (checked.notes.length > 0)
    await ctx.say(...checked.notes.map((note) => text(note, 'success')));
  if (checked.violations.length === 0) return undefined;
  state.revision += 1;
  state.approvals = [];
  await ctx.say(
    { type: 'violations', violations: checked.violations },
    text(SUBMIT_TEXTS.nothingSent, 'warning'),
  );
  return askNext(steps, state);
}

/** The owned submission itself, its progress card edited in place; the result is said. */
async function sendToTikTok(
  steps: TurnSteps,
  state: ThreadState,
  auth: TikTokAuth,
): Promise<ThreadState> {
  const { ctx } = steps;
  const { settings, ads, logger } = ctx.deps;
  const key = `progress:${state.thread_id}:${state.revision}`;
  try {
    const ids = await runOwnedSubmission(ctx.deps, state, {
      ads,
      auth,
      settings,
      now: ctx.now,
      // Each step's state is saved with the progress and notes said so far (the outbox); the
      // save that marks it submitted carries the result too, so a crash right after it cannot
      // leave a submitted ad whose outcome was never said.
      persist: async (step) => {
        const result = resultBlock(step);
        if (result) await ctx.say(text(SUBMIT_TEXTS.created, 'success'), result);
        await ctx.checkpoint(step);
      },
      progress: (progress) =>
        ctx.emit({
          thread_id: state.thread_id,
          key,
          blocks: [{ type: 'progress', steps: progress }],
        }),
      notify: (note) => ctx.say(text(note, 'info')),
    });
    delete state.last_failure;
    ctx.deps.metrics?.submission('submitted');
    logger.info({ thread_id: state.thread_id, ...ids }, 'ad submitted');
  } catch (error) {
    return submitFailed(steps, state, error);
  }
  return state;
}

/** The result block once `state` is submitted with all three ids; `null` before. */
export function resultBlock(state: ThreadState): Block | null {
  const sub = state.submission;
  if (state.status !== 'submitted' || !sub?.campaign_id || !sub.adgroup_id || !sub.ad_id)
    return null;
  return {
    type: 'result',
    advertiser_id: sub.advertiser_id,
    campaign_id: sub.campaign_id,
    adgroup_id: sub.adgroup_id,
    ad_id: sub.ad_id,
  };
}

/**
 * A TikTok failure during submit. A token TikTok refuses (40102/40105/40106) marks the link
 * broken and sends a new private link, with no retry loop (docs/tiktok-api.md §2.4);
 * several campaigns fitting a lost campaign/create reply is saved as a failure that says what
 * to delete; anything else is saved as the failure with its remediation. Other errors rethrow.
 */
async function submitFailed(
  steps: TurnSteps,
  state: ThreadState,
  error: unknown,
): Promise<ThreadState> {
  if (isAmbiguousCampaign(error)) return ambiguousCampaign(steps, state, error);
  if (!isTikTokError(error)) throw error;
  const { ctx } = steps;
  const { logger, access } = ctx.deps;
  ctx.deps.metrics?.submission('failed');
  logger.warn(
    { thread_id: state.thread_id, code: error.tiktok_code, error_class: errorClassOf(error.code) },
    'submission failed',
  );
  if (access.linking && isLinkInvalid(error)) {
    await access.linking.markInvalid(userKeyOf(state, state.requester), error.tiktok_code);
    state.status = 'failed';
    await ctx.say(
      text(
        SUBMIT_TEXTS.linkRefused(state.requester, error.tiktok_code, error.tiktok_message),
        'warning',
      ),
    );
    return steps.links.askToLink(state, 'relink');
  }
  state.status = 'failed';
  state.last_failure = {
    error_class: errorClassOf(error.code),
    code: error.tiktok_code,
    message: error.tiktok_message,
    ...(error.request_id ? { request_id: error.request_id } : {}),
    at: ctx.now().toISOString(),
  };
  await ctx.say(remediationFor(error));
  return state;
}

/** Several campaigns fit a lost campaign/create reply: saved as failed, said with what to do. */
async function ambiguousCampaign(
  steps: TurnSteps,
  state: ThreadState,
  error: Parameters<typeof ambiguousCampaignRemediation>[0],
): Promise<ThreadState> {
  const { ctx } = steps;
  ctx.deps.metrics?.submission('failed');
  ctx.deps.logger.warn(
    { thread_id: state.thread_id, campaign_ids: error.campaign_ids },
    'submission stopped: several campaigns fit the lost campaign/create reply',
  );
  state.status = 'failed';
  state.last_failure = {
    error_class: 'validation',
    message: error.message,
    at: ctx.now().toISOString(),
  };
  await ctx.say(ambiguousCampaignRemediation(error));
  return state;
}

/** The Retry action: goes on with a failed, interrupted or link-waiting submit, if still approved. */
export async function retry(steps: TurnSteps, saved: ThreadState): Promise<ThreadState | null> {
  const { ctx } = steps;
  if (!['failed', 'submitting', 'awaiting_link'].includes(saved.status)) {
    await ctx.say(text(SUBMIT_TEXTS.nothingToRetry, 'warning'));
    return null;
  }
  if (saved.approvals.length < ctx.deps.settings.approvals_required) {
    await ctx.say(text(SUBMIT_TEXTS.needsApprovalAgain, 'warning'));
    return null;
  }
  await ctx.say(text(SUBMIT_TEXTS.retrying));
  return submit(steps, structuredClone(saved));
}
