import type {
  AccessResolver,
  AccountLinking,
  ChatUserKey,
  LinkedAccount,
  LinkInvite,
  UnlinkOutcome,
} from '../engine/access';
import type { ThreadId } from '../engine/thread-id';
import type { Logger } from '../logging/logger';
import { isLinkInvalid } from '../tiktok/errors';
import type { AuditLog } from './audit';
import { chatUserId } from './chat-user';
import type { LinkStore } from './link-store';
import type { OAuthFlow } from './oauth-flow';
import type { TikTokOAuthApi } from './tiktok-oauth-api';
import { TokenDecryptError } from './token-cipher';

/** Options of {@link AccountLinks}. */
export interface AccountLinksOptions {
  links: LinkStore;
  flow: OAuthFlow;
  tiktok: TikTokOAuthApi;
  app: { app_id: string; secret: string };
  audit: AuditLog;
  logger: Logger;
}

/**
 * Per-user TikTok accounts for the engine: looks up a user's sealed token, makes private links
 * (through {@link OAuthFlow}), marks links TikTok refuses as invalid, and unlinks (revoke at
 * TikTok, then delete). A record that no longer decrypts (another user's data, tampering, a
 * retired key) counts as no link: the user is asked to link again.
 */
export class AccountLinks implements AccessResolver, AccountLinking {
  readonly linking: AccountLinking = this;

  constructor(private readonly options: AccountLinksOptions) {}

  async resolve(user: ChatUserKey): Promise<LinkedAccount | null> {
    const { links, logger } = this.options;
    const record = await links.get(user);
    if (!record || record.status !== 'active' || record.advertiser_ids.length === 0) return null;
    let access_token: string | null;
    try {
      access_token = links.open(user, record);
    } catch (error) {
      if (!(error instanceof TokenDecryptError)) throw error;
      logger.warn({ user: chatUserId(user) }, 'stored TikTok token does not decrypt');
      return null;
    }
    if (!access_token) return null;
    return {
      access_token,
      advertiser_ids: record.advertiser_ids,
      ...(record.advertiser_names ? { advertiser_names: record.advertiser_names } : {}),
    };
  }

  startLink(user: ChatUserKey & { name?: string }, thread_id: ThreadId): Promise<LinkInvite> {
    return this.options.flow.createLink({ user, thread_id });
  }

  async markInvalid(user: ChatUserKey, code: number): Promise<void> {
    await this.options.links.markInvalid(user, code);
    this.options.audit.record({ kind: 'link_invalidated', user: chatUserId(user), code });
  }

  async unlink(user: ChatUserKey): Promise<UnlinkOutcome> {
    const { links, tiktok, app, audit, logger } = this.options;
    const record = await links.get(user);
    if (!record) return 'not_linked';
    let access_token: string | null = null;
    try {
      access_token = links.open(user, record);
    } catch (error) {
      if (!(error instanceof TokenDecryptError)) throw error;
    }
    let revoke: 'revoked' | 'already_invalid' | 'revoke_failed' = 'already_invalid';
    if (access_token) {
      try {
        await tiktok.revokeToken({ ...app, access_token });
        revoke = 'revoked';
      } catch (error) {
        revoke = isLinkInvalid(error) ? 'already_invalid' : 'revoke_failed';
        if (revoke === 'revoke_failed')
          logger.warn({ user: chatUserId(user) }, 'TikTok did not confirm the token revoke');
      }
    }
    await links.delete(user);
    audit.record({ kind: 'unlinked', user: chatUserId(user), revoke });
    return revoke;
  }
}
