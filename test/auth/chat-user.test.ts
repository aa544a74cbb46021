import { chatUserId } from '../../src/auth/chat-user';

describe('chatUserId', () => {
  it('joins platform, workspace and user with colons', () => {
    expect(chatUserId({ platform: 'slack', workspace_id: 'T0123', user_id: 'U0456' })).toBe(
      'slack:T0123:U0456',
    );
    expect(chatUserId({ platform: 'discord', workspace_id: '1100', user_id: '2200' })).toBe(
      'discord:1100:2200',
    );
  });

  it('tells apart the same user id in two workspaces or platforms', () => {
    const ids = new Set([
      chatUserId({ platform: 'slack', workspace_id: 'T1', user_id: 'U1' }),
      chatUserId({ platform: 'slack', workspace_id: 'T2', user_id: 'U1' }),
      chatUserId({ platform: 'discord', workspace_id: 'T1', user_id: 'U1' }),
    ]);
    expect(ids.size).toBe(3);
  });
});
