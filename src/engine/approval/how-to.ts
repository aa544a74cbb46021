// The pointer a person gets who types "approve" (or asks how approval works): how approving is
// done on this platform, whether they may approve, and where the draft stands.
import { missingFields } from '../../ad/draft-rules';
import { stillNeeded } from '../answers';
import type { ChatUser } from '../chat-event';
import { shortHash } from '../content-hash';
import type { Block } from '../reply';
import type { EngineSettings } from '../settings';
import type { ThreadState } from '../thread-state';
import { validApprovals, whoMayNotApprove } from './policy';

/** How approving is done where the thread is: the terminal's command, or the card's ✅ and button. */
function howOn(platform: ThreadState['platform']): string {
  return platform === 'console'
    ? 'Approving is done with /approve (or /reject to send the draft back for editing), not by a message.'
    : 'Approving is done on the approval card, not by a message: react ✅ on it or click its Approve button (❌ or Reject sends the draft back for editing).';
}

/** Whether `user` may approve, and otherwise who may (the policy's own words). */
function who(state: ThreadState, user: ChatUser, settings: EngineSettings): string {
  const refused = whoMayNotApprove(state, user, settings);
  if (refused) {
    const listed = (settings.approvers ?? []).length > 0;
    return `${refused.message}${listed && refused.reason !== 'not_an_approver' ? ' It must be one of the approvers set in APPROVERS.' : ''}`;
  }
  return user.id === state.requester.id
    ? 'You can approve it yourself here (self-approval is allowed).'
    : 'You can approve it.';
}

/** Where the draft stands: the card waiting and its count, or what is still missing. */
function where(state: ThreadState, settings: EngineSettings): string {
  const needed = settings.approvals_required;
  const of = `${needed} approval${needed === 1 ? '' : 's'}`;
  if (state.status === 'awaiting_approval' && state.card) {
    const have = validApprovals(state, state.card.hash).length;
    return `The current card (version ${shortHash(state.card.hash)}) needs ${of}; ${have === 0 ? 'none yet' : `${have} so far`}.`;
  }
  if (state.status === 'collecting') {
    const missing = missingFields(state.draft, settings.budget);
    return missing.length > 0
      ? `Nothing to approve yet. ${stillNeeded(missing)} Once the draft is complete I post the approval card; it needs ${of}.`
      : `I post the approval card once TikTok's checks are done; it needs ${of}.`;
  }
  return `Each version of the draft needs ${of} on its card.`;
}

/**
 * The reply to "approve" typed as a message (which never approves: model text cannot submit)
 * and to "how does approval work?": how to approve on this platform (✅ / the Approve button,
 * or `/approve` in the terminal), whether `user` may approve under the approval policy
 * (`policy.ts`: not the requester or an editor unless self-approval is allowed; APPROVERS), and
 * where the draft stands. Shown with tone `info`; changes nothing.
 */
export function approvalHowTo(
  state: ThreadState,
  user: ChatUser,
  settings: EngineSettings,
): Block & { type: 'text' } {
  return {
    type: 'text',
    tone: 'info',
    // Where the draft stands comes first while there is nothing to approve yet.
    text: (state.status === 'collecting'
      ? [where(state, settings), howOn(state.platform), who(state, user, settings)]
      : [howOn(state.platform), who(state, user, settings), where(state, settings)]
    ).join(' '),
  };
}
