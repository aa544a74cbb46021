import { closedDraftBlock, handleMessage } from '../../../src/engine/turn/message';
import { ModelError } from '../../../src/model/proposal';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';
import { proposalOf, scriptedModel, turnRig } from './turn-rig';

describe('closedDraftBlock', () => {
  it('a draft being submitted: says the outcome will come, with Retry', () => {
    const block = closedDraftBlock(stateOf({ status: 'submitting' }));
    expect(block).toMatchObject({ type: 'text', tone: 'warning' });
    expect(block && 'text' in block && block.text).toMatch(/^This ad is being submitted/);
    expect(block && 'actions' in block && block.actions).toEqual([
      { action_id: 'retry', label: 'Retry' },
    ]);
  });

  it('a submitted draft: names the ad made and how to start a new one', () => {
    const state = stateOf({ status: 'submitted' });
    state.submission = { ad_id: 'ad-77' } as NonNullable<typeof state.submission>;
    expect(closedDraftBlock(state)).toEqual({
      type: 'text',
      tone: 'info',
      text: 'This ad was already submitted (ad ad-77). Start a new one with /tiktok-ad.',
    });
  });

  it('a draft still open to edits: nothing', () => {
    for (const status of ['collecting', 'ready', 'awaiting_approval', 'failed'] as const)
      expect(closedDraftBlock(stateOf({ status }))).toBeNull();
  });
});

describe('handleMessage', () => {
  it('a closed draft: says so, asks no model, saves nothing', async () => {
    const model = scriptedModel(proposalOf('provide_details', { campaign_name: 'X' }));
    const rig = turnRig({ model });
    const outcome = await handleMessage(rig.steps, stateOf({ status: 'submitting' }), 'hi', []);
    expect(outcome).toBeNull();
    expect(model.inputs).toHaveLength(0);
    expect(rig.said()).toMatch(/^This ad is being submitted/);
  });

  it('takes a detail: the draft gets it, one more revision, "Got it" and the next question', async () => {
    const model = scriptedModel(proposalOf('provide_details', { campaign_name: 'Spring Shoes' }));
    const rig = turnRig({ model });
    const saved = stateOf();
    const outcome = await handleMessage(rig.steps, saved, 'call it Spring Shoes', []);
    expect(outcome?.draft.campaign_name).toBe('Spring Shoes');
    expect(outcome?.revision).toBe(1);
    expect(outcome?.recent).toEqual([
      { role: 'user', text: 'call it Spring Shoes' },
      {
        role: 'bot',
        text: 'What is the objective: Traffic (visits to your site) or Conversions (sales or sign-ups)?',
      },
    ]);
    expect(outcome?.last_question).toBe('objective_type');
    expect(rig.said()).toContain('Spring Shoes');
    expect(saved.draft).toEqual({});
  });

  it('a model failure: says its message as an error, saves nothing', async () => {
    const model = scriptedModel(new ModelError('unavailable', 'The AI is busy; nothing changed.'));
    const rig = turnRig({ model });
    expect(await handleMessage(rig.steps, stateOf(), 'hello', [])).toBeNull();
    expect(rig.blocks()).toEqual([
      { type: 'text', tone: 'error', text: 'The AI is busy; nothing changed.' },
    ]);
  });

  it('an edit of a draft awaiting approval drops its approvals and goes back to collecting', async () => {
    const model = scriptedModel(proposalOf('provide_details', { budget: 80 }));
    const rig = turnRig({ model });
    const saved = stateOf({
      status: 'awaiting_approval',
      draft: COMPLETE_DRAFT,
      approvals: [{ user: { id: 'U_MATE' }, hash: 'h', at: '2026-12-07T10:00:00.000Z' }],
    } as never);
    const outcome = await handleMessage(rig.steps, saved, 'budget 80', []);
    expect(outcome?.draft.budget).toBe(80);
    expect(outcome?.approvals).toEqual([]);
    expect(rig.said()).toContain('The draft changed, so earlier approvals were dropped.');
  });

  it('a pick from the library menu is taken as it is, without the model', async () => {
    const model = scriptedModel(proposalOf('chat'));
    const rig = turnRig({ model });
    const outcome = await handleMessage(rig.steps, stateOf(), '', [], { campaign_name: 'Picked' });
    expect(model.inputs).toHaveLength(0);
    expect(outcome?.draft.campaign_name).toBe('Picked');
  });
});
