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

  it('asks conversations.info once a minute per channel, and again after a post says the bot left', async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
    await rig.command('Summer sale for traffic', ANA);
    await rig.command('Winter sale for traffic', ANA);
    expect(rig.standin.callsTo('conversations.info')).toHaveLength(1);
    expect(rig.handled.map((e) => e.type)).toEqual(['start', 'start']);
    // Removed while the "yes" is remembered: the root post is refused, the user is told how to
    // invite the bot, and the next command asks Slack again instead of trusting the old answer.
    rig.standin.removeBot(CHANNEL);
    await rig.command('Spring sale for traffic', ANA);
    expect(rig.standin.callsTo('conversations.info')).toHaveLength(1);
    expect(String(rig.standin.callsTo('response_url')[0]?.params.text)).toContain('/invite');
    await rig.command('Autumn sale for traffic', ANA);
    expect(rig.standin.callsTo('conversations.info')).toHaveLength(2);
    expect(rig.standin.callsTo('response_url')).toHaveLength(2);
    expect(rig.handled.map((e) => e.type)).toEqual(['start', 'start']);
  });
});
