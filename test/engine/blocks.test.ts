import { approvalBlock, previewBlock } from '../../src/engine/blocks';
import { contentHash } from '../../src/engine/content-hash';
import { testSettings } from '../support/harness';
import { COMPLETE_DRAFT, stateOf } from '../support/thread-states';

describe('previewBlock', () => {
  it('shows the draft with its effective budget, currency, format and nothing missing', () => {
    const settings = testSettings();
    expect(previewBlock(stateOf({ draft: COMPLETE_DRAFT }), settings.budget)).toEqual({
      type: 'ad_preview',
      draft: COMPLETE_DRAFT,
      budget: 50,
      currency: 'USD',
      ad_format: 'SINGLE_VIDEO',
      missing: [],
    });
  });

  it('lists what is missing and uses the default budget when none was given', () => {
    const block = previewBlock(
      stateOf({ draft: { campaign_name: 'Spring' } }),
      testSettings().budget,
    );
    expect(block).toMatchObject({ budget: 50, ad_format: null });
    expect(block.type === 'ad_preview' && block.missing).toContain('objective_type');
  });
});

describe('approvalBlock', () => {
  it('binds the request to the short content hash and names the policy', () => {
    const settings = testSettings({
      approvals_required: 2,
      allow_self_approval: false,
      approvers: ['U_BOSS'],
    });
    const state = stateOf({
      draft: COMPLETE_DRAFT,
      approvals: [{ user: 'U_X', hash: 'h', at: 'x' }],
    });
    expect(approvalBlock(state, settings)).toEqual({
      type: 'approval_request',
      approved_by: ['U_X'],
      content_hash: contentHash(COMPLETE_DRAFT, settings).slice(0, 8),
      approvers: ['U_BOSS'],
      required: 2,
      approve_emoji: 'white_check_mark',
      reject_emoji: 'x',
      requester_id: 'U_REQ',
      self_approval_allowed: false,
    });
  });

  it('leaves approvers out when none are set', () => {
    expect(approvalBlock(stateOf(), testSettings())).not.toHaveProperty('approvers');
  });
});
