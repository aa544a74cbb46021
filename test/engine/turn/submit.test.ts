import { resultBlock, retry, submit, unreadyReply } from '../../../src/engine/turn/submit';
import { SUBMIT_TEXTS } from '../../../src/engine/turn/submit-texts';
import { COMPLETE_DRAFT, stateOf, TEAMMATE } from '../../support/thread-states';
import { turnRig } from './turn-rig';

const BUDGET = { min_daily: 20, max_daily: 1000, default_daily: 50, currency: 'USD' };
const APPROVAL = { user: TEAMMATE, hash: 'h1', at: '2026-12-07T10:00:00.000Z' };

describe('unreadyReply', () => {
  it('a complete draft is ready', () => {
    expect(unreadyReply(stateOf({ draft: COMPLETE_DRAFT }), BUDGET)).toBeNull();
  });

  it('missing fields: an error naming them', () => {
    const reply = unreadyReply(stateOf({ draft: { campaign_name: 'X' } }), BUDGET);
    expect(reply).toMatchObject({ type: 'text', tone: 'error' });
    expect(reply && 'text' in reply && reply.text).toMatch(
      /^The draft is missing objective_type, .*; it cannot be submitted yet\.$/,
    );
  });

  it('fields that break a rule together come first, as violations', () => {
    const draft = { ...COMPLETE_DRAFT, objective_type: 'WEB_CONVERSIONS' as const };
    expect(unreadyReply(stateOf({ draft }), BUDGET)).toMatchObject({ type: 'violations' });
  });
});

describe('resultBlock', () => {
  const ids = {
    advertiser_id: 'adv1',
    campaign_id: 'c1',
    adgroup_id: 'g1',
    ad_id: 'a1',
  };

  it('the result once submitted with all three ids', () => {
    const state = stateOf({ status: 'submitted', submission: ids as never });
    expect(resultBlock(state)).toEqual({ type: 'result', ...ids });
  });

  it('nothing while submitting, or with an id missing', () => {
    expect(resultBlock(stateOf({ status: 'submitting', submission: ids as never }))).toBeNull();
    const partial = { ...ids, ad_id: undefined };
    expect(resultBlock(stateOf({ status: 'submitted', submission: partial as never }))).toBeNull();
  });
});

describe('submit', () => {
  it('an incomplete draft goes back to collecting, approvals kept, nothing sent', async () => {
    const rig = turnRig();
    const state = stateOf({
      status: 'awaiting_approval',
      draft: { campaign_name: 'X' },
      approvals: [APPROVAL],
    } as never);
    const next = await submit(rig.steps, state);
    expect(next.status).toBe('collecting');
    expect(next.approvals).toHaveLength(1);
    expect(rig.said()).toMatch(/^The draft is missing/);
  });

  it('broken together: back to collecting and the approvals go', async () => {
    const rig = turnRig();
    const draft = { ...COMPLETE_DRAFT, objective_type: 'WEB_CONVERSIONS' as const };
    const next = await submit(
      rig.steps,
      stateOf({ status: 'awaiting_approval', draft, approvals: [APPROVAL] } as never),
    );
    expect(next.status).toBe('collecting');
    expect(next.approvals).toEqual([]);
    expect(rig.blocks()[0]).toMatchObject({ type: 'violations' });
  });
});

describe('retry', () => {
  it('nothing failed: says so, saves nothing', async () => {
    const rig = turnRig();
    expect(await retry(rig.steps, stateOf())).toBeNull();
    expect(rig.said()).toBe(SUBMIT_TEXTS.nothingToRetry);
  });

  it('a failed draft without its approvals: needs approval again', async () => {
    const rig = turnRig();
    expect(await retry(rig.steps, stateOf({ status: 'failed' }))).toBeNull();
    expect(rig.said()).toBe(SUBMIT_TEXTS.needsApprovalAgain);
  });

  it('a failed, approved draft: retries, and the saved state is not touched', async () => {
    const rig = turnRig();
    const saved = stateOf({
      status: 'failed',
      draft: { campaign_name: 'X' },
      approvals: [APPROVAL],
    } as never);
    const next = await retry(rig.steps, saved);
    expect(rig.said()).toMatch(
      /^Retrying; steps that already succeeded are kept\.\nThe draft is missing/,
    );
    expect(next?.status).toBe('collecting');
    expect(saved.status).toBe('failed');
  });
});
