import { chatUserId } from '../../src/auth/chat-user';
import type { LinkRecord } from '../../src/auth/link-store';
import type { ChatUserKey } from '../../src/engine/access';
import { EMULATOR_ADVERTISER_ID } from '../../src/tiktok/emulator';
import { get, LinkingRig, throughPortal, tokenKey } from './linking-support';

const alice: ChatUserKey = { platform: 'discord', workspace_id: 'G1', user_id: '111' };
const bob: ChatUserKey = { platform: 'discord', workspace_id: 'G1', user_id: '222' };

async function linkThrough(rig: LinkingRig, user: ChatUserKey): Promise<string> {
  const { callbackUrl, cookie } = await throughPortal((await rig.link(user)).url);
  const done = await get(callbackUrl, cookie);
  if (done.status !== 200) throw new Error(`link failed: ${done.status}`);
  const account = await rig.linking.access.resolve(user);
  if (!account) throw new Error('not linked');
  return account.access_token;
}

describe('linked tokens at rest', () => {
  const key1 = tokenKey(1);
  const key2 = tokenKey(2);
  let rig: LinkingRig;

  beforeEach(async () => {
    rig = await LinkingRig.start({ tokenKeys: key1 });
  });
  afterEach(async () => {
    await rig.stop();
  });

  it('ciphertext copied onto another user’s record does not decrypt (no link for them)', async () => {
    await linkThrough(rig, alice);
    const record = await rig.store.get<LinkRecord>(rig.keys.link(chatUserId(alice)));
    await rig.store.set(rig.keys.link(chatUserId(bob)), record);
    expect(await rig.linking.access.resolve(bob)).toBeNull();
    expect(rig.logs.lines.join('\n')).toContain('stored TikTok token does not decrypt');
    expect(await rig.linking.access.resolve(alice)).not.toBeNull();
  });

  it('a tampered record is refused', async () => {
    await linkThrough(rig, alice);
    const record = await rig.store.get<LinkRecord>(rig.keys.link(chatUserId(alice)));
    if (!record?.sealed) throw new Error('no sealed token');
    const ct = Buffer.from(record.sealed.ct, 'base64');
    ct[0] = (ct[0] ?? 0) ^ 1;
    record.sealed.ct = ct.toString('base64');
    await rig.store.set(rig.keys.link(chatUserId(alice)), record);
    expect(await rig.linking.access.resolve(alice)).toBeNull();
  });

  it('after a key rotation old tokens still work and new links use the newest key', async () => {
    const oldToken = await linkThrough(rig, alice);
    const prefix = rig.keys.prefix;
    const emulator = rig.emulator;
    await rig.http.close();
    const rotated = await LinkingRig.start({ tokenKeys: `${key1},${key2}`, prefix, emulator });
    try {
      expect((await rotated.linking.access.resolve(alice))?.access_token).toBe(oldToken);
      await linkThrough(rotated, bob);
      const bobRecord = await rotated.store.get<LinkRecord>(rotated.keys.link(chatUserId(bob)));
      expect(bobRecord?.sealed?.v).toBe(2);
      expect(rotated.audit.events.at(-1)).toMatchObject({ kind: 'link_completed', key_version: 2 });
      const aliceRecord = await rotated.store.get<LinkRecord>(rotated.keys.link(chatUserId(alice)));
      expect(aliceRecord?.sealed?.v).toBe(1);
    } finally {
      await rotated.stop();
    }
  });

  it('unlink revokes the token at TikTok and deletes it; a second unlink finds nothing', async () => {
    const token = await linkThrough(rig, alice);
    expect(await rig.linking.access.unlink(alice)).toBe('revoked');
    expect(rig.emulator.state.tokens.get(token)?.revoked).toBe(true);
    expect(await rig.store.get(rig.keys.link(chatUserId(alice)))).toBeNull();
    expect(await rig.linking.access.resolve(alice)).toBeNull();
    expect(await rig.linking.access.unlink(alice)).toBe('not_linked');
    expect(rig.audit.events.at(-1)).toEqual({
      kind: 'unlinked',
      user: 'discord:G1:111',
      revoke: 'revoked',
    });
  });

  it('unlinking a token TikTok already revoked still deletes it', async () => {
    const token = await linkThrough(rig, alice);
    rig.emulator.revokeToken(token);
    expect(await rig.linking.access.unlink(alice)).toBe('already_invalid');
    expect(await rig.store.get(rig.keys.link(chatUserId(alice)))).toBeNull();
  });

  it('a link marked invalid (TikTok 40105) resolves to nothing and keeps no token', async () => {
    const token = await linkThrough(rig, alice);
    await rig.linking.access.markInvalid(alice, 40105);
    expect(await rig.linking.access.resolve(alice)).toBeNull();
    const record = await rig.store.get<LinkRecord>(rig.keys.link(chatUserId(alice)));
    expect(record).toMatchObject({ status: 'invalid', invalid_code: 40105 });
    expect(record?.sealed).toBeUndefined();
    expect(JSON.stringify(record)).not.toContain(token);
    expect(record?.advertiser_ids).toEqual([EMULATOR_ADVERTISER_ID]);
  });

  it('a TikTok error during the exchange never puts the secret in the page or logs', async () => {
    rig.emulator.faults.set({ kind: 'server', times: 10, endpoint: 'oauth2/access_token/' });
    const { callbackUrl, cookie } = await throughPortal((await rig.link(alice)).url);
    const hop = await get(callbackUrl, cookie);
    expect(hop.status).toBe(502);
    expect(hop.body).toContain('could not finish the sign-in');
    expect(hop.body).not.toContain('emulator-secret');
    expect(rig.logs.lines.join('\n')).not.toContain('emulator-secret');
  });
});
