import { cardReply, newCardKey, replacedReply } from '../../../src/engine/approval/cards';
import { testSettings } from '../../support/harness';
import { COMPLETE_DRAFT, stateOf } from '../../support/thread-states';

const HASH = '0123456789abcdef'.repeat(4);

describe('approval cards', () => {
  it('numbers each new card of a thread, with revision and short hash', () => {
    const state = stateOf({ revision: 3 });
    expect(newCardKey(state, HASH)).toBe('approval:3:01234567:1');
    state.card = { key: 'approval:2:ffffffff:4', hash: 'f'.repeat(64) };
    expect(newCardKey(state, HASH)).toBe('approval:3:01234567:5');
  });

  it('is one keyed reply: the preview then the approval request', () => {
    const state = stateOf({
      status: 'awaiting_approval',
      draft: COMPLETE_DRAFT,
      card: { key: 'k1', hash: HASH },
    });
    const reply = cardReply(state, testSettings(), 'k1');
    expect(reply.thread_id).toBe(state.thread_id);
    expect(reply.key).toBe('k1');
    expect(reply.blocks.map((b) => b.type)).toEqual(['ad_preview', 'approval_request']);
  });

  it('turns a replaced card into a warning without buttons that names its version', () => {
    const reply = replacedReply('t1', 'approval:2:abcdef12:3', 'The draft changed.');
    expect(reply).toEqual({
      thread_id: 't1',
      key: 'approval:2:abcdef12:3',
      blocks: [
        {
          type: 'text',
          tone: 'warning',
          text: 'Replaced: this approval card (version abcdef12) no longer counts. The draft changed.',
        },
      ],
    });
    expect(replacedReply('t1', 'odd', 'Why.').blocks[0]).toMatchObject({
      text: 'Replaced: this approval card no longer counts. Why.',
    });
  });
});
