import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { BotError } from '../errors/bot-error';

/** One encryption key: a version number and 32 random bytes (AES-256). */
export interface TokenKey {
  version: number;
  key: Buffer;
}

/**
 * A token encrypted at rest: AES-256-GCM with a 12-byte random IV and a 16-byte tag, all
 * base64. `v` names the key version that sealed it, so old records still open after a rotation.
 */
export interface SealedToken {
  v: number;
  iv: string;
  tag: string;
  ct: string;
}

/** Thrown when a sealed token cannot be opened: unknown key version, tampering, or wrong owner. */
export class TokenDecryptError extends BotError {
  override readonly name = 'TokenDecryptError';
  declare readonly code: 'token_decrypt_failed';

  constructor(message: string, options?: { cause?: unknown }) {
    super('token_decrypt_failed', message, options);
  }
}

/**
 * Encrypts TikTok tokens at rest (AES-256-GCM, NIST SP 800-38D). The associated data is the
 * chat user's key (`platform:workspace:user`), so ciphertext copied into another user's
 * record does not decrypt. New tokens are sealed with the newest key version; every configured
 * version can open what it sealed (key rotation). Error messages never contain key or token.
 */
export class TokenCipher {
  private readonly keys: Map<number, Buffer>;
  private readonly newest: TokenKey;

  /** @throws BotError `config_invalid` when no key is given, a key is not 32 bytes, or a version repeats. */
  constructor(keys: TokenKey[]) {
    if (keys.length === 0)
      throw new BotError('config_invalid', 'At least one token encryption key is required');
    this.keys = new Map();
    for (const { version, key } of keys) {
      if (key.length !== 32)
        throw new BotError(
          'config_invalid',
          `Token key version ${version} must be 32 bytes (got ${key.length})`,
        );
      if (this.keys.has(version))
        throw new BotError('config_invalid', `Token key version ${version} is configured twice`);
      this.keys.set(version, key);
    }
    const newest = [...keys].sort((a, b) => b.version - a.version)[0];
    if (!newest)
      throw new BotError('config_invalid', 'At least one token encryption key is required');
    this.newest = newest;
  }

  /** Seals `plaintext` for the owner named by `associatedData`, with the newest key. */
  encrypt(plaintext: string, associatedData: string): SealedToken {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.newest.key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return {
      v: this.newest.version,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      ct: ct.toString('base64'),
    };
  }

  /**
   * Opens a sealed token for the owner named by `associatedData`.
   * @throws TokenDecryptError on an unknown key version, tampering, or another owner's data.
   */
  decrypt(sealed: SealedToken, associatedData: string): string {
    const key = this.keys.get(sealed.v);
    if (!key) throw new TokenDecryptError(`No token key with version ${sealed.v} is configured`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
      decipher.setAAD(Buffer.from(associatedData, 'utf8'));
      decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
      return Buffer.concat([
        decipher.update(Buffer.from(sealed.ct, 'base64')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new TokenDecryptError(
        "The stored token could not be decrypted (tampered, or not this user's)",
      );
    }
  }
}

/**
 * Parses the key setting: comma-separated `version:base64key` pairs, e.g.
 * `1:<44 base64 chars>,2:<44 base64 chars>`. Generate a key with
 * `node -e "console.log(require('crypto').randomBytes(32).toString('base64'))"`.
 * @throws BotError `config_invalid` naming the bad entry by position (never echoing key material).
 */
export function parseTokenKeys(setting: string): TokenKey[] {
  return setting
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, i) => {
      const match = /^(\d+):([A-Za-z0-9+/=_-]+)$/.exec(entry);
      if (!match?.[1] || !match[2])
        throw new BotError(
          'config_invalid',
          `Token key entry ${i + 1} must look like <version>:<base64 key>`,
        );
      const key = Buffer.from(match[2], 'base64');
      if (key.length !== 32)
        throw new BotError(
          'config_invalid',
          `Token key entry ${i + 1} must decode to 32 bytes (got ${key.length})`,
        );
      return { version: Number(match[1]), key };
    });
}
