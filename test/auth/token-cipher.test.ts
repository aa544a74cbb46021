import { randomBytes } from 'node:crypto';
import { parseTokenKeys, TokenCipher, TokenDecryptError } from '../../src/auth/token-cipher';

const alice = 'slack:T1:U_ALICE';
const bob = 'slack:T1:U_BOB';
const token = 'act.example-token-value-1234567890';

describe('TokenCipher (AES-256-GCM at rest)', () => {
  const v1 = { version: 1, key: randomBytes(32) };
  const v2 = { version: 2, key: randomBytes(32) };

  it('round-trips, and the sealed form holds neither the token nor the key', () => {
    const cipher = new TokenCipher([v1]);
    const sealed = cipher.encrypt(token, alice);
    expect(JSON.stringify(sealed)).not.toContain(token);
    expect(JSON.stringify(sealed)).not.toContain(v1.key.toString('base64'));
    expect(sealed.v).toBe(1);
    expect(cipher.decrypt(sealed, alice)).toBe(token);
  });

  it('uses a fresh IV each time', () => {
    const cipher = new TokenCipher([v1]);
    expect(cipher.encrypt(token, alice).ct).not.toBe(cipher.encrypt(token, alice).ct);
  });

  it("does not decrypt ciphertext moved to another user's record", () => {
    const cipher = new TokenCipher([v1]);
    const sealed = cipher.encrypt(token, alice);
    expect(() => cipher.decrypt(sealed, bob)).toThrow(TokenDecryptError);
  });

  it('refuses tampered ciphertext or tag', () => {
    const cipher = new TokenCipher([v1]);
    const sealed = cipher.encrypt(token, alice);
    const flipped = Buffer.from(sealed.ct, 'base64');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() => cipher.decrypt({ ...sealed, ct: flipped.toString('base64') }, alice)).toThrow(
      TokenDecryptError,
    );
    expect(() =>
      cipher.decrypt({ ...sealed, tag: randomBytes(16).toString('base64') }, alice),
    ).toThrow(TokenDecryptError);
  });

  it('after a rotation, old tokens still open and new ones use the newest key', () => {
    const old = new TokenCipher([v1]).encrypt(token, alice);
    const rotated = new TokenCipher([v1, v2]);
    expect(rotated.decrypt(old, alice)).toBe(token);
    const fresh = rotated.encrypt(token, alice);
    expect(fresh.v).toBe(2);
    expect(() => new TokenCipher([v1]).decrypt(fresh, alice)).toThrow(/version 2/);
  });

  it('rejects bad keys without echoing them', () => {
    expect(() => new TokenCipher([])).toThrow(/At least one/);
    expect(() => new TokenCipher([{ version: 1, key: randomBytes(16) }])).toThrow(/32 bytes/);
    expect(() => new TokenCipher([v1, { version: 1, key: randomBytes(32) }])).toThrow(/twice/);
    expect(() => new TokenCipher([])).toThrow(expect.objectContaining({ code: 'config_invalid' }));
  });
});

describe('parseTokenKeys', () => {
  it('parses version:base64 pairs', () => {
    const a = randomBytes(32);
    const b = randomBytes(32);
    const keys = parseTokenKeys(`1:${a.toString('base64')}, 2:${b.toString('base64')}`);
    expect(keys.map((k) => k.version)).toEqual([1, 2]);
    expect(keys[1]?.key.equals(b)).toBe(true);
  });

  it('names the bad entry and never prints the key', () => {
    const short = randomBytes(8).toString('base64');
    let message = '';
    try {
      parseTokenKeys(`1:${short}`);
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/entry 1 must decode to 32 bytes/);
    expect(message).not.toContain(short);
    expect(() => parseTokenKeys('nonsense')).toThrow(/entry 1 must look like/);
  });
});
