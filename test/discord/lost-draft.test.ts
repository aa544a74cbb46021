import Redis from 'ioredis';
import { TEST_REDIS_URL } from '../support/harness';
import { DiscordFixture, textOfMessage } from './support';

/**
 * A Discord thread /tiktok-ad opened whose saved draft is gone (expired, or lost by Redis)
 * says so and points to /tiktok-ad, instead of quietly starting a new draft.
 */
describe('Discord: a thread whose draft is gone says so', () => {
  let f: DiscordFixture;
  afterEach(() => f.close());

  it('the thread state deleted: the next message is told the draft was lost, nothing new saved', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = await f.startDraft(rita, 'Create a campaign called Summer Sale for traffic');
    await f.waitForBotMessage(thread, /ad text/i);
    await f.settle();
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const keys = await redis.keys(`${f.keys.prefix}*{${f.engineThreadId(thread)}}*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    const before = f.botMessages(thread).length;

    await f.say(thread, rita, 'Big summer deals on every order');

    const after = f.botMessages(thread).slice(before).map(textOfMessage);
    expect(after).toHaveLength(1);
    expect(after[0]).toContain('This draft was lost');
    expect(after[0]).toContain('Start again with /tiktok-ad');
    expect(await f.state(thread)).toBeNull();
  });

  it('every key gone, the thread ownership too: a thread the bot started is still told the draft was lost', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = await f.startDraft(rita, 'Create a campaign called Summer Sale for traffic');
    await f.waitForBotMessage(thread, /ad text/i);
    await f.settle();
    await deleteEveryKey(f.keys.prefix);
    const before = f.botMessages(thread).length;

    await f.say(thread, rita, 'Big summer deals on every order');

    const after = f.botMessages(thread).slice(before).map(textOfMessage);
    expect(after).toHaveLength(1);
    expect(after[0]).toContain('This draft was lost');
    expect(after[0]).toContain('Start again with /tiktok-ad');
    const redis = new Redis(TEST_REDIS_URL);
    try {
      const saved = await redis.keys(`${f.keys.prefix}*{${f.engineThreadId(thread)}}*`);
      expect(saved.filter((key) => key.endsWith(':thread'))).toEqual([]);
    } finally {
      redis.disconnect();
    }
  });

  it('a thread someone else started stays ignored, even with no key of it saved', async () => {
    f = await DiscordFixture.start();
    const rita = f.standin.addUser('rita');
    const thread = f.standin.userThread(rita, 'lunch plans');
    await f.settle();

    f.standin.userMessage(rita, thread, 'Big summer deals on every order');
    await f.settle();

    expect(f.botMessages(thread)).toEqual([]);
  });
});

/** Deletes every key under `prefix`: Redis lost all it had of the bot. */
async function deleteEveryKey(prefix: string): Promise<void> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(`${prefix}*`);
    // The thread ownership key is among them, so the adapter cannot find the thread by it.
    expect(keys.some((key) => key.startsWith(`${prefix}discord:thread:`))).toBe(true);
    await redis.del(...keys);
  } finally {
    redis.disconnect();
  }
}
