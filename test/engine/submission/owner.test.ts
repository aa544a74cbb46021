import { ProcessOwner } from '../../../src/engine/submission/owner';
import { useRedisStore } from '../../store/redis-test-support';

const { keys, admin, store } = useRedisStore('owner');

describe('ProcessOwner (real Redis)', () => {
  it('names itself host:pid:random and is never gone to itself', async () => {
    const me = new ProcessOwner({ store, keys, host: 'h1', pid: 4242 });
    expect(me.id).toMatch(/^h1:4242:[0-9a-f]{8}$/);
    expect(await me.isGone(me.id)).toBe(false);
  });

  it('another host is alive while its heartbeat key lives, gone after a clean stop', async () => {
    const other = new ProcessOwner({ store, keys, host: 'elsewhere', pid: 7, ttlMs: 60_000 });
    const me = new ProcessOwner({ store, keys, host: 'here' });
    await other.start();
    expect(await admin.pttl(keys.owner(other.id))).toBeGreaterThan(50_000);
    expect(await me.isGone(other.id)).toBe(false);
    await other.stop();
    expect(await me.isGone(other.id)).toBe(true);
  });

  it('a crash (key kept) stays alive until the TTL ends', async () => {
    const other = new ProcessOwner({ store, keys, host: 'elsewhere', pid: 8, ttlMs: 60_000 });
    const me = new ProcessOwner({ store, keys, host: 'here' });
    await other.start();
    await other.stop({ keepKey: true });
    expect(await me.isGone(other.id)).toBe(false);
    await admin.del(keys.owner(other.id));
    expect(await me.isGone(other.id)).toBe(true);
  });

  it('on the same host, a dead pid is gone at once even with a live key', async () => {
    const dead = new ProcessOwner({
      store,
      keys,
      host: 'same',
      pid: 2 ** 22 + 12345,
      ttlMs: 60_000,
    });
    await dead.start();
    await dead.stop({ keepKey: true });
    const me = new ProcessOwner({ store, keys, host: 'same' });
    expect(await me.isGone(dead.id)).toBe(true);
    const alive = new ProcessOwner({ store, keys, host: 'same', pid: process.pid, ttlMs: 60_000 });
    await alive.start();
    expect(await me.isGone(alive.id)).toBe(false);
    await alive.stop();
  });
});
