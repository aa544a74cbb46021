import type { AppliedUpdates } from '../../../src/engine/apply-updates';
import { endMessage, nextAfterMessage } from '../../../src/engine/turn/message-next';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';
import { proposalOf, turnRig } from './turn-rig';

const NONE: AppliedUpdates = { draft: {}, changed: [], violations: [], notes: [] };
const CHANGED: AppliedUpdates = { ...NONE, changed: ['budget'] };

describe('nextAfterMessage', () => {
  it('the status when asked, whatever else holds', () => {
    const state = stateOf({ status: 'failed' });
    expect(nextAfterMessage(state, proposalOf('show_status'), NONE)).toBe('status');
  });

  it('a failed draft the message did not change; changed, it asks on', () => {
    const state = stateOf({ status: 'failed' });
    expect(nextAfterMessage(state, proposalOf('chat'), NONE)).toBe('last_failed');
    expect(nextAfterMessage(state, proposalOf('chat'), CHANGED)).toBe('ask_next');
  });

  it('an approved draft waiting for the link', () => {
    const state = stateOf({ status: 'awaiting_link' });
    expect(nextAfterMessage(state, proposalOf('chat'), CHANGED)).toBe('awaiting_link');
  });

  it('the music list shown under the open media question stands alone', () => {
    const state = stateOf({ last_question: 'media', music_listed: true });
    const music = proposalOf('question', {}, { question_topic: 'music' });
    expect(nextAfterMessage(state, music, NONE)).toBe('music_list');
    const listClosed = stateOf({ last_question: 'media' });
    expect(nextAfterMessage(listClosed, music, NONE)).toBe('ask_next');
  });

  it('a card awaiting approval stands unless the draft changed or approval was asked for', () => {
    const state = stateOf({ status: 'awaiting_approval', draft: COMPLETE_DRAFT });
    expect(nextAfterMessage(state, proposalOf('chat'), NONE)).toBe('card_stands');
    expect(nextAfterMessage(state, proposalOf('request_approval'), NONE)).toBe('ask_next');
    expect(nextAfterMessage(state, proposalOf('chat'), CHANGED)).toBe('ask_next');
  });
});

describe('endMessage', () => {
  it('last_failed: offers Retry and keeps the state', async () => {
    const rig = turnRig();
    const state = stateOf({ status: 'failed' });
    expect(await endMessage(rig.steps, state, 'last_failed', false)).toBe(state);
    expect(rig.blocks()).toEqual([
      {
        type: 'text',
        tone: 'info',
        text: 'The last submission failed. Retry tries again, or tell me what to change.',
        actions: [{ action_id: 'retry', label: 'Retry' }],
      },
    ]);
  });

  it('awaiting_link: names the requester and offers Link account', async () => {
    const rig = turnRig();
    await endMessage(rig.steps, stateOf({ status: 'awaiting_link' }), 'awaiting_link', false);
    expect(rig.said()).toMatch(/waits for Rita to link a TikTok account/);
    expect(rig.blocks()[0]).toMatchObject({
      actions: [{ action_id: 'link_account', label: 'Link account' }],
    });
  });

  it('music_list: closes the open question and says only what the turn held back', async () => {
    const rig = turnRig();
    rig.ctx.pending.push({ type: 'text', text: 'the list' });
    const state = stateOf({ last_question: 'media' });
    await endMessage(rig.steps, state, 'music_list', true);
    expect(state.last_question).toBeNull();
    expect(rig.said()).toBe('the list');
  });

  it('card_stands: says nothing when nothing is held back', async () => {
    const rig = turnRig();
    await endMessage(rig.steps, stateOf({ status: 'awaiting_approval' }), 'card_stands', true);
    expect(rig.replies).toEqual([]);
  });

  it('ask_next: asks the first missing field', async () => {
    const rig = turnRig();
    const next = await endMessage(rig.steps, stateOf(), 'ask_next', false);
    expect(next.last_question).toBe('campaign_name');
    expect(rig.said()).toMatch(/campaign/i);
  });
});
