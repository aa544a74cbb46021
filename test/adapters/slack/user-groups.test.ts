import { webApi } from '@slack/bolt';
import { SlackUserGroups, userGroupIds } from '../../../adapters/slack/user-groups';
import { silentLogger } from '../../../src/logging/logger';
import { SlackStandIn } from '../../standins/slack-standin';

describe('userGroupIds', () => {
  it('keeps the user-group ids of an APPROVERS list', () => {
    expect(userGroupIds(['U123', 'S0MARKETING', 'W999', 'S1', 'SABC'])).toEqual([
      'S0MARKETING',
      'SABC',
    ]);
  });
});

describe('SlackUserGroups (over the Web API, against the stand-in)', () => {
  let standin: SlackStandIn;
  let client: webApi.WebClient;
  beforeEach(async () => {
    standin = new SlackStandIn();
    client = new webApi.WebClient(undefined, {
      slackApiUrl: await standin.listen(),
      retryConfig: { retries: 0 },
    });
    standin.addUserGroup('S0MARKETING', ['U1', 'U2']);
    standin.addUserGroup('S0LEGAL', ['U2']);
  });
  afterEach(() => standin.close());

  it('names the configured groups a user is in, listing each group once per TTL', async () => {
    const groups = new SlackUserGroups(
      client,
      async () => 'xoxb-test',
      ['S0MARKETING', 'S0LEGAL'],
      silentLogger(),
    );
    expect(await groups.groupsOf('T1', 'U2')).toEqual(['S0MARKETING', 'S0LEGAL']);
    expect(await groups.groupsOf('T1', 'U1')).toEqual(['S0MARKETING']);
    expect(await groups.groupsOf('T1', 'U3')).toEqual([]);
    expect(standin.calls.filter((c) => c.method === 'usergroups.users.list')).toHaveLength(2);
  });

  it('fails closed: a group Slack will not list counts as not a member', async () => {
    const groups = new SlackUserGroups(
      client,
      async () => 'xoxb-wrong',
      ['S0MARKETING'],
      silentLogger(),
    );
    expect(await groups.groupsOf('T1', 'U1')).toEqual([]);
  });
});
