import type { TikTokAuth } from '../tiktok/ads-api';
import type { Platform } from './thread-id';

/** The chat user whose TikTok account a request runs with. */
export interface ChatUserKey {
  platform: Platform;
  workspace_id: string;
  user_id: string;
}

/**
 * Finds the TikTok credentials of a chat user: `null` when they have none linked. The engine
 * never sees where tokens come from; they are never put in replies or model prompts.
 */
export interface AccessResolver {
  resolve(user: ChatUserKey): Promise<TikTokAuth | null>;
}

/**
 * One advertiser and token for everyone, from settings (`TIKTOK_ACCESS_TOKEN`,
 * `TIKTOK_ADVERTISER_ID`) or the emulator's fixture. For the terminal and single-team setups;
 * per-user linking through OAuth replaces it.
 */
export class StaticAccessResolver implements AccessResolver {
  constructor(private readonly auth: TikTokAuth) {}

  async resolve(): Promise<TikTokAuth> {
    return this.auth;
  }
}
