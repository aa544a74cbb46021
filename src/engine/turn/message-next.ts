// What a message's turn does last, once its changes are kept: the status when asked, a word on
// a failed or link-waiting draft, the music list left to stand alone, or the next question.
import type { Proposal } from '../../model/proposal';
import type { AppliedUpdates } from '../apply-updates';
import type { ThreadState } from '../thread-state';
import { text } from '../turn-io';
import { askNext } from './ask-next';
import type { TurnSteps } from './context';
import { MESSAGE_TEXTS } from './message-texts';
import { sayStatus } from './status';

/** Which ending a message's turn takes; see {@link nextAfterMessage}. */
export type MessageEnding =
  | 'status'
  | 'last_failed'
  | 'awaiting_link'
  | 'music_list'
  | 'card_stands'
  | 'ask_next';

/**
 * The ending for a message whose changes are kept in `state`, first match wins:
 * `status` (the user asked where things stand), `last_failed` (a failed draft the message did
 * not change), `awaiting_link` (approved, waiting for the requester's link), `music_list` (the
 * music list shown under the open media question stands alone: "#2" picks from it next),
 * `card_stands` (awaiting approval, and the message neither changed the draft nor asked for
 * approval), else `ask_next`.
 */
export function nextAfterMessage(
  state: ThreadState,
  proposal: Proposal,
  applied: AppliedUpdates,
): MessageEnding {
  const changed = applied.changed.length > 0;
  if (proposal.intent === 'show_status') return 'status';
  if (state.status === 'failed' && !changed) return 'last_failed';
  if (state.status === 'awaiting_link') return 'awaiting_link';
  if (musicListStandsAlone(proposal, state)) return 'music_list';
  const wantsApproval = proposal.intent === 'request_approval' || changed;
  if (state.status === 'awaiting_approval' && !wantsApproval) return 'card_stands';
  return 'ask_next';
}

/**
 * Ends a message's turn as {@link nextAfterMessage} says; `offerSeveral`: say once that
 * several details can come in one message (when the message gave one field or none).
 */
export async function endMessage(
  steps: TurnSteps,
  state: ThreadState,
  ending: MessageEnding,
  offerSeveral: boolean,
): Promise<ThreadState> {
  const { ctx } = steps;
  switch (ending) {
    case 'status':
      await sayStatus(ctx, state);
      return state;
    case 'last_failed':
      await ctx.say(
        text(MESSAGE_TEXTS.lastFailed, 'info', [{ action_id: 'retry', label: 'Retry' }]),
      );
      return state;
    case 'awaiting_link':
      await ctx.say(
        text(MESSAGE_TEXTS.awaitingLink(state.requester), 'info', [
          { action_id: 'link_account', label: 'Link account' },
        ]),
      );
      return state;
    case 'music_list':
      state.last_question = null;
      await ctx.say();
      return state;
    case 'card_stands':
      if (ctx.pending.length > 0) await ctx.say();
      return state;
    case 'ask_next':
      return askNext(steps, state, { offerSeveral });
  }
}

/**
 * True when this turn showed the music list while the media question is open: that list is
 * what "#2" picks from next, so the media question (with its own numbered list) is not asked
 * under it, but after the pick.
 */
function musicListStandsAlone(proposal: Proposal, state: ThreadState): boolean {
  return (
    proposal.intent === 'question' &&
    proposal.question_topic === 'music' &&
    state.music_listed === true &&
    state.status === 'collecting' &&
    state.last_question === 'media'
  );
}
