import { sayStatus } from '../../../src/engine/turn/status';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';
import { turnRig } from './turn-rig';

describe('sayStatus', () => {
  it('says the status and shows the preview', async () => {
    const rig = turnRig();
    await sayStatus(rig.ctx, stateOf({ draft: { campaign_name: 'Spring Steps' } }));
    expect(rig.said()).toBe('Status: collecting.\n[ad_preview]');
    expect(rig.replies).toHaveLength(1);
  });

  it('while awaiting approval, counts approvals against the policy', async () => {
    const rig = turnRig({ settings: { approvals_required: 2 } });
    await sayStatus(
      rig.ctx,
      stateOf({
        status: 'awaiting_approval',
        draft: COMPLETE_DRAFT,
        approvals: [{ user: 'U1', hash: 'h', at: 'x' }],
      }),
    );
    expect(rig.said()).toContain('Status: awaiting approval.');
    expect(rig.said()).toContain('Waiting for approval: 1 of 2, on the approval card above.');
  });

  it('after submission, names the created ids; after a failure, why', async () => {
    const submitted = turnRig();
    await sayStatus(
      submitted.ctx,
      stateOf({
        status: 'submitted',
        draft: COMPLETE_DRAFT,
        submission: {
          revision: 1,
          advertiser_id: 'A1',
          campaign_request_id: 'c',
          adgroup_request_id: 'g',
          ad_name: 'n',
          started_at: 'x',
          campaign_id: 'C1',
          adgroup_id: 'G1',
          ad_id: 'D1',
        },
      }),
    );
    expect(submitted.blocks().at(-1)).toEqual({
      type: 'result',
      advertiser_id: 'A1',
      campaign_id: 'C1',
      adgroup_id: 'G1',
      ad_id: 'D1',
    });
    const failed = turnRig();
    await sayStatus(
      failed.ctx,
      stateOf({
        status: 'failed',
        last_failure: {
          error_class: 'validation',
          message: 'workspace daily budget cap reached',
          at: 'x',
        },
      }),
    );
    expect(failed.said()).toContain('Last attempt failed: workspace daily budget cap reached');
  });

  it('waiting for a link names the requester', async () => {
    const rig = turnRig();
    await sayStatus(rig.ctx, stateOf({ status: 'awaiting_link', draft: COMPLETE_DRAFT }));
    expect(rig.said()).toContain(
      'Approved; waiting for Rita to link a TikTok account before submitting.',
    );
  });
});
