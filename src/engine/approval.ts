import type { ChatUser } from './chat-event';
import type { EngineSettings } from './settings';
import type { ThreadState } from './thread-state';

/** The outcome of one approval attempt. */
export type ApprovalOutcome =
  | { ok: true; approvals: string[]; complete: boolean }
  | { ok: false; reason: string };

/**
 * Records `user`'s approval of the current revision, following the policy in settings:
 * bots never count, the requester counts only when `allow_self_approval`, each user counts
 * once, and only a draft awaiting approval can be approved. Returns the new approval list and
 * whether it meets `approvals_required`; never mutates `state`.
 */
export function approve(
  state: ThreadState,
  user: ChatUser,
  settings: EngineSettings,
): ApprovalOutcome {
  if (user.is_bot) return { ok: false, reason: 'Bot reactions do not count as approvals.' };
  if (state.status !== 'awaiting_approval') {
    return {
      ok: false,
      reason: 'There is nothing to approve right now: the draft is not waiting for approval.',
    };
  }
  if (user.id === state.requester.id && !settings.allow_self_approval) {
    return { ok: false, reason: 'You requested this ad, so a teammate needs to approve it.' };
  }
  if (state.approvals.includes(user.id)) {
    return {
      ok: true,
      approvals: state.approvals,
      complete: state.approvals.length >= settings.approvals_required,
    };
  }
  const approvals = [...state.approvals, user.id];
  return { ok: true, approvals, complete: approvals.length >= settings.approvals_required };
}

/** Removes `user`'s approval (their ✅ was taken back); returns the remaining approvals. */
export function withdraw(state: ThreadState, user: ChatUser): string[] {
  return state.approvals.filter((id) => id !== user.id);
}
