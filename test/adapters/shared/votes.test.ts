import { isApprovalVote, withStanding } from '../../../adapters/shared/votes';
import type { ChatEvent } from '../../../src/engine/ports';

const envelope = {
  event_id: 'e1',
  thread_id: 'slack:T1:C1:1.0',
  platform: 'slack' as const,
  workspace_id: 'T1',
  channel_id: 'C1',
  user: { id: 'U1', name: 'Ana' },
};

const reaction = (emoji: string, added = true): ChatEvent => ({
  ...envelope,
  type: 'reaction',
  emoji,
  added,
});
const action = (action_id: 'approve' | 'reject' | 'status'): ChatEvent => ({
  ...envelope,
  type: 'action',
  action_id,
});

describe('isApprovalVote', () => {
  it('is true for approve and reject reactions, added or removed, and for Approve/Reject clicks', () => {
    expect(isApprovalVote(reaction('white_check_mark'))).toBe(true);
    expect(isApprovalVote(reaction('x', false))).toBe(true);
    expect(isApprovalVote(action('approve'))).toBe(true);
    expect(isApprovalVote(action('reject'))).toBe(true);
  });

  it('is false for other reactions and buttons, messages, and anything a bot did', () => {
    expect(isApprovalVote(reaction('tada'))).toBe(false);
    expect(isApprovalVote(action('status'))).toBe(false);
    expect(isApprovalVote({ ...envelope, type: 'message', text: 'approve' })).toBe(false);
    expect(isApprovalVote({ ...action('approve'), user: { id: 'B1', is_bot: true } })).toBe(false);
  });
});

describe('withStanding', () => {
  it('puts the groups and the outside mark on the user, keeping the rest', () => {
    const voted = withStanding(action('approve'), { groups: ['S1'], outside: 'unverified' });
    expect(voted.user).toEqual({ id: 'U1', name: 'Ana', groups: ['S1'], outside: 'unverified' });
    expect(voted.event_id).toBe('e1');
  });

  it('adds nothing for what is unknown', () => {
    expect(withStanding(action('approve'), {}).user).toEqual({ id: 'U1', name: 'Ana' });
  });
});
