import { approvalHowTo } from '../../../src/engine/approval/how-to';
import { testSettings } from '../../support/harness';
import { COMPLETE_DRAFT, REQUESTER, stateOf, TEAMMATE } from '../../support/thread-states';

const HASH = 'c'.repeat(64);

describe('approvalHowTo', () => {
  it('on Slack points to the card, says the teammate may approve, and counts approvals', () => {
    const state = stateOf({
      status: 'awaiting_approval',
      draft: COMPLETE_DRAFT,
      card: { key: 'approval:1:cccccccc:1', hash: HASH },
      approvals: [{ user: 'U_X', hash: HASH, at: 'x' }],
    });
    const block = approvalHowTo(
      state,
      TEAMMATE,
      testSettings({ approvals_required: 2, allow_self_approval: false }),
    );
    expect(block.tone).toBe('info');
    expect(block.text).toBe(
      'Approving is done on the approval card, not by a message: react ✅ on it or click its Approve button (❌ or Reject sends the draft back for editing). You can approve it. The current card (version cccccccc) needs 2 approvals; 1 so far.',
    );
  });

  it('in the terminal names /approve, and says the requester may self-approve where allowed', () => {
    const state = stateOf({
      platform: 'console',
      status: 'awaiting_approval',
      card: { key: 'k', hash: HASH },
    });
    const text = approvalHowTo(state, REQUESTER, testSettings()).text;
    expect(text).toContain('Approving is done with /approve');
    expect(text).toContain('You can approve it yourself here (self-approval is allowed).');
    expect(text).toContain('needs 1 approval; none yet.');
  });

  it('while collecting, says first what is still needed and that the requester cannot approve', () => {
    const state = stateOf({ draft: { campaign_name: 'Spring Shoes' } });
    const text = approvalHowTo(state, REQUESTER, testSettings({ allow_self_approval: false })).text;
    expect(text.startsWith('Nothing to approve yet. Still needed:')).toBe(true);
    expect(text).toContain('You requested this ad, so a teammate needs to approve it.');
  });

  it('adds the APPROVERS hint to a refusal that is not about the list itself', () => {
    const state = stateOf({ status: 'awaiting_approval', card: { key: 'k', hash: HASH } });
    const settings = testSettings({ allow_self_approval: false, approvers: ['U_REQ'] });
    expect(approvalHowTo(state, REQUESTER, settings).text).toContain(
      'a teammate needs to approve it. It must be one of the approvers set in APPROVERS.',
    );
    expect(approvalHowTo(state, TEAMMATE, settings).text).toContain(
      'Only the configured approvers can approve ads here (setting APPROVERS).',
    );
  });
});
