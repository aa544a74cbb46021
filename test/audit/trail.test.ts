import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { type AuditLine, AuditTrail, THREAD_RECORDS } from '../../src/audit/trail';
import { Keys } from '../../src/store/keys';
import { RedisStateStore } from '../../src/store/redis-state-store';
import { deleteKeysWithPrefix, TEST_REDIS_URL } from '../store/redis-test-support';

const prefix = `test:audit-trail:${randomBytes(6).toString('hex')}:`;
const keys = new Keys(prefix);
const A = 'slack:T1:C1:1700000000.000100';
const B = 'slack:T1:C2:1700000000.000200';
const OTHER_WORKSPACE = 'slack:T2:C1:1700000000.000300';
const NOW = new Date('2026-12-07T10:00:00.000Z');

let store: RedisStateStore;
let admin: Redis;
let lines: Array<Record<string, unknown>>;
let trail: AuditTrail;

beforeAll(async () => {
  store = await RedisStateStore.connect(TEST_REDIS_URL);
  admin = new Redis(TEST_REDIS_URL);
});
beforeEach(async () => {
  await deleteKeysWithPrefix(admin, prefix);
  lines = [];
  const log: AuditLine = { record: (event) => lines.push(event) };
  trail = new AuditTrail({ store, keys, log, now: () => NOW });
});
afterAll(async () => {
  await deleteKeysWithPrefix(admin, prefix);
  await admin.quit();
  await store.close();
});

/** The JSON records of a stream, oldest first. */
async function streamRecords(key: string): Promise<unknown[]> {
  const entries = await admin.xrange(key, '-', '+');
  return entries.map(([, fields]) => JSON.parse(fields[1] ?? 'null'));
}

describe('AuditTrail on a real Redis', () => {
  it("appends to the workspace stream and the thread's own stream, stamped with the clock, and to the log", async () => {
    await trail.append({ kind: 'approval', thread_id: A, actor: 'U2', hash: 'abc' });
    const expected = {
      kind: 'approval',
      thread_id: A,
      actor: 'U2',
      hash: 'abc',
      at: '2026-12-07T10:00:00.000Z',
    };
    expect(await streamRecords(keys.auditStream('slack:T1'))).toEqual([expected]);
    expect(await streamRecords(keys.auditThread(A))).toEqual([expected]);
    expect(lines).toEqual([expected]);
  });

  it('keeps a time the caller set, and scrubs secrets before anything is written', async () => {
    await trail.append({
      kind: 'submission_failed',
      thread_id: A,
      at: '2026-01-01T00:00:00.000Z',
      access_token: 'act.secret',
      code: 40002,
    });
    const [record] = await streamRecords(keys.auditStream('slack:T1'));
    expect(record).toEqual({
      kind: 'submission_failed',
      thread_id: A,
      at: '2026-01-01T00:00:00.000Z',
      code: 40002,
    });
    expect(JSON.stringify(lines)).not.toContain('act.secret');
  });

  it("reads one thread's records oldest first, not its neighbours' or another workspace's", async () => {
    await trail.append({ kind: 'draft_ready', thread_id: A, n: 1 });
    await trail.append({ kind: 'draft_ready', thread_id: B, n: 2 });
    await trail.append({ kind: 'approval', thread_id: A, n: 3 });
    await trail.append({ kind: 'approval', thread_id: OTHER_WORKSPACE, n: 4 });
    const records = await trail.forThread(A);
    expect(records.map((r) => [r.record.kind, r.record.n])).toEqual([
      ['draft_ready', 1],
      ['approval', 3],
    ]);
    expect(records[0]?.id).toMatch(/^\d+-\d+$/);
    expect((await streamRecords(keys.auditStream('slack:T1'))).length).toBe(3);
    expect((await streamRecords(keys.auditStream('slack:T2'))).length).toBe(1);
  });

  it('reads [] for a thread without records', async () => {
    expect(await trail.forThread(B)).toEqual([]);
  });

  it('trims the workspace stream near maxLen', async () => {
    const small = new AuditTrail({ store, keys, maxLen: 1 });
    for (let i = 0; i < 300; i++) await small.append({ kind: 'k', thread_id: A, i });
    expect(await admin.xlen(keys.auditStream('slack:T1'))).toBeLessThan(300);
    expect(await admin.xlen(keys.auditThread(A))).toBe(300);
    expect(THREAD_RECORDS).toBe(10_000);
  });
});
