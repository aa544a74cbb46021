import { fromSubmission } from '../../src/audit/submission';

describe('fromSubmission', () => {
  it('names the kind after the event, sets the actor to system and keeps every other field', () => {
    expect(
      fromSubmission({
        event: 'tiktok_create',
        at: '2026-12-07T10:00:00.000Z',
        thread_id: 'slack:T1:C1:1.2',
        workspace_id: 'T1',
        draft_id: 'd1',
        submission_key: 'sk',
        advertiser_id: '7001',
        level: 'adgroup',
        object_id: '1801',
        request_id: 'r-1',
        adopted: true,
      }),
    ).toEqual({
      kind: 'tiktok_create',
      actor: 'system',
      at: '2026-12-07T10:00:00.000Z',
      thread_id: 'slack:T1:C1:1.2',
      workspace_id: 'T1',
      draft_id: 'd1',
      submission_key: 'sk',
      advertiser_id: '7001',
      level: 'adgroup',
      object_id: '1801',
      request_id: 'r-1',
      adopted: true,
    });
  });

  it('keeps no `event` field', () => {
    const out = fromSubmission({
      event: 'submission_started',
      content_hash: 'h',
      at: 'a',
      thread_id: 't',
      workspace_id: 'w',
      draft_id: 'd',
      submission_key: 's',
      advertiser_id: 'x',
    });
    expect('event' in out).toBe(false);
    expect(out.kind).toBe('submission_started');
  });
});
