// The changes a message's turn took, kept in the thread's state: the new draft and revision,
// who edited what, and, for an edit after the draft was ready, approvals dropped.
import type { AppliedUpdates } from '../apply-updates';
import { noteEditors } from '../approval/policy';
import type { ChatUser } from '../chat-event';
import type { Block } from '../reply';
import type { ThreadState } from '../thread-state';
import { text } from '../turn-io';
import { MESSAGE_TEXTS } from './message-texts';

/** Statuses an edit takes back to `collecting` (the card, if any, no longer shows the draft). */
const READY_STATUSES: readonly ThreadState['status'][] = [
  'ready',
  'awaiting_approval',
  'awaiting_link',
  'failed',
];

/**
 * Keeps `applied` in `state` (mutated): the draft, one more revision, the editors; a chosen
 * track closes the music list. An edit of a ready draft (`READY_STATUSES`) drops its approvals
 * and goes back to `collecting`. Returns whether it did, and what to say about it.
 */
export function keepChanges(
  state: ThreadState,
  applied: AppliedUpdates,
  user: ChatUser,
): { editedAfterReady: boolean; blocks: Block[] } {
  const blocks: Block[] = [];
  const changed = applied.changed.length > 0;
  const editedAfterReady = changed && READY_STATUSES.includes(state.status);
  if (applied.changed.includes('music')) {
    delete state.music_listed;
    delete state.music_list_wanted;
  }
  if (!changed) return { editedAfterReady, blocks };
  state.draft = applied.draft;
  state.revision += 1;
  noteEditors(state, applied.changed, user);
  if (editedAfterReady) {
    if (state.approvals.length > 0) blocks.push(text(MESSAGE_TEXTS.approvalsDropped, 'warning'));
    state.approvals = [];
    state.status = 'collecting';
  }
  return { editedAfterReady, blocks };
}
