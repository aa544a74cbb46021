import { eventRequest } from '../standins/slack-requests';
import { TestLinking } from '../support/test-linking';
import { CHANNEL, nextTs, SlackRig, TEAM } from './slack-rig';

const ANA = 'U0ANA';

describe('Slack: each delivery is handled once', () => {
  let rig: SlackRig;
  let thread: string;
  beforeEach(async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
    await rig.command('Create a campaign called Summer Sale for traffic', ANA);
    thread = rig.lastRoot().ts;
  });
  afterEach(() => rig.close());

  /** Thread replies posted by the bot so far. */
  const botReplies = () => rig.standin.messagesIn(CHANNEL, thread).length;
  /** Events the adapter passed to the engine (claims happen before, in the adapter). */
  const engineCalls = () => rig.handled.length;

  it('the same event delivered three times (Slack retries) gives one reply', async () => {
    const before = botReplies();
    const calls = engineCalls();
    const request = rig.messageRequest(thread, ANA, 'Big summer deals on every order');
    const first = await rig.send(request);
    const second = await rig.send(request, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    const third = await rig.send(request, {
      headers: { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' },
    });
    await rig.idle();
    expect([first.status, second.status, third.status]).toEqual([200, 200, 200]);
    expect(botReplies()).toBe(before + 1);
    expect(engineCalls()).toBe(calls + 1);
    expect((await rig.saved(thread))?.draft.ad_text).toBe('Big summer deals on every order');
  });

  it('the same event delivered three times at once gives one reply', async () => {
    const before = botReplies();
    const calls = engineCalls();
    const request = rig.messageRequest(thread, ANA, 'Big summer deals on every order');
    const statuses = await Promise.all([rig.send(request), rig.send(request), rig.send(request)]);
    await rig.idle();
    expect(statuses.map((s) => s.status)).toEqual([200, 200, 200]);
    expect(botReplies()).toBe(before + 1);
    expect(engineCalls()).toBe(calls + 1);
  });

  it('a post that arrives as both `message` and `app_mention` is handled once', async () => {
    const before = botReplies();
    const calls = engineCalls();
    const ts = nextTs();
    const text = `<@${rig.standin.bot_user_id}> Big summer deals on every order`;
    const asMessage = eventRequest(TEAM, {
      type: 'message',
      channel: CHANNEL,
      channel_type: 'channel',
      user: ANA,
      text,
      ts,
      thread_ts: thread,
      event_ts: ts,
    });
    const asMention = eventRequest(TEAM, {
      type: 'app_mention',
      channel: CHANNEL,
      user: ANA,
      text,
      ts,
      thread_ts: thread,
      event_ts: ts,
    });
    await Promise.all([rig.send(asMessage), rig.send(asMention)]);
    await rig.idle();
    expect(botReplies()).toBe(before + 1);
    expect(engineCalls()).toBe(calls + 1);
    // The bot's own mention is not part of what the user said.
    expect((await rig.saved(thread))?.draft.ad_text).toBe('Big summer deals on every order');
  });

  it('a retry whose first delivery never arrived is still handled', async () => {
    const before = botReplies();
    const calls = engineCalls();
    const request = rig.messageRequest(thread, ANA, 'Big summer deals on every order');
    const res = await rig.send(request, {
      headers: { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' },
    });
    await rig.idle();
    expect(res.status).toBe(200);
    expect(botReplies()).toBe(before + 1);
    expect(engineCalls()).toBe(calls + 1);
  });

  it('ignores the bot’s own posts, edits, other threads and top-level messages', async () => {
    const before = rig.standin.callsTo('chat.postMessage').length;
    const ts = nextTs();
    const ignored = [
      {
        type: 'message',
        subtype: 'bot_message',
        bot_id: 'B0BOT',
        channel: CHANNEL,
        text: 'x',
        ts,
        thread_ts: thread,
      },
      {
        type: 'message',
        channel: CHANNEL,
        user: rig.standin.bot_user_id,
        text: 'x',
        ts: nextTs(),
        thread_ts: thread,
      },
      {
        type: 'message',
        subtype: 'message_changed',
        channel: CHANNEL,
        hidden: true,
        ts: nextTs(),
        message: { user: ANA, text: 'edited', ts, thread_ts: thread },
      },
      {
        type: 'message',
        channel: CHANNEL,
        user: ANA,
        text: 'Big summer deals',
        ts: nextTs(),
        thread_ts: '1600000000.000001',
      },
      { type: 'message', channel: CHANNEL, user: ANA, text: 'Big summer deals', ts: nextTs() },
    ];
    for (const event of ignored)
      expect((await rig.send(eventRequest(TEAM, event))).status).toBe(200);
    await rig.idle();
    expect(rig.standin.callsTo('chat.postMessage').length).toBe(before);
    expect(rig.handled.map((e) => e.type)).toEqual(['start']);
    expect((await rig.saved(thread))?.draft.ad_text).toBeUndefined();
  });
});
