import type { ChatUser } from './chat-event';
import type { Platform, ThreadId } from './thread-id';

/** The chat user whose TikTok account a request runs with. */
export interface ChatUserKey {
  platform: Platform;
  workspace_id: string;
  user_id: string;
}

/**
 * A usable TikTok link: the token and every advertiser account it reaches (at least one).
 * Source: docs/tiktok-api.md §2.3 (`oauth2/access_token/` returns `advertiser_ids`).
 */
export interface LinkedAccount {
  access_token: string;
  advertiser_ids: string[];
  /** Display names by advertiser id, when TikTok gave them. */
  advertiser_names?: Record<string, string>;
}

/** A private link that starts OAuth for one chat user; `url` is our start hop. */
export interface LinkInvite {
  url: string;
  expires_in_minutes: number;
}

/**
 * What `unlink` did: revoked at TikTok; the token was already dead there; TikTok did not answer
 * the revoke (the link is deleted here anyway); or there was no link.
 */
export type UnlinkOutcome = 'revoked' | 'already_invalid' | 'revoke_failed' | 'not_linked';

/**
 * Per-user TikTok linking (OAuth). Absent when the deployment runs with one configured token.
 * Implemented in `src/auth/account-links.ts`; the engine never sees tokens' storage.
 */
export interface AccountLinking {
  /**
   * Makes a private link for `user`, remembering `thread_id` so the thread can go on once the
   * link completes (event `account_linked`).
   */
  startLink(user: ChatUserKey & { name?: string }, thread_id: ThreadId): Promise<LinkInvite>;
  /**
   * Marks the user's link unusable after TikTok refused its token (codes 40102, 40105, 40106:
   * docs/tiktok-api.md §2.4); later `resolve` calls return `null`.
   */
  markInvalid(user: ChatUserKey, code: number): Promise<void>;
  /** Revokes the token at TikTok (`oauth2/revoke_token/`) and deletes it. */
  unlink(user: ChatUserKey): Promise<UnlinkOutcome>;
}

/**
 * Finds the TikTok credentials of a chat user: `null` when they have none usable. The engine
 * never puts tokens in replies or model prompts. `linking` is present when users link their
 * own accounts; without it every user runs with the configured account.
 */
export interface AccessResolver {
  resolve(user: ChatUserKey): Promise<LinkedAccount | null>;
  readonly linking?: AccountLinking;
}

/**
 * One advertiser and token for everyone, from settings (`TIKTOK_ACCESS_TOKEN`,
 * `TIKTOK_ADVERTISER_ID`). For single-team setups; per-user linking replaces it.
 */
export class StaticAccessResolver implements AccessResolver {
  private readonly account: LinkedAccount;

  constructor(auth: { access_token: string; advertiser_id: string }) {
    this.account = { access_token: auth.access_token, advertiser_ids: [auth.advertiser_id] };
  }

  async resolve(): Promise<LinkedAccount> {
    return this.account;
  }
}

/** The chat user key of someone in a thread (`user` is a ChatUser of that thread). */
export function userKeyOf(
  thread: { platform: Platform; workspace_id: string },
  user: ChatUser,
): ChatUserKey {
  return { platform: thread.platform, workspace_id: thread.workspace_id, user_id: user.id };
}
