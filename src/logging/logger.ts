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

/** What replaces a redacted value in a log line. */
export const CENSOR = '[redacted]';

/**
 * pino's error serializer, minus the arguments of the Redis command an error carries: ioredis
 * puts the failed command on its errors (`command: {name, args}`), and for the connection's
 * `HELLO 3 AUTH <user> <password>` (or `AUTH`) those arguments hold the Redis password; for
 * other commands, stored values. The command's name is kept. Nested errors (`cause`, the
 * `errors` of an AggregateError) are cleaned the same way, up to 4 levels deep.
 */
export function serializeError(error: unknown): unknown {
  const serialized = error instanceof Error ? pino.stdSerializers.err(error) : error;
  return withoutCommandArgs(serialized, 4);
}

function withoutCommandArgs(value: unknown, depth: number): unknown {
  if (depth < 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => withoutCommandArgs(v, depth - 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (key === 'command' && v !== null && typeof v === 'object' && 'args' in v)
      out[key] = { ...v, args: CENSOR };
    else out[key] = withoutCommandArgs(v, depth - 1);
  }
  return out;
}

/**
 * The root logger. JSON lines (pino) at `level`; written to `destination` (default stderr, so
 * the terminal chat's stdout stays the conversation). Components take `logger.child({component})`.
 * Secrets are kept out by {@link REDACT_PATHS} and by {@link serializeError} on `err`/`error`.
 */
export function createLogger(level = 'info', destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACT_PATHS, censor: CENSOR },
      serializers: { err: serializeError, error: serializeError },
      base: { app: 'tiktok-ad-bot' },
    },
    destination ?? pino.destination(2),
  );
}

/** A logger that writes nothing, for tests and benchmarks that do not look at logs. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
