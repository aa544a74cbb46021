import type { ThreadId } from '../../src/engine/thread-id';
import { Keys } from '../../src/store/keys';

const THREAD = 'slack:T1:C2:1700000000.000100' as ThreadId;

describe('Keys', () => {
  it('puts every key under the default prefix tab:', () => {
    const keys = new Keys();
    expect(keys.prefix).toBe('tab:');
    expect(keys.readiness()).toBe('tab:readyz');
    expect(keys.event('Ev123')).toBe('tab:event:Ev123');
  });

  it('wraps the thread id in braces (one hash slot) for every per-thread key', () => {
    const keys = new Keys('bot7:');
    expect(keys.thread(THREAD)).toBe(`bot7:thread:{${THREAD}}`);
    expect(keys.threadLock(THREAD)).toBe(`bot7:lock:{${THREAD}}`);
    expect(keys.outbox(THREAD)).toBe(`bot7:outbox:{${THREAD}}`);
    expect(keys.auditThread(THREAD)).toBe(`bot7:audit:thread:{${THREAD}}`);
    const tag = (key: string) => key.slice(key.indexOf('{'), key.indexOf('}') + 1);
    expect(
      new Set(
        [keys.thread, keys.threadLock, keys.outbox, keys.auditThread].map((f) =>
          tag(f.call(keys, THREAD)),
        ),
      ),
    ).toEqual(new Set([`{${THREAD}}`]));
  });

  it('names the shared and per-id keys', () => {
    const keys = new Keys('p:');
    expect(keys.submissionsInFlight()).toBe('p:submissions:inflight');
    expect(keys.outboxes()).toBe('p:outboxes');
    expect(keys.owner('host-1:42')).toBe('p:owner:host-1:42');
    expect(keys.messageRef('1700000000.000200')).toBe('p:msg:1700000000.000200');
    expect(keys.auditStream('slack:T1')).toBe('p:audit:slack:T1');
    expect(keys.spendDay('slack:T1', '2026-12-07')).toBe('p:spend:slack:T1:2026-12-07');
    expect(keys.llmCalls('slack:T1:U9', 493_000)).toBe('p:llm:slack:T1:U9:493000');
    expect(keys.link('discord:G1:U2')).toBe('p:link:discord:G1:U2');
    expect(keys.oauthLink('ab12')).toBe('p:oauth:link:ab12');
    expect(keys.oauthState('cd34')).toBe('p:oauth:state:cd34');
  });

  it('gives distinct keys to distinct kinds of data for the same id', () => {
    const keys = new Keys();
    const all = [
      keys.thread(THREAD),
      keys.threadLock(THREAD),
      keys.outbox(THREAD),
      keys.auditThread(THREAD),
      keys.event(THREAD),
      keys.messageRef(THREAD),
      keys.auditStream(THREAD),
      keys.link(THREAD),
      keys.owner(THREAD),
    ];
    expect(new Set(all).size).toBe(all.length);
  });
});
