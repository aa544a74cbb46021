// The proposal a chat message starts from: the model's (after the spend and rate guards), or a
// library pick taken as it is; then the command's own words and a pick under the music list.
import { missingFields } from '../../ad/draft-rules';
import {
  emptyUpdates,
  ModelError,
  type Proposal,
  type ProposalUpdates,
} from '../../model/proposal';
import type { ChatEvent } from '../chat-event';
import { campaignNameFromCommand } from '../command-words';
import { modelCallRefusal } from '../guards/model-guard';
import { soundsLikeAPick } from '../media/pick-words';
import { sayError } from '../remediation';
import type { ThreadState } from '../thread-state';
import type { TurnContext } from './context';

/**
 * What the turn takes `message` to propose: `picked` (a library pick) as the updates, else the
 * model's proposal. `null` when the guards refused the call or the model failed; either was
 * said to the thread, and the draft is left as it was.
 */
export async function proposalFor(
  ctx: TurnContext,
  state: ThreadState,
  message: string,
  picked: Partial<ProposalUpdates> | undefined,
): Promise<Proposal | null> {
  const { settings, model, logger, store, keys } = ctx.deps;
  const refused = await modelCallRefusal(store, keys, ctx.event, message, settings, ctx.now());
  if (refused) {
    await ctx.say(refused);
    return null;
  }
  if (picked)
    return { message: '', intent: 'provide_details', updates: { ...emptyUpdates(), ...picked } };
  try {
    return await model.propose({
      draft: state.draft,
      status: state.status,
      missing: missingFields(state.draft, settings.budget),
      last_question: state.last_question,
      recent: state.recent,
      message,
    });
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    logger.warn({ kind: error.kind, thread_id: state.thread_id }, 'model turn failed');
    // Each ModelError's message already says the draft was left as it was, and what to do.
    await ctx.say(sayError(error));
    return null;
  }
}

/** True when `proposal` gives details or chats: not a question, command or reset. */
export function givesDetails(proposal: Proposal): boolean {
  return proposal.intent === 'provide_details' || proposal.intent === 'chat';
}

/**
 * `/tiktok-ad <words>` opening a draft: the words name the campaign when nothing else did
 * (a question, command or reset in the command's words names nothing, "/tiktok-ad help").
 */
export function withCommandName(
  proposal: Proposal,
  event: ChatEvent,
  state: ThreadState,
  message: string,
): Proposal {
  if (event.type !== 'start' || !givesDetails(proposal)) return proposal;
  if (proposal.updates.campaign_name !== null || state.draft.campaign_name) return proposal;
  const campaign_name = campaignNameFromCommand(message);
  return campaign_name
    ? { ...proposal, updates: { ...proposal.updates, campaign_name } }
    : proposal;
}

/**
 * "the upbeat one" under the open music list picks from it: it is no bare answer to the
 * question asked again under the list (the objective "the upbeat one"), so such updates go.
 */
export function withoutListPickAnswer(
  proposal: Proposal,
  state: ThreadState,
  message: string,
  musicListOpen: boolean,
): Proposal {
  if (!musicListOpen || !soundsLikeAPick(message)) return proposal;
  if (!onlyAnswers(proposal.updates, state.last_question)) return proposal;
  return { ...proposal, updates: emptyUpdates() };
}

/** True when `updates` set nothing but `field` (a bare answer to the open question). */
function onlyAnswers(updates: ProposalUpdates, field: ThreadState['last_question']): boolean {
  // The draft's `objective_type` is the proposal's `objective`.
  const asked = field === 'objective_type' ? 'objective' : field;
  return Object.entries(updates).every(([key, value]) => value === null || key === asked);
}
