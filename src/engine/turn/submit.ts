// Submitting an approved draft from a turn: the last checks, the daily spend cap, the owned
// submission with its progress, the result; and what a TikTok failure on the way leads to.
import { hasPendingChecks } from '../../ad/draft';
import { crossFieldViolations, missingFields } from '../../ad/draft-rules';
import { isLinkInvalid } from '../../tiktok/errors';
import { userKeyOf } from '../access';
import { runPendingChecks } from '../apply-updates';
import { reserveDailyBudget } from '../guards/spend-cap';
import { chosenAdvertiser, nameOf } from '../link-steps';
import {
  ambiguousCampaignRemediation,
  errorClassOf,
  isAmbiguousCampaign,
  isTikTokError,
  remediationFor,
} from '../remediation';
import { runOwnedSubmission } from '../submission/owned';
import type { ThreadState } from '../thread-state';
import { text } from '../turn-io';
import { askNext } from './ask-next';
import type { TurnSteps } from './context';

/** Submits an approved draft; the result or a remediation goes to the thread. */
export async function submit(steps: TurnSteps, state: ThreadState): Promise<ThreadState> {
  const { ctx } = steps;
  const { settings, ads, store, keys, logger } = ctx.deps;
  const missing = missingFields(state.draft, settings.budget);
  const broken = crossFieldViolations(state.draft);
  if (broken.length > 0) {
    state.status = 'collecting';
    state.approvals = [];
    await ctx.say({ type: 'violations', violations: broken });
    return state;
  }
  if (missing.length > 0) {
    state.status = 'collecting';
    await ctx.say(
      text(`The draft is missing ${missing.join(', ')}; it cannot be submitted yet.`, 'error'),
    );
    return state;
  }
  const account = await ctx.requesterAccount(state);
  if (!account) return steps.links.askToLink(state, 'submit');
  const advertiser_id = chosenAdvertiser(account, state);
  if (!advertiser_id) return steps.links.askForAdvertiser(state, account);
  const auth = { access_token: account.access_token, advertiser_id };

  if (hasPendingChecks(state.draft)) {
    let checked: Awaited<ReturnType<typeof runPendingChecks>>;
    try {
      checked = await runPendingChecks(state.draft, { ...ctx.applyContext(auth), auth });
    } catch (error) {
      return submitFailed(steps, state, error);
    }
    state.draft = checked.draft;
    if (checked.notes.length > 0)
      await ctx.say(...checked.notes.map((note) => text(note, 'success')));
    if (checked.violations.length > 0) {
      state.revision += 1;
      state.approvals = [];
      await ctx.say(
        { type: 'violations', violations: checked.violations },
        text(
          'Nothing was sent to TikTok. Once this is fixed, the draft needs approval again.',
          'warning',
        ),
      );
      return askNext(steps, state);
    }
  }

  const spend = await reserveDailyBudget(store, keys, state, settings, ctx.now());
  if (!spend.ok) {
    ctx.audits.push({ ...spend.audit, thread_id: state.thread_id });
    await ctx.say(spend.block);
    return state;
  }
  // The approval's records go before the submission's own, which are written as they happen.
  for (const record of ctx.audits.splice(0)) await ctx.deps.auditTrail?.append(record);

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
      persist: async (s) => {
        const sub = s.submission;
        if (s.status === 'submitted' && sub?.campaign_id && sub.adgroup_id && sub.ad_id)
          await ctx.say(text('Your ad was created on TikTok and switched on.', 'success'), {
            type: 'result',
            advertiser_id: sub.advertiser_id,
            campaign_id: sub.campaign_id,
            adgroup_id: sub.adgroup_id,
            ad_id: sub.ad_id,
          });
        await ctx.checkpoint(s);
      },
      progress: (steps) =>
        ctx.emit({ thread_id: state.thread_id, key, blocks: [{ type: 'progress', steps }] }),
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
        `TikTok no longer accepts ${nameOf(state.requester)}'s linked account (code ${error.tiktok_code}: ${error.tiktok_message}). I won't retry with it; anything already created is kept and will not be created twice.`,
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
    await ctx.say(text('There is no failed submission to retry.', 'warning'));
    return null;
  }
  if (saved.approvals.length < ctx.deps.settings.approvals_required) {
    await ctx.say(text('This draft needs approval again before it can be submitted.', 'warning'));
    return null;
  }
  await ctx.say(text('Retrying; steps that already succeeded are kept.'));
  return submit(steps, structuredClone(saved));
}
