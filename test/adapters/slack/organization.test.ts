import { webApi } from '@slack/bolt';
import { SlackOrganization } from '../../../adapters/slack/organization';
import { silentLogger } from '../../../src/logging/logger';
import { SlackStandIn } from '../../standins/slack-standin';

describe('SlackOrganization (users.info against the stand-in)', () => {
  let standin: SlackStandIn;
  let org: SlackOrganization;
  let url = '';
  beforeEach(async () => {
    standin = new SlackStandIn();
    url = await standin.listen();
    const client = new webApi.WebClient(undefined, {
      slackApiUrl: url,
      retryConfig: { retries: 0 },
    });
    org = new SlackOrganization(client, async () => 'xoxb-test', silentLogger());
  });
  afterEach(() => standin.close());

  const lookups = () => standin.calls.filter((c) => c.method === 'users.info').length;

  it("takes a click's own team_id without a lookup", async () => {
    expect(await org.outsideOf({ team_id: 'T1' }, { id: 'U1', team_id: 'T1' })).toBeUndefined();
    expect(lookups()).toBe(0);
  });

  it('looks a reactor up: same workspace or same Grid counts, another organization does not', async () => {
    standin.setHome('UGUEST', 'TOTHER');
    standin.setHome('UGRID', 'T9', 'E1');
    expect(await org.outsideOf({ team_id: 'T1' }, { id: 'UGUEST' })).toBe('other_organization');
    expect(
      await org.outsideOf({ team_id: 'T1', enterprise_id: 'E1' }, { id: 'UGRID' }),
    ).toBeUndefined();
    expect(await org.outsideOf({ team_id: 'T1' }, { id: 'UGUEST' })).toBe('other_organization');
    expect(lookups()).toBe(2);
  });

  it('fails closed when Slack will not say who someone is', async () => {
    const client = new webApi.WebClient(undefined, {
      slackApiUrl: url,
      retryConfig: { retries: 0 },
    });
    const refused = new SlackOrganization(client, async () => 'xoxb-wrong', silentLogger());
    expect(await refused.outsideOf({ team_id: 'T1' }, { id: 'U5' })).toBe('unverified');
  });
});
