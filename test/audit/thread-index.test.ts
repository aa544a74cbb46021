import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { formatTrail } from '../../src/audit/format';
import { AuditTrail } from '../../src/audit/trail';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';
import { deleteKeysWithPrefix, TEST_REDIS_URL } from '../store/redis-test-support';

// The audit view of one thread in a busy workspace: its records are read from the thread's own
// index, so 100 000 records of other threads (older and newer) neither hide nor slow it.
describe('audit trail per-thread index on a real Redis', () => {
  const prefix = `test:audit-index:${randomBytes(6).toString('hex')}:`;
  const keys = new Keys(prefix);
  const workspaceThread = (n: number) => `slack:T1:C1:${1_700_000_000 + n}.000100`;
  const mine = 'slack:T1:C9:1700000000.999999';
  let admin: Redis;
  let store: RedisStateStore;

  beforeAll(async () => {
    admin = new Redis(TEST_REDIS_URL);
    store = await RedisStateStore.connect(TEST_REDIS_URL);
  });
  afterAll(async () => {
    await store.close();
    await deleteKeysWithPrefix(admin, prefix);
    await admin.quit();
  });

  /** `count` records of other threads, straight into the workspace stream (as old writers did). */
  async function noise(count: number): Promise<void> {
    const stream = keys.auditStream('slack:T1');
    for (let start = 0; start < count; start += 5000) {
      const pipe = admin.pipeline();
      for (let i = start; i < Math.min(count, start + 5000); i++)
        pipe.xadd(
          stream,
          '*',
          'v',
          JSON.stringify({ kind: 'approval', thread_id: workspaceThread(i % 997), actor: 'U2' }),
        );
      await pipe.exec();
    }
  }

  it('shows a thread all 40 of its records with 100 000 others in the workspace stream', async () => {
    const trail = new AuditTrail({ store, keys });
    // 20 of the thread's records are among the oldest, 20 among the newest.
    for (let i = 0; i < 20; i++)
      await trail.append({ kind: 'approval', thread_id: mine, actor: `U${i}`, n: i });
    await noise(100_000);
    for (let i = 20; i < 40; i++)
      await trail.append({ kind: 'approval', thread_id: mine, actor: `U${i}`, n: i });
    // The workspace stream holds about its cap (100 000): the thread's oldest records may
    // already be trimmed from it, but not from the thread's index.
    expect(await admin.xlen(keys.auditStream('slack:T1'))).toBeGreaterThanOrEqual(100_000);

    const records = await trail.forThread(mine);
    expect(records.map((r) => r.record.n)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    expect(records.every((r) => r.record.thread_id === mine)).toBe(true);
    // Every record is in the chat text, none summarised away.
    const text = formatTrail(records);
    for (let i = 0; i < 40; i++) expect(text).toContain(`${i + 1}. `);
    expect(text).not.toMatch(/not shown/);
    // A thread with no records says so, even in a full workspace.
    expect(await trail.forThread(workspaceThread(5000))).toEqual([]);
  }, 60_000);

  it('writes the workspace stream and the thread index in one step', async () => {
    const trail = new AuditTrail({ store, keys });
    const other = 'slack:T1:C9:1700000001.000001';
    await trail.append({
      kind: 'draft_ready',
      thread_id: other,
      actor: 'U1',
      hash: 'ab'.repeat(32),
    });
    const [inIndex] = await admin.xrange(keys.auditThread(other), '-', '+');
    const [newest] = await admin.xrevrange(keys.auditStream('slack:T1'), '+', '-', 'COUNT', 1);
    expect(inIndex?.[1]).toEqual(newest?.[1]);
  });
});
