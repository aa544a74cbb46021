import {
  type ApprovalAttempt,
  approve,
  isCurrentCard,
  noteEditors,
  outsiderRefusal,
  validApprovals,
  withdraw,
} from '../../../src/engine/approval/policy';
import type { ChatUser } from '../../../src/engine/chat-event';
import { testSettings } from '../../support/harness';
import { COMPLETE_DRAFT, REQUESTER, stateOf, TEAMMATE } from '../../support/thread-states';

const HASH = 'a'.repeat(64);
const CARD = { key: `approval:1:${HASH.slice(0, 8)}:1`, hash: HASH };
const waiting = () => stateOf({ status: 'awaiting_approval', draft: COMPLETE_DRAFT, card: CARD });
const strict = testSettings({ allow_self_approval: false, approvals_required: 2 });

function attempt(user: ChatUser, over: Partial<ApprovalAttempt> = {}): ApprovalAttempt {
  return {
    user,
    hash: HASH,
    card_key: CARD.key,
    card_optional: false,
    at: '2026-12-07T11:00:00Z',
    ...over,
  };
}

describe('approve', () => {
  it('adds a teammate approval bound to the hash, complete only at the required count', () => {
    const first = approve(waiting(), attempt(TEAMMATE), strict);
    expect(first).toEqual({
      ok: true,
      complete: false,
      added: true,
      approvals: [{ user: 'U_MATE', name: 'Tom', hash: HASH, at: '2026-12-07T11:00:00Z' }],
    });
    const state = waiting();
    state.approvals = first.ok ? first.approvals : [];
    const second = approve(state, attempt({ id: 'U_3' }), strict);
    expect(second.ok && second.complete).toBe(true);
  });

  it('counts each user once', () => {
    const state = waiting();
    state.approvals = [{ user: 'U_MATE', hash: HASH, at: 'x' }];
    expect(approve(state, attempt(TEAMMATE), strict)).toMatchObject({
      ok: true,
      added: false,
      complete: false,
    });
  });

  it('never counts a bot', () => {
    expect(approve(waiting(), attempt({ id: 'B1', is_bot: true }), strict)).toMatchObject({
      ok: false,
      reason: 'bot',
    });
  });

  it('refuses while submitting and when nothing awaits approval, naming what is missing', () => {
    expect(approve(stateOf({ status: 'submitting' }), attempt(TEAMMATE), strict)).toMatchObject({
      ok: false,
      reason: 'not_awaiting',
      message: expect.stringContaining('already approved and being submitted'),
    });
    const collecting = approve(
      stateOf({ draft: { campaign_name: 'Spring' } }),
      attempt(TEAMMATE),
      strict,
    );
    expect(collecting).toMatchObject({ ok: false, reason: 'not_awaiting' });
    expect(!collecting.ok && collecting.message).toMatch(
      /not complete\. Still needed: .*objective/,
    );
  });

  it('refuses a stale card and a changed hash', () => {
    expect(
      approve(waiting(), attempt(TEAMMATE, { card_key: 'approval:0:deadbeef:1' }), strict),
    ).toMatchObject({
      reason: 'stale_card',
    });
    expect(approve(waiting(), attempt(TEAMMATE, { hash: 'b'.repeat(64) }), strict)).toMatchObject({
      reason: 'stale_card',
    });
  });

  it('refuses the requester and editors unless self-approval is allowed', () => {
    expect(approve(waiting(), attempt(REQUESTER), strict)).toMatchObject({ reason: 'requester' });
    const edited = waiting();
    edited.editors = { ad_text: 'U_MATE', budget: 'U_MATE' };
    expect(approve(edited, attempt(TEAMMATE), strict)).toMatchObject({
      reason: 'editor',
      message: 'You changed ad text, budget in this version, so someone else needs to approve it.',
    });
    expect(approve(edited, attempt(TEAMMATE), testSettings())).toMatchObject({ ok: true });
  });

  it('with APPROVERS, takes only listed ids or members of listed groups', () => {
    const settings = testSettings({ approvers: ['U_BOSS', 'S_MARKETING'] });
    expect(approve(waiting(), attempt(TEAMMATE), settings)).toMatchObject({
      reason: 'not_an_approver',
    });
    expect(approve(waiting(), attempt({ id: 'U_BOSS' }), settings)).toMatchObject({ ok: true });
    expect(
      approve(waiting(), attempt({ id: 'U_X', groups: ['S_MARKETING'] }), settings),
    ).toMatchObject({ ok: true });
  });

  it('refuses outsiders unless APPROVERS names them by id', () => {
    const guest: ChatUser = { id: 'U_GUEST', outside: 'other_organization' };
    expect(approve(waiting(), attempt(guest), testSettings())).toMatchObject({
      reason: 'outsider',
      message: expect.stringContaining('Slack Connect'),
    });
    expect(
      approve(waiting(), attempt(guest), testSettings({ approvers: ['U_GUEST'] })),
    ).toMatchObject({ ok: true });
  });
});

describe('isCurrentCard', () => {
  it('accepts no card key only where the card may be implied (the terminal)', () => {
    expect(
      isCurrentCard(waiting(), attempt(TEAMMATE, { card_key: undefined, card_optional: true })),
    ).toBe(true);
    expect(isCurrentCard(waiting(), attempt(TEAMMATE, { card_key: undefined }))).toBe(false);
    expect(isCurrentCard(stateOf(), attempt(TEAMMATE))).toBe(false);
  });
});

describe('outsiderRefusal', () => {
  it('explains each kind of outsider and passes members', () => {
    expect(outsiderRefusal({ id: 'U1', outside: 'not_a_member' }, testSettings())).toMatch(
      /not a member of this server/,
    );
    expect(outsiderRefusal({ id: 'U1', outside: 'unverified' }, testSettings())).toMatch(
      /could not confirm/,
    );
    expect(outsiderRefusal({ id: 'U1' }, testSettings())).toBeNull();
  });
});

describe('validApprovals, withdraw, noteEditors', () => {
  it('keeps only approvals of the given hash', () => {
    const state = stateOf({
      approvals: [
        { user: 'A', hash: HASH, at: 'x' },
        { user: 'B', hash: 'old', at: 'x' },
      ],
    });
    expect(validApprovals(state, HASH).map((a) => a.user)).toEqual(['A']);
  });

  it('withdraws one user only', () => {
    const state = stateOf({
      approvals: [
        { user: 'A', hash: HASH, at: 'x' },
        { user: 'B', hash: HASH, at: 'x' },
      ],
    });
    expect(withdraw(state, { id: 'A' }).map((a) => a.user)).toEqual(['B']);
  });

  it('records the last editor per field, never a bot', () => {
    const state = stateOf({ editors: { ad_text: 'U_OLD' } });
    noteEditors(state, ['ad_text', 'budget'], TEAMMATE);
    expect(state.editors).toEqual({ ad_text: 'U_MATE', budget: 'U_MATE' });
    noteEditors(state, ['music'], { id: 'B1', is_bot: true });
    expect(state.editors).toEqual({ ad_text: 'U_MATE', budget: 'U_MATE' });
  });
});
