import { askNext } from '../../../src/engine/turn/ask-next';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';
import { turnRig } from './turn-rig';

describe('askNext', () => {
  it('asks the first missing field, and once per draft says several can come at once', async () => {
    const rig = turnRig();
    const state = stateOf({ draft: { campaign_name: 'Spring Steps' } });
    await askNext(rig.steps, state, { offerSeveral: true });
    expect(state).toMatchObject({
      status: 'collecting',
      last_question: 'objective_type',
      several_offered: true,
    });
    expect(rig.said()).toMatch(
      /^Still needed: objective, ad text, .* You can send several in one message\.\nWhat is the objective/,
    );
    const again = turnRig();
    await askNext(again.steps, state, { offerSeveral: true });
    expect(again.said()).not.toContain('You can send several');
    expect(state.recent.at(-1)).toEqual({
      role: 'bot',
      text: expect.stringContaining('What is the objective'),
    });
  });

  it('without offerSeveral, or with fewer than three missing, asks only the question', async () => {
    const rig = turnRig();
    const state = stateOf({ draft: { ...COMPLETE_DRAFT, landing_page_url: undefined } as never });
    await askNext(rig.steps, state, { offerSeveral: true });
    expect(rig.said()).toBe('Which page should the ad open? (a web address)');
  });

  it('a complete, checked draft goes out for approval in the same turn', async () => {
    const rig = turnRig({ settings: { approvals_required: 2 } });
    const state = stateOf({ draft: COMPLETE_DRAFT });
    await askNext(rig.steps, state);
    expect(state.status).toBe('awaiting_approval');
    expect(state.last_question).toBeNull();
    expect(rig.said()).toContain(
      'The draft is complete. It needs 2 approvals before I submit it to TikTok.',
    );
    expect(rig.blocks().map((b) => b.type)).toContain('approval_request');
    expect(state.card?.key).toMatch(/^approval:/);
  });

  it('a complete draft whose music still needs TikTok waits for the link, with no card', async () => {
    const rig = turnRig();
    const state = stateOf({
      draft: {
        ...COMPLETE_DRAFT,
        music: { kind: 'existing', music_id: 'music_123', pending: true },
        video_id: undefined,
        image_ids: ['img_1'],
      } as never,
    });
    await askNext(rig.steps, state);
    expect(state.status).toBe('collecting');
    expect(rig.said()).toContain(
      'Everything is filled in. Before the draft goes out for approval I check music music_123 with TikTok',
    );
    expect(rig.blocks().map((b) => b.type)).not.toContain('approval_request');
  });
});
