import type { ChatEvent } from '../../../src/engine/chat-event';
import { modelCallRefusal } from '../../../src/engine/guards/model-guard';
import { useRedisStore } from '../../store/redis-test-support';
import { testSettings } from '../../support/harness';

const { keys, store } = useRedisStore('model-guard');
const NOW = new Date('2026-12-07T15:20:00Z');

function event(user: string): ChatEvent {
  return {
    kind: 'message',
    event_id: `e-${user}`,
    thread_id: 'slack:T1:C1:1.1',
    platform: 'slack',
    workspace_id: 'T1',
    channel_id: 'C1',
    user: { id: user },
    text: 'hi',
    files: [],
  } as unknown as ChatEvent;
}

describe('modelCallRefusal (real Redis)', () => {
  it('refuses a message over MAX_MESSAGE_CHARS with both lengths, counting no call', async () => {
    const settings = testSettings({
      guards: { max_message_chars: 10, llm_calls_per_user_per_hour: 1 },
    });
    const block = await modelCallRefusal(store, keys, event('U1'), 'x'.repeat(11), settings, NOW);
    expect(block).toEqual({
      type: 'text',
      tone: 'warning',
      text: 'That message is 11 characters long; I read at most 10 (MAX_MESSAGE_CHARS). Please send it shorter, e.g. only the fields to change. Nothing was changed.',
    });
    expect(await modelCallRefusal(store, keys, event('U1'), 'short', settings, NOW)).toBeNull();
  });

  it('defaults to 2000 characters', async () => {
    expect(
      await modelCallRefusal(store, keys, event('U0'), 'x'.repeat(2000), testSettings(), NOW),
    ).toBeNull();
    expect(
      await modelCallRefusal(store, keys, event('U0'), 'x'.repeat(2001), testSettings(), NOW),
    ).not.toBeNull();
  });

  it('counts calls per user per clock hour and says when they can go on', async () => {
    const settings = testSettings({ guards: { llm_calls_per_user_per_hour: 2 } });
    expect(await modelCallRefusal(store, keys, event('U2'), 'a', settings, NOW)).toBeNull();
    expect(await modelCallRefusal(store, keys, event('U2'), 'b', settings, NOW)).toBeNull();
    const third = await modelCallRefusal(store, keys, event('U2'), 'c', settings, NOW);
    expect(third?.type === 'text' && third.text).toBe(
      'I have answered 2 messages for you this hour, the limit set for this bot. You can go on at 16:00 UTC. Nothing was changed.',
    );
    expect(await modelCallRefusal(store, keys, event('U3'), 'a', settings, NOW)).toBeNull();
    const nextHour = new Date('2026-12-07T16:00:01Z');
    expect(await modelCallRefusal(store, keys, event('U2'), 'd', settings, nextHour)).toBeNull();
  });

  it('shares the workspace limit across users', async () => {
    const settings = testSettings({ guards: { llm_calls_per_workspace_per_hour: 1 } });
    const at = new Date('2026-12-07T18:05:00Z');
    expect(await modelCallRefusal(store, keys, event('W1'), 'a', settings, at)).toBeNull();
    const other = await modelCallRefusal(store, keys, event('W2'), 'a', settings, at);
    expect(other?.type === 'text' && other.text).toContain('for this workspace this hour');
  });
});
