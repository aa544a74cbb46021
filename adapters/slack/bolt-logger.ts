import { LogLevel, type Logger as SlackLogger } from '@slack/bolt';
import { scrubClientText } from '../../src/logging/client-text';
import type { Logger } from '../../src/logging/logger';

/**
 * Bolt's logger interface (`@slack/logger`) over our pino logger, so Bolt's and the Web API
 * client's lines (rate limits, signature failures, listener errors) land in the same JSON log.
 * Their messages are positional strings; they are joined into pino's `msg`, then scrubbed
 * ({@link scrubClientText}): at debug, Bolt and the Web API client quote whole request and
 * response bodies (a DM's body holds the private OAuth link), so no level may carry them.
 */
export function boltLogger(logger: Logger): SlackLogger {
  let level: LogLevel = LogLevel.INFO;
  const line = (parts: unknown[]) =>
    scrubClientText(
      parts
        .map((p) =>
          typeof p === 'string' ? p : p instanceof Error ? p.message : JSON.stringify(p),
        )
        .join(' '),
    );
  return {
    debug: (...msg: unknown[]) => logger.debug(line(msg)),
    info: (...msg: unknown[]) => logger.info(line(msg)),
    warn: (...msg: unknown[]) => logger.warn(line(msg)),
    error: (...msg: unknown[]) => logger.error(line(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: () => {},
  };
}
