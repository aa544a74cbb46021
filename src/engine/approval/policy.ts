import type { DraftField } from '../../ad/draft';
import { missingFields } from '../../ad/draft-rules';
import { stillNeeded } from '../answers';
import type { ChatUser } from '../chat-event';
import type { EngineSettings } from '../settings';
import type { Approval, ThreadState } from '../thread-state';

/** Why an approval was refused (also the audit record's `reason`). */
export type RefusalReason =
  | 'bot'
  | 'not_awaiting'
  | 'stale_card'
  | 'requester'
  | 'editor'
  | 'not_an_approver'
  | 'outsider';

/** The outcome of one approval attempt. */
export type ApprovalOutcome =
  | { ok: true; approvals: Approval[]; complete: boolean; added: boolean }
  | { ok: false; reason: RefusalReason; message: string };

/** What an approval attempt is checked against: the current content hash and the card used. */
export interface ApprovalAttempt {
  user: ChatUser;
  /** Content hash of the draft as it is now (`contentHash(state.draft, settings)`). */
  hash: string;
  /**
   * The reply key of the card reacted on or clicked; `undefined` when the event names no card
   * (the terminal's `/approve`, which always means the newest card).
   */
  card_key: string | undefined;
  /** True when the event may name no card (the terminal has one card in view at a time). */
  card_optional: boolean;
  at: string;
}

/**
 * Who may approve a ready draft (docs/reliability.md §5):
 * - never a bot, and only while the draft awaits approval;
 * - only on the current card, whose content hash is the draft's hash now (a card of an earlier
 *   version, or one whose content changed since, is refused as `stale_card`);
 * - not the requester, and not anyone who last changed a payload field of this content
 *   (`state.editors`), unless `allow_self_approval`;
 * - not someone outside the workspace's own people (`user.outside`: a Slack Connect user of
 *   another organization, a Discord user who is not a guild member), unless `approvers` lists
 *   their user id: spending a team's budget is the team's call;
 * - when `approvers` is set, only a listed user id, or a member of a listed group or role.
 * Each user counts once. Returns the new approval list (pure; never mutates `state`).
 */
export function approve(
  state: ThreadState,
  attempt: ApprovalAttempt,
  settings: EngineSettings,
): ApprovalOutcome {
  const { user } = attempt;
  if (user.is_bot)
    return { ok: false, reason: 'bot', message: 'Bot reactions do not count as approvals.' };
  if (state.status === 'submitting') {
    return {
      ok: false,
      reason: 'not_awaiting',
      message:
        'This ad is already approved and being submitted; the outcome will be posted here. Nothing more to approve.',
    };
  }
  if (state.status !== 'awaiting_approval') {
    return {
      ok: false,
      reason: 'not_awaiting',
      message: notAwaiting(state, settings),
    };
  }
  if (!isCurrentCard(state, attempt)) {
    return {
      ok: false,
      reason: 'stale_card',
      message:
        'That approval card is out of date: the draft changed after it was posted. Approve the newest card in this thread instead.',
    };
  }
  const refused = whoMayNotApprove(state, user, settings);
  if (refused) return refused;
  const current = validApprovals(state, attempt.hash);
  if (current.some((a) => a.user === user.id))
    return {
      ok: true,
      approvals: current,
      complete: current.length >= settings.approvals_required,
      added: false,
    };
  const record: Approval = {
    user: user.id,
    ...(user.name ? { name: user.name } : {}),
    hash: attempt.hash,
    at: attempt.at,
  };
  const approvals = [...current, record];
  return {
    ok: true,
    approvals,
    complete: approvals.length >= settings.approvals_required,
    added: true,
  };
}

/** True when the attempt is on the current card and that card shows the draft as it is now. */
export function isCurrentCard(state: ThreadState, attempt: ApprovalAttempt): boolean {
  const card = state.card;
  if (!card || card.hash !== attempt.hash) return false;
  if (attempt.card_key === undefined) return attempt.card_optional;
  return attempt.card_key === card.key;
}

/** The refusal for a user who may not approve this content, or `null` when they may. */
export function whoMayNotApprove(
  state: ThreadState,
  user: ChatUser,
  settings: EngineSettings,
): Extract<ApprovalOutcome, { ok: false }> | null {
  if (!settings.allow_self_approval) {
    if (user.id === state.requester.id)
      return {
        ok: false,
        reason: 'requester',
        message: 'You requested this ad, so a teammate needs to approve it.',
      };
    const edited = Object.entries(state.editors ?? {})
      .filter(([, id]) => id === user.id)
      .map(([field]) => field);
    if (edited.length > 0)
      return {
        ok: false,
        reason: 'editor',
        message: `You changed ${edited.join(', ').replace(/_/g, ' ')} in this version, so someone else needs to approve it.`,
      };
  }
  const approvers = settings.approvers ?? [];
  const outsider = outsiderRefusal(user, settings);
  if (outsider) return { ok: false, reason: 'outsider', message: outsider };
  if (approvers.length > 0) {
    const allowed =
      approvers.includes(user.id) || (user.groups ?? []).some((g) => approvers.includes(g));
    if (!allowed)
      return {
        ok: false,
        reason: 'not_an_approver',
        message: 'Only the configured approvers can approve ads here (setting APPROVERS).',
      };
  }
  return null;
}

/** Why an outsider's approval does not count, by `ChatUser.outside`. */
const OUTSIDER_TEXT: Record<NonNullable<ChatUser['outside']>, string> = {
  other_organization:
    "That does not count: you are in another organization (Slack Connect), and only this workspace's own people approve or reject its ads. An admin can name you in APPROVERS.",
  not_a_member:
    'That does not count: you are not a member of this server, and only its members approve or reject its ads. An admin can name you in APPROVERS.',
  unverified:
    "That does not count yet: I could not confirm that you are one of this workspace's own people. Please try again in a moment.",
};

/**
 * Why `user` may not approve or reject here as someone outside the workspace's own people
 * (`ChatUser.outside`), or `null`: members, and outsiders `APPROVERS` names by user id.
 */
export function outsiderRefusal(user: ChatUser, settings: EngineSettings): string | null {
  if (!user.outside || (settings.approvers ?? []).includes(user.id)) return null;
  return OUTSIDER_TEXT[user.outside];
}

/** The approvals that still count: those of this content hash (older ones never do). */
export function validApprovals(state: ThreadState, hash: string): Approval[] {
  return state.approvals.filter((a) => typeof a === 'object' && a.hash === hash);
}

/** Removes `user`'s approval (their ✅ was taken back); returns the remaining approvals. */
export function withdraw(state: ThreadState, user: ChatUser): Approval[] {
  return state.approvals.filter((a) => a.user !== user.id);
}

/**
 * Records `user` as the last editor of each changed payload field (mutates `state.editors`):
 * they cannot approve content they changed, unless self-approval is allowed.
 */
export function noteEditors(
  state: ThreadState,
  changed: readonly DraftField[],
  user: ChatUser,
): void {
  if (changed.length === 0 || user.is_bot) return;
  const editors = { ...state.editors };
  for (const field of changed) editors[field] = user.id;
  state.editors = editors;
}

/** Why there is nothing to approve, with what the draft still needs while it is incomplete. */
function notAwaiting(state: ThreadState, settings: EngineSettings): string {
  const missing = state.status === 'collecting' ? missingFields(state.draft, settings.budget) : [];
  return missing.length > 0
    ? `There is nothing to approve yet: the draft is not complete. ${stillNeeded(missing)}`
    : 'There is nothing to approve right now: the draft is not waiting for approval.';
}
