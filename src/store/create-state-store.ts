import { StartError } from '../lifecycle/start-error';
import type { Logger } from '../logging/logger';
import { InMemoryStateStore } from './memory-state-store';
import { redactRedisUrl } from './redact-redis-url';
import { RedisStateStore } from './redis-state-store';
import type { StateStore } from './state-store';

/** What {@link createStateStore} needs. */
export interface StateStoreConfig {
  /** e.g. `redis://:password@host:6379/0`; absent or blank means "in memory". */
  redisUrl?: string | undefined;
  logger: Logger;
}

/** The message logged (at `warn`) when the bot runs without Redis. */
export const IN_MEMORY_WARNING =
  'No Redis URL: state is kept in memory. Drafts, approvals, locks and event claims do not ' +
  'survive a restart and are not shared with other processes.';

/**
 * The state store for this process: a connected `RedisStateStore` when `redisUrl` is given,
 * else an `InMemoryStateStore` after a `logger.warn` that nothing survives a restart.
 * @throws StartError `Redis at <url without password> did not answer: <cause>. Start Redis there or
 *   correct REDIS_URL.` when Redis is unreachable (within its 5 s connect timeout),
 *   so a misconfigured deployment fails at startup rather than on the first message.
 */
export async function createStateStore(config: StateStoreConfig): Promise<StateStore> {
  const url = config.redisUrl?.trim();
  if (url === undefined || url === '') {
    config.logger.warn({ component: 'state-store' }, IN_MEMORY_WARNING);
    return new InMemoryStateStore();
  }
  let store: RedisStateStore;
  try {
    store = await RedisStateStore.connect(url, { logger: config.logger });
  } catch (error) {
    throw new StartError(`${(error as Error).message}. Start Redis there or correct REDIS_URL.`, {
      cause: error,
    });
  }
  config.logger.info(
    { component: 'state-store', redis: redactRedisUrl(url) },
    'State store: Redis',
  );
  return store;
}
