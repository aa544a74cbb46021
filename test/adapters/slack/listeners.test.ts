import { SlackKeys } from '../../../adapters/slack/keys';
import type { ListenerDeps } from '../../../adapters/slack/listener-deps';
import { SlackListeners } from '../../../adapters/slack/listeners';
import type { ChatEngine, ChatEvent } from '../../../src/engine/ports';
import { silentLogger } from '../../../src/logging/logger';
import { Keys } from '../../../src/store/keys';
import { InMemoryStateStore } from '../../../src/store/memory-state-store';

/** Listeners over an engine that holds a conversation in `held` threads only. */
function listenersWith(held: string[]) {
  const handled: ChatEvent[] = [];
  const asked: string[] = [];
  const engine = {
    hasConversation: async (thread_id: string) => {
      asked.push(thread_id);
      return held.includes(thread_id);
    },
    handle: async (event: ChatEvent) => {
      handled.push(event);
      return [];
    },
  } as unknown as ChatEngine;
  const deps = {
    engine,
    store: new InMemoryStateStore(),
    keys: new SlackKeys(new Keys('test:listeners:')),
    delivery: { sink: () => {}, deliver: async () => {} },
    logger: silentLogger(),
    command: '/tiktok-ad',
    organization: {},
    detach: () => {},
  } as unknown as ListenerDeps;
  return { listeners: new SlackListeners(deps), handled, asked };
}

const reply = { channel: 'C1', user: 'U1', text: 'hi', ts: '2.0', thread_ts: '1.0' };

describe('SlackListeners.onMessage', () => {
  it("ignores a reply in a thread that is not the bot's, after asking the engine", async () => {
    const { listeners, handled, asked } = listenersWith([]);
    await listeners.onMessage({ team_id: 'T1' }, reply, { botUserId: 'U0BOT' });
    expect(asked).toEqual(['slack:T1:C1:1.0']);
    expect(handled).toEqual([]);
  });

  it('hands over a reply in a thread the engine holds a conversation in, as a message', async () => {
    const { listeners, handled } = listenersWith(['slack:T1:C1:1.0']);
    await listeners.onMessage({ team_id: 'T1' }, reply, { botUserId: 'U0BOT' });
    expect(handled).toMatchObject([
      { type: 'message', thread_id: 'slack:T1:C1:1.0', text: 'hi', user: { id: 'U1' } },
    ]);
  });

  it('hands over a reply under a root the bot posted without asking the engine', async () => {
    const { listeners, handled, asked } = listenersWith([]);
    await listeners.onMessage(
      { team_id: 'T1' },
      { ...reply, parent_user_id: 'U0BOT' },
      { botUserId: 'U0BOT' },
    );
    expect(asked).toEqual([]);
    expect(handled).toHaveLength(1);
  });
});
