import { type ChatEvent, type ChatUser, reactionMeaning } from '../../src/engine/ports';

/**
 * Whether `event` is an approval vote: a reaction the engine reads as approve or reject (✅, ❌,
 * ✔️; added or removed), or a click on Approve or Reject. Only votes need the voter's standing.
 */
export function isApprovalVote(event: ChatEvent): boolean {
  if (event.user.is_bot) return false;
  if (event.type === 'reaction') return reactionMeaning(event.emoji) !== null;
  return event.type === 'action' && (event.action_id === 'approve' || event.action_id === 'reject');
}

/** What an adapter learnt about a voter: their approver groups (roles), and whether outside. */
export interface VoterStanding {
  groups?: string[] | undefined;
  outside?: ChatUser['outside'] | undefined;
}

/** `event` with the voter's standing on its user (nothing added for what is unknown). */
export function withStanding(event: ChatEvent, standing: VoterStanding): ChatEvent {
  const { groups, outside } = standing;
  return {
    ...event,
    user: { ...event.user, ...(groups ? { groups } : {}), ...(outside ? { outside } : {}) },
  };
}
