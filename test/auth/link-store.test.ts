import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { LinkStore } from '../../src/auth/link-store';
import { TokenCipher, TokenDecryptError } from '../../src/auth/token-cipher';
import type { ChatUserKey } from '../../src/engine/access';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';
import { deleteKeysWithPrefix, TEST_REDIS_URL } from '../store/redis-test-support';

const alice: ChatUserKey = { platform: 'slack', workspace_id: 'T1', user_id: 'U_ALICE' };
const bob: ChatUserKey = { platform: 'slack', workspace_id: 'T1', user_id: 'U_BOB' };
const GRANT = {
  access_token: 'act.alice-secret-token',
  advertiser_ids: ['7001', '7002'],
  advertiser_names: { '7001': 'Shop A', '7002': 'Shop B' },
  scope: [2, 6],
};

const prefix = `test:link-store:${randomBytes(6).toString('hex')}:`;
const keys = new Keys(prefix);
const cipher = new TokenCipher([{ version: 4, key: randomBytes(32) }]);
let store: RedisStateStore;
let admin: Redis;
let clock: Date;
let links: LinkStore;

beforeAll(async () => {
  store = await RedisStateStore.connect(TEST_REDIS_URL);
  admin = new Redis(TEST_REDIS_URL);
});
beforeEach(async () => {
  await deleteKeysWithPrefix(admin, prefix);
  clock = new Date('2026-12-07T09:00:00.000Z');
  links = new LinkStore(store, keys, cipher, () => clock);
});
afterAll(async () => {
  await deleteKeysWithPrefix(admin, prefix);
  await admin.quit();
  await store.close();
});

describe('LinkStore on a real Redis', () => {
  it('saves an active record under the link key with the token sealed, never in clear', async () => {
    expect(await links.save(alice, GRANT)).toBe(4);
    const raw = await admin.get(`${prefix}link:slack:T1:U_ALICE`);
    expect(raw).not.toBeNull();
    expect(raw).not.toContain('alice-secret-token');
    const record = await links.get(alice);
    expect(record).toEqual({
      schema: 1,
      status: 'active',
      sealed: expect.objectContaining({ v: 4 }),
      advertiser_ids: ['7001', '7002'],
      advertiser_names: { '7001': 'Shop A', '7002': 'Shop B' },
      scope: [2, 6],
      linked_at: '2026-12-07T09:00:00.000Z',
    });
    expect(record && links.open(alice, record)).toBe('act.alice-secret-token');
    expect(await admin.pttl(`${prefix}link:slack:T1:U_ALICE`)).toBe(-1);
  });

  it('leaves advertiser_names out when the grant has none', async () => {
    const { advertiser_names: _names, ...plain } = GRANT;
    await links.save(alice, plain);
    expect(Object.keys((await links.get(alice)) ?? {})).not.toContain('advertiser_names');
  });

  it("does not open one user's record for another user", async () => {
    await links.save(alice, GRANT);
    const record = await links.get(alice);
    if (!record) throw new Error('no record');
    expect(() => links.open(bob, record)).toThrow(TokenDecryptError);
    expect(await links.get(bob)).toBeNull();
  });

  it('markInvalid drops the token and keeps the accounts and why, at the time of marking', async () => {
    await links.save(alice, GRANT);
    clock = new Date('2026-12-08T11:30:00.000Z');
    await links.markInvalid(alice, 40105);
    const record = await links.get(alice);
    expect(record).toEqual({
      schema: 1,
      status: 'invalid',
      advertiser_ids: ['7001', '7002'],
      advertiser_names: { '7001': 'Shop A', '7002': 'Shop B' },
      scope: [2, 6],
      linked_at: '2026-12-07T09:00:00.000Z',
      invalid_code: 40105,
      invalid_at: '2026-12-08T11:30:00.000Z',
    });
    expect(record && links.open(alice, record)).toBeNull();
  });

  it('markInvalid does nothing for a user who never linked', async () => {
    await links.markInvalid(bob, 40105);
    expect(await links.get(bob)).toBeNull();
  });

  it('delete reports whether there was a record', async () => {
    await links.save(alice, GRANT);
    expect(await links.delete(alice)).toBe(true);
    expect(await links.delete(alice)).toBe(false);
    expect(await links.get(alice)).toBeNull();
  });
});
