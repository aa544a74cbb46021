import { StartError } from '../../src/lifecycle/start-error';
import { createLogger, type Logger } from '../../src/logging/logger';
import { createStateStore, IN_MEMORY_WARNING } from '../../src/store/create-state-store';
import { InMemoryStateStore } from '../../src/store/memory-state-store';
import { RedisStateStore } from '../../src/store/redis-state-store';
import { TEST_REDIS_URL } from './redis-test-support';

/** A pino logger whose JSON lines land in `lines`. */
function capturingLogger(): { logger: Logger; lines: Array<Record<string, unknown>> } {
  const lines: Array<Record<string, unknown>> = [];
  const logger = createLogger('info', { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('createStateStore', () => {
  it.each([undefined, '', '  '])(
    'uses memory and warns that nothing survives a restart (redisUrl %p)',
    async (redisUrl) => {
      const { logger, lines } = capturingLogger();
      const store = await createStateStore({ redisUrl, logger });
      expect(store).toBeInstanceOf(InMemoryStateStore);
      expect(lines).toEqual([
        expect.objectContaining({ level: 40, msg: IN_MEMORY_WARNING, component: 'state-store' }),
      ]);
      expect(IN_MEMORY_WARNING).toMatch(/do not survive a restart/);
      await store.close();
    },
  );

  it('uses Redis when a URL is given, and logs it without a warning', async () => {
    const { logger, lines } = capturingLogger();
    const store = await createStateStore({ redisUrl: TEST_REDIS_URL, logger });
    expect(store).toBeInstanceOf(RedisStateStore);
    expect(lines.filter((line) => line.level === 40)).toEqual([]);
    expect(lines).toEqual([expect.objectContaining({ level: 30, msg: 'State store: Redis' })]);
    await store.close();
  });

  it('fails at startup, without the password, when Redis does not answer', async () => {
    const { logger } = capturingLogger();
    await expect(
      createStateStore({ redisUrl: 'redis://:hunter2@127.0.0.1:1', logger }),
    ).rejects.toThrow(/^Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 did not answer/);
    const error = await createStateStore({ redisUrl: 'redis://127.0.0.1:1', logger }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StartError);
    expect(error).toMatchObject({
      code: 'start_failed',
      message: expect.stringMatching(/REDIS_URL/),
    });
    expect((error as StartError).cause).toBeInstanceOf(StartError);
  });
});
