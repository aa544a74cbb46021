import { blockKitProblems } from '../../adapters/slack';
import { TestLinking } from '../support/test-linking';
import { CHANNEL, SlackRig } from './slack-rig';

describe('Slack: Web API rate limits', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  it('waits out a 429 with Retry-After, then posts', async () => {
    rig = await SlackRig.start({ access: new TestLinking(), retries: 2 });
    rig.standin.rateLimitNext('chat.postMessage', 1);
    const started = Date.now();
    const res = await rig.command('Create a campaign called Summer Sale for traffic', 'U0ANA');
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const posts = rig.standin.callsTo('chat.postMessage');
    expect(posts.map((c) => c.status).slice(0, 2)).toEqual([429, 200]);
    // The rate-limited call was the thread root; it was sent again unchanged and the thread went on.
    expect(posts[1]?.params).toEqual(posts[0]?.params);
    const root = rig.lastRoot();
    expect(rig.standin.messagesIn(CHANNEL, root.ts).length).toBeGreaterThan(0);
    for (const call of posts) expect(blockKitProblems(call.params)).toEqual([]);
  });
});

describe('Slack: replies go out in order without holding the thread', () => {
  let rig: SlackRig;
  afterEach(() => rig.close());

  it('a slow post does not hold up the next message: its turn is saved, and both replies appear in order', async () => {
    rig = await SlackRig.start({ access: new TestLinking(), retries: 2 });
    await rig.command('Create a campaign called Summer Sale for traffic', 'U0ANA');
    const thread = rig.lastRoot().ts;
    // Slack asks to wait 3 s: far longer than two turns take, however busy the machine.
    rig.standin.rateLimitNext('chat.postMessage', 3);
    const before = rig.standin.callsTo('chat.postMessage').length;
    await rig.send(rig.messageRequest(thread, 'U0ANA', 'Big summer deals on every order'));
    await rig.send(rig.messageRequest(thread, 'U0ANA', 'Shop now'));
    // Both turns ran and were saved while the first reply still waited out Slack's Retry-After:
    // no post has gone through yet (at most the refused one was made).
    let saved = await rig.saved(thread);
    while (saved?.draft.call_to_action === undefined) {
      await new Promise((resolve) => setImmediate(resolve));
      saved = await rig.saved(thread);
    }
    expect(
      rig.standin
        .callsTo('chat.postMessage')
        .slice(before)
        .map((c) => c.status),
    ).not.toContain(200);
    expect(saved?.draft).toMatchObject({
      ad_text: 'Big summer deals on every order',
      call_to_action: 'SHOP_NOW',
    });
    await rig.idle();
    const text = rig.threadText(thread);
    const first = text.indexOf('ad text “Big summer deals on every order”');
    const second = text.indexOf('call to action Shop now');
    expect(first).toBeGreaterThan(-1);
    expect(second).toBeGreaterThan(first);
  });
});
