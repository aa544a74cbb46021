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
