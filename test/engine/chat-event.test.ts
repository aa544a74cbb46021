import { ACTION_IDS, isActionId } from '../../src/engine/chat-event';

describe('isActionId', () => {
  it('accepts exactly the engine actions adapters map their buttons onto', () => {
    for (const id of ACTION_IDS) expect(isActionId(id)).toBe(true);
    expect(ACTION_IDS).toContain('approve');
    expect(ACTION_IDS).toContain('choose_advertiser');
  });

  it('refuses anything else, including near misses', () => {
    for (const name of ['Approve', 'approve ', 'submit', '', 'link', 'toString'])
      expect(isActionId(name)).toBe(false);
  });
});
