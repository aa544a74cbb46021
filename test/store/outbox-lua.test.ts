import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { encodeOutboxEntry } from '../../src/store/outbox-encoding';
import {
  OUTBOX_DELIVERED_LUA,
  type OutboxCommands,
  SAVE_WITH_OUTBOX_LUA,
} from '../../src/store/outbox-lua';
import { deleteKeysWithPrefix, TEST_REDIS_URL } from './redis-test-support';

/** The two scripts run on the real Redis, as `RedisStateStore` defines them. */
const prefix = `test:outbox-lua:${randomBytes(6).toString('hex')}:`;
let redis: Redis & OutboxCommands;
let n = 0;

/** Lock, state and outbox keys of a fresh thread, sharing one hash tag. */
function thread() {
  const tag = `{${prefix}t${++n}}`;
  return { lock: `lock:${tag}`, state: `state:${tag}`, outbox: `outbox:${tag}` };
}

beforeAll(() => {
  const client = new Redis(TEST_REDIS_URL);
  client.defineCommand('stateStoreSaveWithOutbox', { numberOfKeys: 3, lua: SAVE_WITH_OUTBOX_LUA });
  client.defineCommand('stateStoreOutboxDelivered', { numberOfKeys: 1, lua: OUTBOX_DELIVERED_LUA });
  redis = client as Redis & OutboxCommands;
});

afterAll(async () => {
  // The keys start with `lock:{`, `state:{`, `outbox:{` and hold the prefix inside the tag.
  for (const kind of ['lock', 'state', 'outbox'])
    await deleteKeysWithPrefix(redis, `${kind}:{${prefix}`);
  await redis.quit();
});

describe('SAVE_WITH_OUTBOX_LUA', () => {
  it('with the lock held: sets the state with its TTL, appends the entries in order, expires the outbox, keeps the lock', async () => {
    const k = thread();
    await redis.set(k.lock, 'tok', 'PX', 60_000);
    const a = encodeOutboxEntry({ id: 'a', value: { text: 'one' } });
    const b = encodeOutboxEntry({ id: 'b', value: { text: 'two' } });
    const done = await redis.stateStoreSaveWithOutbox(
      k.lock,
      k.state,
      k.outbox,
      'tok',
      '{"step":2}',
      50_000,
      '0',
      30_000,
      a,
      b,
    );
    expect(done).toBe(1);
    expect(await redis.get(k.state)).toBe('{"step":2}');
    expect(await redis.pttl(k.state)).toBeGreaterThan(40_000);
    expect(await redis.lrange(k.outbox, 0, -1)).toEqual([a, b]);
    const outboxTtl = await redis.pttl(k.outbox);
    expect(outboxTtl).toBeGreaterThan(20_000);
    expect(outboxTtl).toBeLessThanOrEqual(30_000);
    expect(await redis.get(k.lock)).toBe('tok');
  });

  it('releases the lock when asked, and leaves the outbox alone when there are no entries', async () => {
    const k = thread();
    await redis.set(k.lock, 'tok', 'PX', 60_000);
    expect(
      await redis.stateStoreSaveWithOutbox(
        k.lock,
        k.state,
        k.outbox,
        'tok',
        '1',
        50_000,
        '1',
        30_000,
      ),
    ).toBe(1);
    expect(await redis.get(k.state)).toBe('1');
    expect(await redis.exists(k.lock, k.outbox)).toBe(0);
  });

  it('writes nothing and returns 0 when another holder has the lock', async () => {
    const k = thread();
    await redis.set(k.lock, 'other', 'PX', 60_000);
    await redis.set(k.state, 'newer');
    const done = await redis.stateStoreSaveWithOutbox(
      k.lock,
      k.state,
      k.outbox,
      'stale',
      'older',
      50_000,
      '1',
      30_000,
      encodeOutboxEntry({ id: 'x', value: 1 }),
    );
    expect(done).toBe(0);
    expect(await redis.get(k.state)).toBe('newer');
    expect(await redis.exists(k.outbox)).toBe(0);
    expect(await redis.get(k.lock)).toBe('other');
  });
});

describe('OUTBOX_DELIVERED_LUA', () => {
  it('removes the one entry with that id (not one whose id only starts the same), then reports 0', async () => {
    const k = thread();
    const entries = ['a1', 'a12', 'b'].map((id) => encodeOutboxEntry({ id, value: { id } }));
    await redis.rpush(k.outbox, ...entries);
    expect(await redis.stateStoreOutboxDelivered(k.outbox, 'a1')).toBe(1);
    expect(await redis.lrange(k.outbox, 0, -1)).toEqual([entries[1], entries[2]]);
    expect(await redis.stateStoreOutboxDelivered(k.outbox, 'a1')).toBe(0);
    expect(await redis.stateStoreOutboxDelivered(k.outbox, 'missing')).toBe(0);
    expect(await redis.lrange(k.outbox, 0, -1)).toEqual([entries[1], entries[2]]);
  });

  it('reports 0 for a missing outbox', async () => {
    expect(await redis.stateStoreOutboxDelivered(thread().outbox, 'a')).toBe(0);
  });
});
