import { chatUserId } from '../../src/auth/chat-user';
import type {
  AccessResolver,
  AccountLinking,
  ChatUserKey,
  LinkedAccount,
  LinkInvite,
  UnlinkOutcome,
} from '../../src/engine/access';
import type { ThreadId } from '../../src/engine/thread-id';
import { EMULATOR_ACCESS_TOKEN, EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';

/**
 * A fake of per-user TikTok linking (the `AccessResolver` port with `linking`) for the Slack
 * and Discord adapter tests, which test translation, not OAuth (the real linking is tested in
 * `test/auth` and end to end in `test/server`). `startLink`
 * hands out a URL and remembers the thread; {@link TestLinking.complete} marks the user linked
 * (what the OAuth callback does) and returns that thread, so the test can then send
 * `account_linked` to the engine with the Slack sink. Linked users resolve to the TikTok
 * emulator's token and advertiser.
 */
export class TestLinking implements AccessResolver {
  private readonly linked = new Set<string>();
  readonly invites: Array<{ user: ChatUserKey; thread_id: ThreadId; url: string }> = [];

  readonly linking: AccountLinking = {
    startLink: async (user, thread_id): Promise<LinkInvite> => {
      const url = `https://bot.example.com/link/start/${this.invites.length + 1}`;
      this.invites.push({ user, thread_id, url });
      return { url, expires_in_minutes: 10 };
    },
    markInvalid: async (user) => {
      this.linked.delete(chatUserId(user));
    },
    unlink: async (user): Promise<UnlinkOutcome> =>
      this.linked.delete(chatUserId(user)) ? 'revoked' : 'not_linked',
  };

  async resolve(user: ChatUserKey): Promise<LinkedAccount | null> {
    if (!this.linked.has(chatUserId(user))) return null;
    return { access_token: EMULATOR_ACCESS_TOKEN, advertiser_ids: [EMULATOR_ADVERTISER_ID] };
  }

  /**
   * Links the user, as the OAuth callback would (or as if they linked before any draft).
   * @returns the thread their last link was asked from; `undefined` when none was asked.
   */
  complete(user: ChatUserKey): ThreadId | undefined {
    this.linked.add(chatUserId(user));
    return [...this.invites].reverse().find((i) => chatUserId(i.user) === chatUserId(user))
      ?.thread_id;
  }
}
