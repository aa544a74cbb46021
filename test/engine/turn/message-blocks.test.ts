import type { AppliedUpdates } from '../../../src/engine/apply-updates';
import { messageBlocks, noListOpen } from '../../../src/engine/turn/message-blocks';
import { stateOf } from '../../support/thread-states';
import { proposalOf, turnRig } from './turn-rig';

const NONE: AppliedUpdates = { draft: {}, changed: [], violations: [], notes: [] };

describe('messageBlocks', () => {
  it("the model's own line when nothing changed", async () => {
    const rig = turnRig();
    const blocks = await messageBlocks(
      rig.ctx,
      proposalOf('chat', {}, { message: '  Sorry, I did not catch that.  ' }),
      NONE,
      stateOf(),
    );
    expect(blocks).toEqual([{ type: 'text', tone: 'info', text: 'Sorry, I did not catch that.' }]);
  });

  it('"Got it" first, then notes, follow-ups and violations; a chat line is not repeated over a change', async () => {
    const rig = turnRig();
    const applied: AppliedUpdates = {
      draft: { campaign_name: 'Spring Shoes' },
      changed: ['campaign_name'],
      notes: ['TikTok confirmed music m1.'],
      follow_ups: ['Music is needed now.'],
      violations: [{ field: 'budget', rule: 'budget.min', message: 'At least 20.' }],
    };
    const blocks = await messageBlocks(
      rig.ctx,
      proposalOf('chat', {}, { message: "Sorry, I didn't catch that." }),
      applied,
      stateOf(),
    );
    expect(blocks.map((block) => block.type)).toEqual(['text', 'text', 'text', 'violations']);
    expect(blocks[0]).toMatchObject({ type: 'text' });
    expect(JSON.stringify(blocks[0])).toContain('Spring Shoes');
    expect(blocks[1]).toEqual({
      type: 'text',
      tone: 'success',
      text: 'TikTok confirmed music m1.',
    });
    expect(blocks[2]).toEqual({ type: 'text', tone: 'info', text: 'Music is needed now.' });
    expect(JSON.stringify(blocks)).not.toContain("didn't catch");
  });

  it("a question is answered by the engine's rules, never by the model's text", async () => {
    const rig = turnRig();
    const blocks = await messageBlocks(
      rig.ctx,
      proposalOf('question', {}, { question_topic: 'budget', message: 'MODEL TEXT' }),
      NONE,
      stateOf(),
    );
    expect(blocks).toHaveLength(1);
    expect(JSON.stringify(blocks)).not.toContain('MODEL TEXT');
    expect(JSON.stringify(blocks)).toMatch(/20/);
  });

  it('the music question without a link: says the list comes with it, and wants it later', async () => {
    const rig = turnRig();
    const state = stateOf();
    const blocks = await messageBlocks(
      rig.ctx,
      proposalOf('question', {}, { question_topic: 'music' }),
      NONE,
      state,
    );
    expect(JSON.stringify(blocks)).toContain('The music list comes from your TikTok account');
    expect(state.music_list_wanted).toBe(true);
    expect(state.music_listed).toBeUndefined();
  });
});

describe('noListOpen', () => {
  it('an info block quoting the pick', () => {
    expect(noListOpen('#3', false)).toMatchObject({ type: 'text', tone: 'info' });
    expect(JSON.stringify(noListOpen('#3', false))).toContain('pick “#3” from');
  });
});
