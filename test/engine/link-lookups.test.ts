import {
  type AccessResolver,
  type ChatUserKey,
  type LinkedAccount,
  StaticAccessResolver,
} from '../../src/engine/access';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { Harness, textOf } from '../support/harness';

/** The emulator's account for everyone, counting each lookup (a Redis read and a decrypt in production). */
class CountingAccess implements AccessResolver {
  lookups = 0;
  private readonly inner = new StaticAccessResolver({
    access_token: EMULATOR_ACCESS_TOKEN,
    advertiser_id: EMULATOR_ADVERTISER_ID,
  });
  resolve(_user: ChatUserKey): Promise<LinkedAccount | null> {
    this.lookups += 1;
    return this.inner.resolve();
  }
}

describe("the requester's link is looked up only when a turn may talk to TikTok", () => {
  let harness: Harness;
  let access: CountingAccess;
  beforeEach(async () => {
    access = new CountingAccess();
    harness = await Harness.start({ redis: true, access });
  });
  afterEach(() => harness.close());

  it('not for a name, an objective, an ad text or a call to action; yes for music, and checked at once', async () => {
    const thread = harness.thread();
    await thread.say('Campaign called Fall Boots for conversions');
    const afterStart = access.lookups;
    await thread.say('Ad text: Warm boots for cold days!');
    await thread.say('shop now');
    expect(access.lookups).toBe(afterStart);
    const replies = await thread.say('music_pop_2024');
    expect(access.lookups).toBeGreaterThan(afterStart);
    // Linked, so the music is confirmed in this turn, not left "to confirm once linked".
    expect((await thread.state())?.draft.music).toEqual({
      kind: 'existing',
      music_id: 'music_pop_2024',
    });
    expect(textOf(replies)).not.toContain('once your TikTok account is linked');
  });

  it('yes while the media question is open, so plain words pick from the library', async () => {
    const thread = harness.thread('2');
    await thread.say(
      'Campaign Fall Boots for traffic, text: Warm boots, learn more, no music, https://boots.example.com',
    );
    expect((await thread.state())?.last_question).toBe('media');
    const before = access.lookups;
    await thread.say('the first one');
    expect(access.lookups).toBeGreaterThan(before);
    expect((await thread.state())?.draft.video_id).toBeDefined();
  });
});
