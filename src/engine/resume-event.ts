import { randomUUID } from 'node:crypto';
import type { ChatEvent } from './chat-event';
import type { ThreadState } from './thread-state';

/**
 * The `submission_resume` event that goes on with `state`'s interrupted submission, as its
 * requester, with a new event id (`resume:<uuid>`). `reason` says what interrupted it:
 * `restart` (the process died; the resumer) or `store_back` (the store failed mid-submission
 * and answers again).
 */
export function resumeEventOf(
  state: ThreadState,
  reason: 'restart' | 'store_back' = 'restart',
): Extract<ChatEvent, { type: 'submission_resume' }> {
  return {
    type: 'submission_resume',
    reason,
    event_id: `resume:${randomUUID()}`,
    thread_id: state.thread_id,
    platform: state.platform,
    workspace_id: state.workspace_id,
    channel_id: state.channel_id,
    user: state.requester,
  };
}
