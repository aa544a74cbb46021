import { redactRedisUrl } from '../store/redact-redis-url';

/**
 * Settings that parse but cannot work, refused at start with the variable named and its value
 * shown (secrets masked by {@link shownValue}). Each problem is one line `NAME=value: why`.
 */

/** Names whose values are secrets: shown as `[masked, N chars]`, never in part. */
const SECRET_NAME = /TOKEN|SECRET|KEY|PASSWORD|CREDENTIAL/i;

/** Settings that are base URLs of other services: only `http:` and `https:` make sense. */
export const BASE_URL_SETTINGS = [
  'TIKTOK_BASE_URL',
  'TIKTOK_PORTAL_URL',
  'GEMINI_BASE_URL',
  'SLACK_API_URL',
  'DISCORD_API_URL',
] as const;

/**
 * How a setting's value may appear in an error message: as given for ordinary settings,
 * `[masked, N chars]` for secrets, and Redis URLs with their password replaced.
 */
export function shownValue(name: string, value: unknown): string {
  if (value === undefined) return '(unset)';
  const text = String(value);
  if (SECRET_NAME.test(name)) return `[masked, ${text.length} chars]`;
  if (name === 'REDIS_URL') return redactRedisUrl(text);
  return JSON.stringify(text);
}

/** `NAME=value` for a message, value as {@link shownValue} shows it. */
export function named(name: string, value: unknown): string {
  return `${name}=${shownValue(name, value)}`;
}

/** The parsed values {@link unworkableSettings} looks at. */
export interface CheckedSettings {
  MIN_DAILY_BUDGET: number;
  MAX_DAILY_BUDGET: number;
  DEFAULT_DAILY_BUDGET: number | null;
  REDIS_URL?: string | undefined;
  ALLOW_MEMORY_STATE?: boolean | undefined;
}

/**
 * Problems with settings that each parse on their own but cannot work:
 * - budgets out of order (`MIN_DAILY_BUDGET` ≤ `DEFAULT_DAILY_BUDGET` ≤ `MAX_DAILY_BUDGET`,
 *   and min below max), since every budget would then be refused;
 * - server mode (Slack or Discord configured) without `REDIS_URL`, unless
 *   `ALLOW_MEMORY_STATE=true`: drafts, claims and links would not survive a restart;
 * - a `REDIS_URL` that is not a `redis://` or `rediss://` URL with a host (`localhost:6379`
 *   would otherwise fail later as "Invalid URL", `redis//…` as a Unix socket path);
 * - a base URL ({@link BASE_URL_SETTINGS}) that is not an `http(s)://` URL.
 * @param env the raw environment, for the values as the operator wrote them.
 * @returns one line per problem, empty when all is well.
 */
export function unworkableSettings(
  config: CheckedSettings,
  env: NodeJS.ProcessEnv,
  serverMode: boolean,
): string[] {
  const problems: string[] = [];
  const min = config.MIN_DAILY_BUDGET;
  const max = config.MAX_DAILY_BUDGET;
  if (min >= max) {
    problems.push(
      `${named('MIN_DAILY_BUDGET', min)}: must be below ${named('MAX_DAILY_BUDGET', max)}, or every budget is refused`,
    );
  }
  const byDefault = config.DEFAULT_DAILY_BUDGET;
  if (byDefault !== null && byDefault > max) {
    problems.push(
      `${named('DEFAULT_DAILY_BUDGET', byDefault)}: must not exceed ${named('MAX_DAILY_BUDGET', max)}`,
    );
  } else if (byDefault !== null && byDefault < min) {
    problems.push(
      `${named('DEFAULT_DAILY_BUDGET', byDefault)}: must not be below ${named('MIN_DAILY_BUDGET', min)}`,
    );
  }
  if (serverMode && !config.REDIS_URL && config.ALLOW_MEMORY_STATE !== true) {
    problems.push(
      `${named('REDIS_URL', undefined)}: Slack or Discord is configured, so drafts, approvals and event claims must survive a restart; set REDIS_URL (or ALLOW_MEMORY_STATE=true to run without, losing them on every restart)`,
    );
  }
  const redis = env.REDIS_URL?.trim();
  if (redis && !isRedisUrl(redis)) {
    problems.push(
      `${named('REDIS_URL', redis)}: must be a redis:// or rediss:// URL with a host and a numeric port, e.g. redis://localhost:6379 (with a password: redis://:password@host:6379)`,
    );
  }
  for (const name of BASE_URL_SETTINGS) {
    const raw = env[name]?.trim();
    if (!raw) continue;
    if (!isHttpUrl(raw)) problems.push(`${named(name, raw)}: must be an http:// or https:// URL`);
  }
  return problems;
}

/** `redis:` or `rediss:` with a host (ioredis's URL forms; https://github.com/redis/ioredis#connect-to-redis). */
function isRedisUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'redis:' || url.protocol === 'rediss:') && url.hostname !== '';
  } catch {
    return false;
  }
}

function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '';
  } catch {
    return false;
  }
}
