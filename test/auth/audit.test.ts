import { Writable } from 'node:stream';
import { PinoAuditLog } from '../../src/auth/audit';
import { createLogger } from '../../src/logging/logger';

/** A logger at `level` writing JSON lines into `lines`. */
function capture(level: string) {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { lines, logger: createLogger(level, sink) };
}

describe('PinoAuditLog', () => {
  afterEach(() => jest.useRealTimers());

  it('writes one info line per record with the event and its time', () => {
    jest.useFakeTimers({ now: Date.parse('2026-12-07T10:00:00.000Z') });
    const { lines, logger } = capture('info');
    const audit = new PinoAuditLog(logger);
    audit.record({ kind: 'link_invalidated', user: 'slack:T1:U1', code: 40105 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      msg: 'audit link_invalidated',
      audit: {
        kind: 'link_invalidated',
        user: 'slack:T1:U1',
        code: 40105,
        at: '2026-12-07T10:00:00.000Z',
      },
    });
  });

  it('keeps every field of a completed link', () => {
    const { lines, logger } = capture('info');
    new PinoAuditLog(logger).record({
      kind: 'link_completed',
      user: 'discord:G1:U2',
      thread_id: 'discord:G1:C3:T4',
      state_ref: 'abcdef012345',
      advertiser_ids: ['7001', '7002'],
      scope: [2, 6],
      key_version: 3,
    });
    expect(lines[0]?.audit).toEqual({
      kind: 'link_completed',
      user: 'discord:G1:U2',
      thread_id: 'discord:G1:C3:T4',
      state_ref: 'abcdef012345',
      advertiser_ids: ['7001', '7002'],
      scope: [2, 6],
      key_version: 3,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
  });
});
