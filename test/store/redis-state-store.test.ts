import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Command, Redis } from 'ioredis';
import { RedisStateStore } from '../../src/store/redis-state-store';
import { deleteKeysWithPrefix, TEST_REDIS_URL } from './redis-test-support';
import { describeStateStoreContract } from './state-store.contract';

describeStateStoreContract('RedisStateStore', async (prefix) => {
  const store = await RedisStateStore.connect(TEST_REDIS_URL);
  const admin = new Redis(TEST_REDIS_URL);
  return {
    store,
    cleanup: async () => {
      await store.close();
      await deleteKeysWithPrefix(admin, prefix);
      await admin.quit();
    },
  };
});

describe('RedisStateStore on a real Redis', () => {
  const prefix = `test:redis-store:${randomBytes(6).toString('hex')}:`;
  let admin: Redis;

  beforeAll(() => {
    admin = new Redis(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await deleteKeysWithPrefix(admin, prefix);
    await admin.quit();
  });

  it('keeps mutual exclusion across two stores with separate connections ("two processes")', async () => {
    const a = await RedisStateStore.connect(TEST_REDIS_URL);
    const b = await RedisStateStore.connect(TEST_REDIS_URL);
    const key = `${prefix}two-processes`;
    const events: string[] = [];
    const section = async (store: RedisStateStore, id: string): Promise<void> => {
      const lock = await store.acquireLock(key, 5000, 5000);
      events.push(`enter ${id}`);
      await sleep(15);
      events.push(`exit ${id}`);
      await store.releaseLock(lock);
    };
    await Promise.all([0, 1, 2].flatMap((i) => [section(a, `a${i}`), section(b, `b${i}`)]));
    expect(events).toHaveLength(12);
    for (let i = 0; i < events.length; i += 2) {
      const id = events[i]?.split(' ')[1];
      expect([events[i], events[i + 1]]).toEqual([`enter ${id}`, `exit ${id}`]);
    }
    await Promise.all([a.close(), b.close()]);
  });

  it('sends exactly one command per call when uncontended', async () => {
    const client = new Redis(TEST_REDIS_URL);
    await client.ping(); // connection handshake done before counting
    const store = new RedisStateStore(client);
    const spy = jest.spyOn(client, 'sendCommand');
    const sent = async (call: () => Promise<unknown>): Promise<string[]> => {
      spy.mockClear();
      await call();
      return spy.mock.calls.map(([command]) => (command as Command).name);
    };
    const k = `${prefix}round-trips`;
    const lockKey = `${prefix}round-trips-lock`;
    expect(await sent(() => store.set(k, { a: 1 }, 5000))).toEqual(['set']);
    expect(await sent(() => store.get(k))).toEqual(['get']);
    expect(await sent(() => store.setIfAbsent(k, 1, 5000))).toEqual(['set']);
    expect(await sent(() => store.getDel(k))).toEqual(['getdel']);
    expect(await sent(() => store.delete(k))).toEqual(['del']);
    let lock = await store.acquireLock(lockKey, 5000, 0);
    await store.releaseLock(lock);
    expect(
      await sent(async () => {
        lock = await store.acquireLock(lockKey, 5000, 1000);
      }),
    ).toEqual(['set']);
    // defineCommand: EVAL on a connection's first use of a script, EVALSHA after; never both.
    expect(await sent(() => store.extendLock(lock, 5000))).toHaveLength(1);
    expect(await sent(() => store.extendLock(lock, 5000))).toEqual(['evalsha']);
    expect(await sent(() => store.releaseLock(lock))).toEqual(['evalsha']);
    lock = await store.acquireLock(lockKey, 5000, 0);
    expect(await sent(() => store.setAndReleaseLock(lock, k, { b: 2 }, 5000))).toHaveLength(1);
    lock = await store.acquireLock(lockKey, 5000, 0);
    expect(await sent(() => store.setAndReleaseLock(lock, k, { b: 3 }, 5000))).toEqual(['evalsha']);
    spy.mockRestore();
    await store.close();
    expect(client.status).toBe('ready'); // a client passed in is not closed by the store
    await client.quit();
  });

  it('quits a client it created itself on close', async () => {
    const store = await RedisStateStore.connect(TEST_REDIS_URL);
    await store.close();
    await expect(store.get(`${prefix}after-close`)).rejects.toThrow();
  });

  it('connects lazily when constructed from a URL, even for concurrent first calls', async () => {
    const store = new RedisStateStore(TEST_REDIS_URL);
    const k = `${prefix}lazy`;
    await Promise.all([store.set(k, 1, 5000), store.get(k), store.delete(`${prefix}other`)]);
    expect(await store.get(k)).toBe(1);
    await store.close();
  });

  it('names the URL without its password when Redis does not answer', async () => {
    const error = await RedisStateStore.connect('redis://bot:hunter2@127.0.0.1:1/0').catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toMatch(/^Redis at redis:\/\/bot:\*\*\*@127\.0\.0\.1:1\/0 did not answer: /);
    expect(message).toContain('ECONNREFUSED');
    expect(message).not.toContain('hunter2');
  });
});
