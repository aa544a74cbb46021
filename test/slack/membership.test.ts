import { TestLinking } from '../support/test-linking';
import { CHANNEL, SlackRig } from './slack-rig';

const ANA = 'U0ANA';

describe('Slack: a draft thread only where the bot is a member', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  it('in a channel the bot was not invited to: no post, an ephemeral answer saying how to invite it', async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
    rig.standin.removeBot(CHANNEL);
    const ack = await rig.command('Summer sale for traffic', ANA);
    expect(ack.status).toBe(200);
    expect(rig.standin.callsTo('conversations.info')).toHaveLength(1);
    expect(rig.standin.callsTo('chat.postMessage')).toHaveLength(0);
    expect(rig.standin.messages).toHaveLength(0);
    const [answer] = rig.standin.callsTo('response_url');
    expect(answer?.params).toMatchObject({ response_type: 'ephemeral' });
    expect(String(answer?.params.text)).toContain('/invite @tiktok-ads');
    expect(String(answer?.params.text)).toContain('/tiktok-ad');
    expect(rig.handled).toHaveLength(0);
  });

  it('once invited, the same command opens the thread', async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
    await rig.command('Summer sale for traffic', ANA);
    expect(rig.standin.callsTo('response_url')).toHaveLength(0);
    expect(rig.lastRoot().text).toContain('started a TikTok ad draft');
    expect(rig.handled.map((e) => e.type)).toEqual(['start']);
  });
});
