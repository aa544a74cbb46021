// Starting a thread's draft over: the Reset action, or a restart typed in a message.
import type { ProposalUpdates } from '../../model/proposal';
import { startOver } from '../submission/record';
import type { ThreadState } from '../thread-state';
import { type Outcome, text } from '../turn-io';
import { askNext } from './ask-next';
import type { TurnSteps } from './context';
import { MESSAGE_TEXTS } from './message-texts';

/** Starts the thread over with an empty draft (the Reset action, or a "start over" message). */
export async function startAgain(steps: TurnSteps, saved: ThreadState): Promise<ThreadState> {
  await steps.ctx.say(text(MESSAGE_TEXTS.startedOver));
  return askNext(steps, startOver(saved, steps.ctx.fresh()));
}

/**
 * A restart typed in a message. On a ready draft it only points at Reset (a typed "start over"
 * could be a slip; the draft stays). Otherwise it starts over; with details said after the
 * restart ("scrap that, let's do a new one called Taco Tuesday") it returns the fresh state for
 * the caller to apply them to.
 */
export async function restartFromMessage(
  steps: TurnSteps,
  saved: ThreadState,
  updates: ProposalUpdates,
): Promise<{ outcome: Outcome } | { state: ThreadState }> {
  if (saved.status === 'ready' || saved.status === 'awaiting_approval') {
    await steps.ctx.say(
      text(MESSAGE_TEXTS.restartReady, 'warning', [{ action_id: 'reset', label: 'Reset' }]),
    );
    return { outcome: null };
  }
  if (Object.values(updates).every((value) => value === null))
    return { outcome: await startAgain(steps, saved) };
  await steps.ctx.say(text(MESSAGE_TEXTS.startedOver));
  return { state: startOver(saved, steps.ctx.fresh()) };
}
