import { webApi } from '@slack/bolt';
import { postedParts, REPLY_EVENT_TYPE, replyMetadata } from '../../adapters/slack/posted-replies';
import { silentLogger } from '../../src/logging/logger';
import { SlackStandIn } from '../standins/slack-standin';

// postedParts reads a thread over the real Web API client against the stand-in: it finds the
// parts of one delivery by their metadata, across pages, and only when Slack returns metadata.
const CHANNEL = 'C0MARKETING';

describe('postedParts', () => {
  let standin: SlackStandIn;
  let client: webApi.WebClient;
  beforeEach(async () => {
    standin = new SlackStandIn();
    client = new webApi.WebClient('xoxb-test', {
      slackApiUrl: await standin.listen(),
      retryConfig: { retries: 0 },
    });
  });
  afterEach(() => standin.close());

  const post = async (
    thread_ts: string | undefined,
    text: string,
    metadata?: webApi.MessageMetadata,
  ) =>
    (
      await client.chat.postMessage({
        channel: CHANNEL,
        text,
        ...(thread_ts ? { thread_ts } : {}),
        ...(metadata ? { metadata } : {}),
      })
    ).ts ?? '';

  it('finds each part of one delivery, past the first page, and nothing of another', async () => {
    const root = await post(undefined, 'root');
    for (let i = 0; i < 230; i++) await post(root, `filler ${i}`, replyMetadata(`other${i}`, 0));
    const first = await post(root, 'part 0', replyMetadata('d1', 0));
    const second = await post(root, 'part 1', replyMetadata('d1', 1));
    const place = { client, token: 'xoxb-test', channel: CHANNEL, thread_ts: root };

    const found = await postedParts(place, 'd1', silentLogger());

    expect([...found.entries()]).toEqual([
      [0, first],
      [1, second],
    ]);
    expect(standin.callsTo('conversations.replies').length).toBe(2);
    expect(await postedParts(place, 'd2', silentLogger())).toEqual(new Map());
    expect(standin.messagesIn(CHANNEL, root).at(-1)?.metadata).toEqual({
      event_type: REPLY_EVENT_TYPE,
      event_payload: { delivery_id: 'd1', part: 1 },
    });
  });

  it('a thread Slack will not read answers none (the reply is posted again), not an error', async () => {
    const place = { client, token: 'xoxb-test', channel: CHANNEL, thread_ts: '1.000001' };
    expect(await postedParts(place, 'd1', silentLogger())).toEqual(new Map());
  });

  it('the stand-in returns metadata only when asked, as Slack does', async () => {
    const root = await post(undefined, 'root');
    await post(root, 'part 0', replyMetadata('d1', 0));
    const plain = await client.conversations.replies({ channel: CHANNEL, ts: root });
    const full = await client.conversations.replies({
      channel: CHANNEL,
      ts: root,
      include_all_metadata: true,
    });
    expect(plain.messages?.map((m) => m.metadata)).toEqual([undefined, undefined]);
    expect(full.messages?.[1]?.metadata?.event_payload).toEqual({ delivery_id: 'd1', part: 0 });
  });
});
