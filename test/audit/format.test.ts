import { formatTrail, SHOWN_RECORDS } from '../../src/audit/format';
import type { StoredAuditRecord } from '../../src/audit/record';
import { THREAD_RECORDS } from '../../src/audit/trail';

const THREAD = 'slack:T1:C1:1700000000.000100';

function stored(records: Array<Record<string, unknown>>): StoredAuditRecord[] {
  return records.map((record, i) => ({
    id: `1-${i}`,
    record: { thread_id: THREAD, at: '2026-12-01T23:40:12.345Z', ...record } as never,
  }));
}

describe('formatTrail', () => {
  it('says so when there are no records', () => {
    expect(formatTrail([])).toBe('No audit records for this thread yet.');
  });

  it('numbers records oldest first: time to the second, kind, who, short hash, reason, then other fields', () => {
    const text = formatTrail(
      stored([
        { kind: 'draft_ready', hash: '3f9a0c1d5e6f7a8b9c0d', actor: 'U1' },
        {
          kind: 'approval_refused',
          actor: 'U2',
          reason: 'self_approval',
          workspace_id: 'T1',
          submission_key: 'hidden',
        },
        {
          kind: 'tiktok_create',
          actor: 'system',
          level: 'campaign',
          object_id: '1800',
          adopted: false,
          draft_id: 'abcdef0123456789',
          content_hash: '0123456789abcdef',
          image_ids: ['img1', 'img2'],
          note: null,
        },
      ]),
    );
    expect(text.split('\n')).toEqual([
      '1. 2026-12-01 23:40:12Z draft_ready · by U1 · hash 3f9a0c1d',
      '2. 2026-12-01 23:40:12Z approval_refused · by U2 · reason self_approval',
      '3. 2026-12-01 23:40:12Z tiktok_create · by system · level campaign · object_id 1800 · adopted false · draft_id abcdef01 · content_hash 01234567 · image_ids img1,img2',
    ]);
  });

  it('shows only the newest `max`, numbered as in the whole trail, after a line counting the older ones', () => {
    const records = stored(Array.from({ length: 5 }, (_, i) => ({ kind: `k${i + 1}` })));
    expect(formatTrail(records, 2)).toBe(
      [
        '(3 older records not shown)',
        '4. 2026-12-01 23:40:12Z k4',
        '5. 2026-12-01 23:40:12Z k5',
      ].join('\n'),
    );
  });

  it('shows at most what a thread keeps by default', () => {
    expect(SHOWN_RECORDS).toBe(THREAD_RECORDS);
  });

  it('leaves the time empty when a record has none', () => {
    const [only] = stored([{ kind: 'approval' }]);
    if (!only) throw new Error('no record');
    const { at: _at, ...rest } = only.record;
    expect(formatTrail([{ id: '1-0', record: rest as never }])).toBe('1.  approval');
  });
});
