import { scrubbed } from '../../src/audit/record';

const THREAD = 'discord:G1:C1:T1';

describe('scrubbed', () => {
  it('drops secret-looking fields whatever their case, and undefined values', () => {
    expect(
      scrubbed({
        kind: 'link',
        thread_id: THREAD,
        access_token: 'act.x',
        Refresh_Token: 'r',
        app_secret: 's',
        password: 'p',
        auth_code: 'c',
        authCode: 'c2',
        cookie: 'k',
        Authorization: 'Bearer x',
        state: 'st',
        signature: 'sig',
        state_ref: 'abcdef012345',
        missing: undefined,
        amount: 50,
        ok: true,
        none: null,
      }),
    ).toEqual({
      kind: 'link',
      thread_id: THREAD,
      state_ref: 'abcdef012345',
      amount: 50,
      ok: true,
      none: null,
    });
  });

  it('replaces control characters with spaces and cuts strings to 512 characters, in lists too', () => {
    const out = scrubbed({
      kind: 'approval\n{"kind":"forged"}',
      thread_id: THREAD,
      reason: `x${'y'.repeat(600)}`,
      ids: ['a\tb', 'c\u007fd'],
    });
    expect(out.kind).toBe('approval {"kind":"forged"}');
    expect(out.reason).toHaveLength(512);
    expect(out.ids).toEqual(['a b', 'c d']);
  });

  it('returns a copy and leaves the given record unchanged', () => {
    const record = { kind: 'approval', thread_id: THREAD, token: 't' };
    const out = scrubbed(record);
    expect(out).not.toBe(record);
    expect(record.token).toBe('t');
  });
});
