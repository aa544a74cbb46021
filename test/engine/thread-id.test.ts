import { parseThreadId, threadIdOf } from '../../src/engine/thread-id';
import { hasCode } from '../../src/errors/bot-error';

describe('thread ids', () => {
  it('builds and parses a Slack id with team, channel and thread_ts', () => {
    const ref = {
      platform: 'slack',
      workspace: 'T1',
      channel: 'C2',
      thread: '1712345678.000100',
    } as const;
    const id = threadIdOf(ref);
    expect(id).toBe('slack:T1:C2:1712345678.000100');
    expect(parseThreadId(id)).toEqual(ref);
  });

  it('builds and parses a Discord id with guild, channel and thread', () => {
    const id = threadIdOf({ platform: 'discord', workspace: 'G1', channel: 'C1', thread: 'T9' });
    expect(id).toBe('discord:G1:C1:T9');
    expect(parseThreadId(id)).toEqual({
      platform: 'discord',
      workspace: 'G1',
      channel: 'C1',
      thread: 'T9',
    });
  });

  it('gives the terminal a two-part id whose channel is its workspace', () => {
    const id = threadIdOf({
      platform: 'console',
      workspace: 'local',
      channel: 'ignored',
      thread: '3',
    });
    expect(id).toBe('console:local:3');
    expect(parseThreadId(id)).toEqual({
      platform: 'console',
      workspace: 'local',
      channel: 'local',
      thread: '3',
    });
  });

  it('refuses empty parts and parts holding the separator', () => {
    expect(() =>
      threadIdOf({ platform: 'slack', workspace: '', channel: 'C', thread: '1' }),
    ).toThrow(/non-empty/);
    expect(() =>
      threadIdOf({ platform: 'slack', workspace: 'T', channel: 'C:x', thread: '1' }),
    ).toThrow(/"C:x"/);
  });

  it('refuses unknown platforms and malformed ids', () => {
    expect(() => parseThreadId('teams:T:C:1')).toThrow(/Unknown platform/);
    expect(() => parseThreadId('slack:T:C')).toThrow(/Malformed/);
    expect(() => parseThreadId('console:local:1:2')).toThrow(/Malformed/);
    const refused = (() => {
      try {
        return parseThreadId('slack:T:C');
      } catch (error) {
        return error;
      }
    })();
    expect(hasCode(refused, 'thread_id_invalid')).toBe(true);
  });
});
