import { errorReply, storeDownReply, TurnRunner } from '../../../adapters/shared/turn-runner';
import type { ChatEngine, ChatEvent, Reply } from '../../../src/engine/ports';
import { STORE_FAILED_TEXT } from '../../../src/engine/ports';
import { silentLogger } from '../../../src/logging/logger';

const EVENT: ChatEvent = {
  type: 'message',
  event_id: 'e1',
  thread_id: 'slack:T1:C1:1.0',
  platform: 'slack',
  workspace_id: 'T1',
  channel_id: 'C1',
  user: { id: 'U1' },
  text: 'hello',
};

/** An engine whose `handle` runs `turn`; the options it was given are kept. */
function engineRunning(turn: () => Promise<Reply[]>) {
  const options: unknown[] = [];
  const engine: ChatEngine = {
    claim: async () => true,
    release: async () => {},
    hasConversation: async () => true,
    readiness: async () => ({ ok: true }),
    handle: async (_event, _sink, handleOptions) => {
      options.push(handleOptions);
      return turn();
    },
  };
  return { engine, options };
}

const apologies = {
  log: () => {},
  apology: (error: unknown) => `sorry: ${error instanceof Error ? error.message : 'unknown'}`,
};

describe('TurnRunner', () => {
  it('hands the event to the engine with the options, and says nothing when the turn works', async () => {
    const { engine, options } = engineRunning(async () => []);
    const said: Reply[] = [];
    await new TurnRunner(engine, apologies, silentLogger()).run(
      EVENT,
      { sink: () => {}, say: async (reply) => void said.push(reply) },
      { claimed: true },
    );
    expect(options).toEqual([{ claimed: true }]);
    expect(said).toEqual([]);
  });

  it('logs a failed turn and says the apology for its error once, in the event thread', async () => {
    const { engine } = engineRunning(async () => {
      throw new Error('boom');
    });
    const logged: string[] = [];
    const said: Reply[] = [];
    const policy = {
      ...apologies,
      log: (error: unknown, event: ChatEvent) =>
        logged.push(`${(error as Error).message} ${event.event_id}`),
    };
    await new TurnRunner(engine, policy, silentLogger()).run(EVENT, {
      sink: () => {},
      say: async (reply) => void said.push(reply),
    });
    expect(logged).toEqual(['boom e1']);
    expect(said).toEqual([errorReply(EVENT.thread_id, 'sorry: boom')]);
  });

  it('never throws when even the apology cannot be said', async () => {
    const { engine } = engineRunning(async () => {
      throw new Error('boom');
    });
    const runner = new TurnRunner(engine, apologies, silentLogger());
    await expect(
      runner.run(EVENT, {
        sink: () => {},
        say: async () => {
          throw new Error('platform down');
        },
      }),
    ).resolves.toBeUndefined();
  });
});

describe('storeDownReply', () => {
  it("says the engine's failed-save text as an error line in the thread", () => {
    expect(storeDownReply('discord:G:C:T')).toEqual({
      thread_id: 'discord:G:C:T',
      blocks: [{ type: 'text', text: STORE_FAILED_TEXT, tone: 'error' }],
    });
  });
});
