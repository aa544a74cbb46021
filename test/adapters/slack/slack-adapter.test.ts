import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { createSlackAdapter, SLACK_EVENTS_PATH } from '../../../adapters/slack/slack-adapter';
import type { SlackAdapterOptions } from '../../../adapters/slack/slack-options';
import type { ChatEngine } from '../../../src/engine/ports';
import { silentLogger } from '../../../src/logging/logger';
import { Keys } from '../../../src/store/keys';
import { InMemoryStateStore } from '../../../src/store/memory-state-store';
import { SlackStandIn } from '../../standins/slack-standin';

const ENGINE: ChatEngine = {
  claim: async () => true,
  release: async () => {},
  hasConversation: async () => false,
  readiness: async () => ({ ok: true }),
  handle: async () => [],
};

/** Slack's Web API, stood in for (Bolt asks it at start). */
const standin = new SlackStandIn();
let apiUrl = '';
beforeAll(async () => {
  apiUrl = await standin.listen();
});
afterAll(() => standin.close());

function options(overrides: Partial<SlackAdapterOptions> = {}): SlackAdapterOptions {
  return {
    engine: ENGINE,
    store: new InMemoryStateStore(),
    keys: new Keys('test:slack-adapter:'),
    logger: silentLogger(),
    // botId and botUserId given: Bolt does not call auth.test.
    auth: { kind: 'token', botToken: 'xoxb-test', botId: 'B1', botUserId: 'U0BOT' },
    signingSecret: 'secret',
    apiUrl,
    retryConfig: { retries: 0 },
    ...overrides,
  };
}

describe('SlackAdapter', () => {
  it('serves HTTP mode on a router, is ready with a token, and answers 503 once intake stopped', async () => {
    const adapter = await createSlackAdapter(options());
    expect(adapter.name).toBe('slack');
    expect(adapter.readiness()).toEqual({ ok: true });
    const router = adapter.router;
    if (!router) throw new Error('HTTP mode has a router');
    const server = createServer(express().use(router));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${SLACK_EVENTS_PATH}`;
    try {
      await adapter.stopIntake();
      const after = await fetch(url, { method: 'POST', body: '{}' });
      expect(after.status).toBe(503);
      expect(after.headers.get('retry-after')).toBe('5');
      expect(await after.json()).toEqual({ ok: false, error: 'shutting_down' });
    } finally {
      await adapter.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('says OAuth installs have no single token to check', async () => {
    const adapter = await createSlackAdapter(
      options({ auth: { kind: 'oauth', clientId: 'c', clientSecret: 's', stateSecret: 'st' } }),
    );
    expect(adapter.readiness()).toEqual({
      ok: true,
      error: 'OAuth installs: tokens are checked per workspace',
    });
  });

  it('refuses contradictory settings before building anything', async () => {
    await expect(createSlackAdapter(options({ signingSecret: undefined }))).rejects.toThrow(
      'Slack HTTP mode needs signingSecret',
    );
    await expect(
      createSlackAdapter(
        options({
          appToken: 'xapp-1',
          auth: { kind: 'oauth', clientId: 'c', clientSecret: 's', stateSecret: 'st' },
        }),
      ),
    ).rejects.toThrow('Socket Mode is supported with a bot token only');
  });
});
