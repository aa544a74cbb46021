import type { ChatUserKey } from '../engine/access';
import type { Keys } from '../store/keys';
import type { StateStore } from '../store/state-store';
import { chatUserId } from './chat-user';
import type { SealedToken, TokenCipher } from './token-cipher';

/**
 * A chat user's saved TikTok link (one JSON value under `Keys.link`, no expiry: advertiser
 * tokens are long-term, docs/tiktok-api.md §2.4). The token is only ever stored sealed;
 * `invalid` records keep which accounts were linked and why TikTok stopped accepting it.
 */
export interface LinkRecord {
  schema: 1;
  status: 'active' | 'invalid';
  /** The access token, AES-256-GCM sealed with the user's id as associated data. */
  sealed?: SealedToken;
  advertiser_ids: string[];
  advertiser_names?: Record<string, string>;
  /** Granted permission scope ids, as TikTok returned them. */
  scope: number[];
  linked_at: string;
  invalid_code?: number;
  invalid_at?: string;
}

/** What a completed OAuth exchange gives to save. */
export interface LinkGrant {
  access_token: string;
  advertiser_ids: string[];
  advertiser_names?: Record<string, string>;
  scope: number[];
}

/**
 * Saves and opens per-user TikTok links. Sealing uses the user's `platform:workspace:user` as
 * associated data, so a record copied to another user's key does not open.
 */
export class LinkStore {
  constructor(
    private readonly store: StateStore,
    private readonly keys: Keys,
    private readonly cipher: TokenCipher,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The saved record, or `null` when the user never linked (or unlinked). */
  get(user: ChatUserKey): Promise<LinkRecord | null> {
    return this.store.get<LinkRecord>(this.keys.link(chatUserId(user)));
  }

  /**
   * Opens the record's token for `user`.
   * @throws TokenDecryptError when it cannot (other user's data, tampering, or a key no longer
   *   configured); the error message never contains key or token.
   */
  open(user: ChatUserKey, record: LinkRecord): string | null {
    if (record.status !== 'active' || !record.sealed) return null;
    return this.cipher.decrypt(record.sealed, chatUserId(user));
  }

  /** Saves a fresh link (replacing any earlier one); returns the key version that sealed it. */
  async save(user: ChatUserKey, grant: LinkGrant): Promise<number> {
    const sealed = this.cipher.encrypt(grant.access_token, chatUserId(user));
    const record: LinkRecord = {
      schema: 1,
      status: 'active',
      sealed,
      advertiser_ids: grant.advertiser_ids,
      ...(grant.advertiser_names ? { advertiser_names: grant.advertiser_names } : {}),
      scope: grant.scope,
      linked_at: this.now().toISOString(),
    };
    await this.store.set(this.keys.link(chatUserId(user)), record);
    return sealed.v;
  }

  /** Drops the token and keeps why: TikTok refused it with `code`. */
  async markInvalid(user: ChatUserKey, code: number): Promise<void> {
    const record = await this.get(user);
    if (!record) return;
    const { sealed: _dropped, ...rest } = record;
    await this.store.set(this.keys.link(chatUserId(user)), {
      ...rest,
      status: 'invalid',
      invalid_code: code,
      invalid_at: this.now().toISOString(),
    } satisfies LinkRecord);
  }

  /** Deletes the record; true when there was one. */
  delete(user: ChatUserKey): Promise<boolean> {
    return this.store.delete(this.keys.link(chatUserId(user)));
  }
}
