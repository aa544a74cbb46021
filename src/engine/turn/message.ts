// A chat message in a turn, as named steps: refuse a closed draft, take the proposal (the
// model's, or a library pick), restart if asked, take the updates the rules allow (files
// uploaded first), say what was understood, keep the changes, then end the turn.
import { missingFields } from '../../ad/draft-rules';
import type { ProposalUpdates } from '../../model/proposal';
import type { ChatEvent } from '../chat-event';
import { mediaChoiceBlock } from '../media/choice-block';
import { namesAPosition } from '../media/pick-words';
import type { Block } from '../reply';
import type { ThreadState } from '../thread-state';
import { type Outcome, text } from '../turn-io';
import type { TurnContext, TurnSteps } from './context';
import { keepChanges } from './keep-changes';
import { messageBlocks, noListOpen } from './message-blocks';
import { endMessage, nextAfterMessage } from './message-next';
import { MESSAGE_TEXTS } from './message-texts';
import { givesDetails, proposalFor, withCommandName, withoutListPickAnswer } from './propose-step';
import { restartFromMessage } from './restart';
import { needsTikTok, type TakenUpdates, takeUpdates } from './take-updates';

/** A chat message's files (none for a typed line or a pick). */
export type MessageFiles = NonNullable<Extract<ChatEvent, { type: 'message' }>['files']>;

/**
 * A chat message: ask the model for a proposal (or take `picked`, a library pick, as the
 * updates), apply what the rules allow, ask what's missing. `null` when nothing is to be saved.
 */
export async function handleMessage(
  steps: TurnSteps,
  saved: ThreadState,
  message: string,
  files: MessageFiles,
  picked?: Partial<ProposalUpdates>,
): Promise<Outcome> {
  const { ctx } = steps;
  const closed = closedDraftBlock(saved);
  if (closed) {
    await ctx.say(closed);
    return null;
  }
  let state: ThreadState = structuredClone(saved);
  let proposal = await proposalFor(ctx, state, message, picked);
  if (!proposal) return null;
  const offerSeveral = givesDetails(proposal);
  proposal = withCommandName(proposal, ctx.event, state, message);
  if (proposal.intent === 'reset') {
    const restarted = await restartFromMessage(steps, saved, proposal.updates);
    if (!('state' in restarted)) return restarted.outcome;
    state = restarted.state;
    proposal = { ...proposal, intent: 'provide_details' };
  }
  // The requester's link (a Redis read and a decrypt) only when this turn may talk to TikTok:
  // files to upload, music or media named, or words picking from the library's list.
  const auth = needsTikTok(proposal.updates, files, state) ? await ctx.requesterAuth(state) : null;
  await offerLinkWithFirstDetails(steps, state);
  // A media question asked after the music list has the newer numbered list.
  const musicListOpen = state.music_listed === true && state.last_question !== 'media';
  proposal = withoutListPickAnswer(proposal, state, message, musicListOpen);
  const taken = await takeUpdates(ctx, state, proposal.updates, {
    message,
    files,
    auth,
    musicListOpen,
  });
  if (!taken) return null;
  const { applied } = taken;
  ctx.remember(state, { role: 'user', text: message });
  const blocks = await messageBlocks(ctx, proposal, applied, state);
  // "#2" with no numbered list open: say so and how to get one, not "didn't catch".
  const mediaListOpen = state.last_question === 'media' && auth !== null;
  if (applied.changed.length === 0 && !musicListOpen && !mediaListOpen && namesAPosition(message))
    blocks.splice(0, blocks.length, noListOpen(message, (await ctx.requesterAuth(state)) !== null));
  const kept = keepChanges(state, applied, ctx.event.user);
  blocks.push(...kept.blocks);
  const choice = await uploadedImagesChoice(ctx, state, taken);
  if (choice) blocks.push(choice);
  ctx.pending.push(...blocks);
  if (kept.editedAfterReady) await steps.approvals.markReplaced(state, MESSAGE_TEXTS.cardReplaced);
  const ending = nextAfterMessage(state, proposal, applied);
  // One field (or none) at a time: say once what is still needed and that several can come
  // in one message. Not after a question, whose answer already said its part.
  return endMessage(steps, state, ending, offerSeveral && applied.changed.length <= 1);
}

/**
 * What a message on a draft that takes no more edits gets: being submitted (Retry resumes
 * it), or already submitted. `null` for a draft still open to edits.
 */
export function closedDraftBlock(saved: ThreadState): Block | null {
  if (saved.status === 'submitting')
    return text(MESSAGE_TEXTS.submitting, 'warning', [{ action_id: 'retry', label: 'Retry' }]);
  if (saved.status === 'submitted')
    return text(MESSAGE_TEXTS.alreadySubmitted(saved.submission?.ad_id));
  return null;
}

/**
 * The early link goes out with the draft's first details, once, when the requester has none
 * (a link that breaks later is asked for when a check or the submit needs it).
 */
async function offerLinkWithFirstDetails(steps: TurnSteps, state: ThreadState): Promise<void> {
  if (state.status !== 'collecting' || state.revision !== 0 || state.link_offered) return;
  if (await steps.ctx.requesterAccount(state)) return;
  await steps.links.offerEarly(state);
}

/**
 * Uploaded images joined the carousel: the library with them chosen, to add or change picks,
 * while other details are still to come (the card shows the final choice). `null` otherwise.
 */
async function uploadedImagesChoice(
  ctx: TurnContext,
  state: ThreadState,
  taken: TakenUpdates,
): Promise<Block | null> {
  const missing = missingFields(state.draft, ctx.deps.settings.budget);
  const uploadedImages = taken.uploaded?.image_ids.length ?? 0;
  if (uploadedImages === 0 || missing.length === 0 || missing.includes('media')) return null;
  return mediaChoiceBlock(await ctx.library(state), state.draft);
}
