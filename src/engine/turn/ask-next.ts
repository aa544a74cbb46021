// The turn's next question: the first missing field, the wait for a TikTok check, or, once
// the draft is complete and checked, the approval request (askNext).
import { hasPendingChecks } from '../../ad/draft';
import { missingFields } from '../../ad/draft-rules';
import { stillNeeded } from '../answers';
import { nameOf } from '../link-steps';
import { checkNamedChoices, waitingForLinkText } from '../linking/named-checks';
import { mediaChoiceBlock } from '../media/choice-block';
import { questionFor } from '../questions';
import type { ThreadState } from '../thread-state';
import { text } from '../turn-io';
import type { TurnContext, TurnSteps } from './context';

/** How {@link askNext} may ask. */
export interface AskOptions {
  /**
   * The person is giving one field at a time (their message set at most one): with three or
   * more fields still missing, the question may say what is still needed and that several can
   * be sent in one message, once per draft.
   */
  offerSeveral?: boolean;
}

/** Fields still missing from which the question says what is needed and that several can come at once. */
const SEVERAL_FROM = 3;

/** Asks for the first missing field, or, when the draft is complete, asks for approval. */
export async function askNext(
  steps: TurnSteps,
  state: ThreadState,
  options: AskOptions = {},
): Promise<ThreadState> {
  const { ctx } = steps;
  const { settings } = ctx.deps;
  const waiting = await checkNamed(ctx, state);
  const missing = missingFields(state.draft, settings.budget);
  const next = missing[0];
  if (next) {
    state.status = 'collecting';
    const question = questionFor(next, state.draft, settings.budget, [], state.platform);
    state.last_question = next;
    ctx.remember(state, { role: 'bot', text: question.text });
    const several =
      options.offerSeveral && missing.length >= SEVERAL_FROM && !state.several_offered
        ? [text(`${stillNeeded(missing)} You can send several in one message.`)]
        : [];
    if (several.length > 0) state.several_offered = true;
    const choice =
      next === 'media' ? mediaChoiceBlock(await ctx.library(state), state.draft) : null;
    await ctx.say(...several, question, ...(choice ? [choice] : []));
    return state;
  }
  state.last_question = null;
  if (waiting !== 'none') {
    // Approval is the last step: no card while a TikTok check is still to come.
    state.status = 'collecting';
    if (waiting === 'needs_link') await ctx.say(waitingForLinkText(state, nameOf(state.requester)));
    const account = await ctx.requesterAccount(state);
    if (waiting === 'needs_advertiser' && account)
      return steps.links.askForAdvertiser(state, account);
    return state;
  }
  // Complete, valid and checked (`ready`): the approval request goes out in this same turn.
  state.status = 'awaiting_approval';
  const how =
    settings.approvals_required === 1 ? 'one approval' : `${settings.approvals_required} approvals`;
  ctx.remember(state, { role: 'bot', text: 'The draft is complete and waiting for approval.' });
  await ctx.say(
    text(`The draft is complete. It needs ${how} before I submit it to TikTok.`, 'success'),
  );
  await steps.approvals.postCard(state);
  return state;
}

/**
 * Runs the checks that waited for a link when the requester is linked now, and says the
 * results: `none` when nothing waits any more, `needs_link` when some check waits for a
 * usable link, `failed` when TikTok could not answer (already said; tried again next turn).
 */
async function checkNamed(
  ctx: TurnContext,
  state: ThreadState,
): Promise<'none' | 'needs_link' | 'needs_advertiser' | 'failed'> {
  if (!hasPendingChecks(state.draft)) return 'none';
  const auth = await ctx.requesterAuth(state);
  if (!auth) return (await ctx.requesterAccount(state)) ? 'needs_advertiser' : 'needs_link';
  const blocks = await checkNamedChoices(state, { ...ctx.applyContext(auth), auth });
  if (blocks.length > 0) await ctx.say(...blocks);
  return hasPendingChecks(state.draft) ? 'failed' : 'none';
}
