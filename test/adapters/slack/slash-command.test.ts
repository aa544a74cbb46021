import type { TurnRunner } from '../../../adapters/shared/turn-runner';
import type { SlashCommandFields } from '../../../adapters/slack/events';
import type { ListenerDeps, ListenerState } from '../../../adapters/slack/listener-deps';
import { SlashCommand, slashCommandFields } from '../../../adapters/slack/slash-command';
import { TtlSet } from '../../../adapters/slack/ttl-set';
import { type ChatEngine, STORAGE_DOWN_START_TEXT } from '../../../src/engine/ports';
import { silentLogger } from '../../../src/logging/logger';
import { StoreUnavailableError } from '../../../src/store/state-store';

const FIELDS: SlashCommandFields = {
  team_id: 'T1',
  channel_id: 'C1',
  user_id: 'U1',
  text: 'summer sale',
  trigger_id: 'trig-1',
};

/** A command whose engine claims with `claim`; what it asked to run and said are recorded. */
function commandWith(claim: ChatEngine['claim']) {
  const ran: unknown[] = [];
  const engine = { claim } as unknown as ChatEngine;
  const deps = { engine, logger: silentLogger(), command: '/tiktok-ad' } as unknown as ListenerDeps;
  const state: ListenerState = {
    turns: { run: async (event: unknown) => void ran.push(event) } as unknown as TurnRunner,
    knownThreads: new TtlSet(60_000),
  };
  const said: string[] = [];
  const respond = async (message: { text: string }) => void said.push(message.text);
  return { command: new SlashCommand(deps, state), ran, said, respond };
}

describe('slashCommandFields', () => {
  it('keeps only the fields the bot uses', () => {
    const request = {
      ...FIELDS,
      user_name: 'ana',
      token: 'verification',
      response_url: 'https://x',
    };
    expect(slashCommandFields(request)).toEqual({ ...FIELDS, user_name: 'ana' });
  });
});

describe('SlashCommand.startThread', () => {
  it('asks the engine for the claim of the start event, and does nothing more for a repeat', async () => {
    const claimed: string[] = [];
    const { command, ran, said, respond } = commandWith(async (event) => {
      claimed.push(event.event_id);
      return false;
    });
    await command.startThread(FIELDS, respond, {}, {} as never, false);
    expect(claimed).toEqual(['slack:command:trig-1']);
    expect(ran).toEqual([]);
    expect(said).toEqual([]);
  });

  it('tells only the one who asked when the store is down, and starts nothing', async () => {
    const { command, ran, said, respond } = commandWith(async () => {
      throw new StoreUnavailableError('setIfAbsent', { cause: new Error('ECONNREFUSED') });
    });
    await command.startThread(FIELDS, respond, {}, {} as never, false);
    expect(said).toEqual([STORAGE_DOWN_START_TEXT]);
    expect(ran).toEqual([]);
  });
});
