import { type AccessResolver, StaticAccessResolver, userKeyOf } from '../../src/engine/access';

describe('StaticAccessResolver', () => {
  it('gives everyone the configured token and its one advertiser, with no linking', async () => {
    const resolver: AccessResolver = new StaticAccessResolver({
      access_token: 'tok',
      advertiser_id: 'adv1',
    });
    const a = await resolver.resolve({ platform: 'slack', workspace_id: 'T1', user_id: 'U1' });
    expect(a).toEqual({ access_token: 'tok', advertiser_ids: ['adv1'] });
    expect(resolver.linking).toBeUndefined();
  });
});

describe('userKeyOf', () => {
  it('keys a user by platform, workspace and user id', () => {
    expect(
      userKeyOf({ platform: 'discord', workspace_id: 'G1' }, { id: 'U9', name: 'Ann' }),
    ).toEqual({
      platform: 'discord',
      workspace_id: 'G1',
      user_id: 'U9',
    });
  });
});
