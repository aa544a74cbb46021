import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * Field paths pino replaces with `[redacted]` wherever they appear (one level deep, and at the
 * top). Secrets must also never be interpolated into message strings; this is the safety net.
 */
export const REDACT_PATHS = [
  'access_token',
  'secret',
  'auth_code',
  'state',
  'token',
  'cookie',
  'api_key',
  'apiKey',
  'signing_secret',
  'authorization',
  'Access-Token',
  '*.access_token',
  '*.secret',
  '*.auth_code',
  '*.state',
  '*.token',
  '*.cookie',
  '*.api_key',
  '*.apiKey',
  '*.signing_secret',
  '*.authorization',
  '*["access-token"]',
  '*["Access-Token"]',
  '*["x-goog-api-key"]',
  'sealed',
  '*.sealed',
  'headers.cookie',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
  'client_secret',
  '*.client_secret',
];

/**
 * The root logger. JSON lines (pino) at `level`; written to `destination` (default stderr, so
 * the terminal chat's stdout stays the conversation). Components take `logger.child({component})`.
 */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: '[redacted]' },
      base: { app: 'tiktok-ad-bot' },
    },
    destination ?? pino.destination(2),
  );
}

/** A logger that writes nothing, for tests and benchmarks that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
