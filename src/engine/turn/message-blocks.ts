// What a message's turn says before it asks on: the "Got it" line, the answer to a question (or
// the model's own short line), the checks' notes and follow-ups, and the violations.
import type { Proposal, QuestionTopic } from '../../model/proposal';
import { answerFor } from '../answers';
import type { AppliedUpdates } from '../apply-updates';
import { approvalHowTo } from '../approval/how-to';
import { musicAnswer } from '../music/answer';
import type { Block } from '../reply';
import type { ThreadState } from '../thread-state';
import { text } from '../turn-io';
import { understoodBlock } from '../understood';
import type { TurnContext } from './context';
import { MESSAGE_TEXTS } from './message-texts';

/**
 * What a message's turn says first: the "Got it" line, the answer to a question (or the model's
 * own short message), the notes of checks, what a taken change now needs (`follow_ups`), and
 * the violations. Answering may mark `state.music_listed` (the music answer lists tracks).
 */
export async function messageBlocks(
  ctx: TurnContext,
  proposal: Proposal,
  applied: AppliedUpdates,
  state: ThreadState,
): Promise<Block[]> {
  const blocks: Block[] = [];
  const understood = understoodBlock(applied.draft, applied.changed, ctx.deps.settings.budget);
  if (understood) blocks.push(understood);
  if (proposal.intent === 'question')
    blocks.push(await answer(ctx, proposal.question_topic, state));
  // A model that caught nothing ("Sorry, I didn't catch …") is not repeated when the engine
  // still made a change (a pick from a list shown earlier, like "#2" for the music list).
  else if (
    proposal.message.trim() !== '' &&
    !(proposal.intent === 'chat' && applied.changed.length > 0)
  )
    blocks.push(text(proposal.message.trim()));
  for (const note of applied.notes) blocks.push(text(note, 'success'));
  for (const line of applied.follow_ups ?? []) blocks.push(text(line, 'info'));
  if (applied.violations.length > 0)
    blocks.push({ type: 'violations', violations: applied.violations });
  return blocks;
}

/**
 * The answer to a pick ("#2", "the second one") when no numbered list is open: there is none,
 * and how to get the music list (which needs the requester's link, `linked`).
 */
export function noListOpen(message: string, linked: boolean): Block {
  return text(MESSAGE_TEXTS.noListOpen(message, linked), 'info');
}

/** The engine's own answer to a question (never the model's text); see `answers.ts`. */
async function answer(
  ctx: TurnContext,
  topic: QuestionTopic | null | undefined,
  state: ThreadState,
): Promise<Block> {
  if (topic === 'music') return musicListAnswer(ctx, state);
  if (topic === 'approval') return approvalHowTo(state, ctx.event.user, ctx.deps.settings);
  const options =
    topic === 'media'
      ? (await ctx.library(state)).slice(0, 10).map((item) => `${item.id} (${item.file_name})`)
      : [];
  return answerFor(topic ?? 'help', state.draft, ctx.deps.settings, options);
}

/** The music answer; marks the list shown (`music_listed`) or wanted once linked. */
async function musicListAnswer(ctx: TurnContext, state: ThreadState): Promise<Block> {
  const { deps, event } = ctx;
  const auth = await ctx.requesterAuth(state);
  const waitingFor = auth || !(await ctx.requesterAccount(state)) ? 'link' : 'advertiser';
  const music = await musicAnswer(
    deps.ads,
    auth,
    state.draft,
    deps.settings,
    event.platform,
    waitingFor,
  );
  if (music.listed) state.music_listed = true;
  if (!auth) state.music_list_wanted = true;
  return music.block;
}
