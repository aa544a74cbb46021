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
 * A test-local stand-in for per-user TikTok linking (the `AccessResolver` port with `linking`),
 * until the real `AccountLinking` lands; swap it for the real one in one place. `startLink`
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
      return { url, expires_in_minutes: 15 };
    },
    markInvalid: async (user) => {
      this.linked.delete(keyOf(user));
    },
    unlink: async (user): Promise<UnlinkOutcome> =>
      this.linked.delete(keyOf(user)) ? 'revoked' : 'not_linked',
  };

  async resolve(user: ChatUserKey): Promise<LinkedAccount | null> {
    if (!this.linked.has(keyOf(user))) return null;
    return { access_token: EMULATOR_ACCESS_TOKEN, advertiser_ids: [EMULATOR_ADVERTISER_ID] };
  }

  /**
   * Completes the user's last link, as the OAuth callback would.
   * @returns the thread the link was asked from.
   * @throws Error when no link was started for the user.
   */
  complete(user: ChatUserKey): ThreadId {
    const invite = [...this.invites].reverse().find((i) => keyOf(i.user) === keyOf(user));
    if (!invite) throw new Error(`no link was started for ${keyOf(user)}`);
    this.linked.add(keyOf(user));
    return invite.thread_id;
  }
}

function keyOf(user: ChatUserKey): string {
  return `${user.platform}:${user.workspace_id}:${user.user_id}`;
}
