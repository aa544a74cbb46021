import { probeSlack } from '../../../adapters/slack/probe';
import { StartError } from '../../../src/lifecycle/start-error';
import { SlackStandIn } from '../../standins/slack-standin';

describe('probeSlack (auth.test over HTTP)', () => {
  let standin: SlackStandIn;
  let url = '';
  beforeAll(async () => {
    standin = new SlackStandIn();
    url = await standin.listen();
  });
  afterAll(() => standin.close());

  it("returns the bot's ids for a token Slack accepts", async () => {
    const identity = await probeSlack('xoxb-test', url, 5000);
    expect(identity.botId).toMatch(/^B/);
    expect(identity.botUserId).toMatch(/^U/);
  });

  it('names SLACK_BOT_TOKEN, masked, when Slack refuses it', async () => {
    const error = await probeSlack('xoxb-not-a-real-token-123', url, 5000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toContain('SLACK_BOT_TOKEN');
    expect((error as Error).message).toContain('Slack refused it (auth.test: invalid_auth)');
    expect((error as Error).message).not.toContain('xoxb-not-a-real-token-123');
  });

  it('names SLACK_API_URL when nothing answers there', async () => {
    const error = await probeSlack('xoxb-test', 'http://127.0.0.1:1/api/', 2000).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartError);
    expect((error as Error).message).toContain('SLACK_API_URL');
  });
});
