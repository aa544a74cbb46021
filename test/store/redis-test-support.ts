import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';

/** The shared test Redis; suites keep to their own random key prefix and never flush it. */
export const TEST_REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Deletes every key that starts with `prefix` (SCAN + DEL; never FLUSHDB on a shared server). */
export async function deleteKeysWithPrefix(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== '0');
}

/**
 * The real Redis for one test file, under a random key prefix `test:<name>:<hex>:`: a state
 * store, its keys and an admin client. After the file's tests every key under the prefix is
 * deleted and both connections are closed.
 */
export function useRedisStore(name: string) {
  const prefix = `test:${name}:${randomBytes(6).toString('hex')}:`;
  const admin = new Redis(TEST_REDIS_URL);
  const store = new RedisStateStore(TEST_REDIS_URL);
  afterAll(async () => {
    await deleteKeysWithPrefix(admin, prefix);
    await admin.quit();
    await store.close();
  });
  return { prefix, keys: new Keys(prefix), admin, store };
}
