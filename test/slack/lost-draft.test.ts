import Redis from 'ioredis';
import { THREAD_TURN_TEXTS } from '../../src/engine/turn/thread-turn-texts';
import { TEST_REDIS_URL } from '../support/harness';
import { TestLinking } from '../support/test-linking';
import { CHANNEL, SlackRig, TEAM } from './slack-rig';

const ANA = 'U0ANA';

/** Deletes every key of the suite's prefix that belongs to `threadId` (its hash tag), or all. */
async function forget(prefix: string, threadId?: string): Promise<number> {
  const redis = new Redis(TEST_REDIS_URL);
  try {
    const keys = await redis.keys(threadId ? `${prefix}*{${threadId}}*` : `${prefix}*`);
    if (keys.length > 0) await redis.del(...keys);
    return keys.length;
  } finally {
    redis.disconnect();
  }
}

/**
 * A thread /tiktok-ad opened whose saved state is gone (expired, or lost by Redis) says so and
 * points to /tiktok-ad, instead of quietly starting a new draft from the next message.
 */
describe('Slack: a thread whose draft is gone says so', () => {
  let rig: SlackRig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  it('the thread state deleted: the next message is told the draft was lost, nothing new saved', async () => {
    rig = await SlackRig.start({ access: new TestLinking() });
    await rig.command('Create a campaign called Summer Sale for traffic', ANA);
    const thread = rig.lastRoot().ts;
    await rig.say(thread, ANA, 'Big summer deals on every order');
    expect(await rig.saved(thread)).not.toBeNull();
    const before = rig.standin.messagesIn(CHANNEL, thread).length;

    expect(await forget(rig.keys.prefix, `slack:${TEAM}:${CHANNEL}:${thread}`)).toBeGreaterThan(0);
    await rig.say(thread, ANA, 'Shop now');

    const after = rig.standin.messagesIn(CHANNEL, thread).slice(before);
    expect(after).toHaveLength(1);
    expect(JSON.stringify(after[0]?.blocks)).toContain('This draft was lost');
    expect(JSON.stringify(after[0]?.blocks)).toContain('/tiktok-ad');
    expect(THREAD_TURN_TEXTS.draftLost).toContain('Start again with /tiktok-ad');
    // No new draft was started from "Shop now".
    expect(await rig.saved(thread)).toBeNull();
  });

  it('after a restart with everything of the prefix gone, a reply under the bot’s root is told too', async () => {
    const first = await SlackRig.start({ access: new TestLinking() });
    await first.command('Create a campaign called Summer Sale for traffic', ANA);
    const thread = first.lastRoot().ts;
    await first.close({ keepKeys: true, keepStandin: true, keepEmulator: true });
    await forget(first.keys.prefix);
    rig = await SlackRig.start({
      access: new TestLinking(),
      prefix: first.keys.prefix,
      standin: first.standin,
      emulator: first.emulator,
    });
    const before = rig.standin.messagesIn(CHANNEL, thread).length;

    // Slack marks a thread reply with the root's author (`parent_user_id`): the bot.
    await rig.send(
      rig.messageRequest(thread, ANA, 'Big summer deals', undefined, {
        parent_user_id: rig.standin.bot_user_id,
      }),
    );
    await rig.idle();

    const after = rig.standin.messagesIn(CHANNEL, thread).slice(before);
    expect(after.map((m) => JSON.stringify(m.blocks)).join('\n')).toContain('This draft was lost');
    expect(after).toHaveLength(1);
    expect(await rig.saved(thread)).toBeNull();
    await first.standin.close();
    await first.emulator.close();
  });
});
