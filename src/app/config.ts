import { slackAuthFrom } from '../../adapters/slack/settings';
import { parseTokenKeys } from '../auth/token-cipher';
import { BotError } from '../errors/bot-error';
import { named, unworkableSettings } from '../settings/config-checks';
import { deploymentProblems, usesEmulator } from '../settings/server-checks';
import { readAvatar } from '../tiktok/identity';
import { type Config, EnvSchema } from './env-schema';

export type { Config } from './env-schema';

/** Thrown when settings are invalid; `message` names each bad variable and why. */
export class ConfigError extends BotError {
  override readonly name = 'ConfigError';
  declare readonly code: 'config_invalid';

  constructor(message: string, options?: { cause?: unknown }) {
    super('config_invalid', message, options);
  }
}

/**
 * Parses settings from `env` (default `process.env`).
 * @throws ConfigError listing every invalid variable, e.g. "MAX_DAILY_BUDGET: expected number".
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const name = i.path.join('.');
      return `${name in env ? named(name, env[name]) : name}: ${i.message}`;
    });
    throw new ConfigError(`Invalid settings:\n  ${lines.join('\n  ')}`);
  }
  const config = parsed.data;
  if (config.TOKEN_ENCRYPTION_KEYS) {
    try {
      parseTokenKeys(config.TOKEN_ENCRYPTION_KEYS);
    } catch (error) {
      throw new ConfigError(
        `Invalid settings:\n  TOKEN_ENCRYPTION_KEYS: ${(error as Error).message}`,
      );
    }
  }
  if (config.TIKTOK_IDENTITY_AVATAR) {
    try {
      readAvatar(config.TIKTOK_IDENTITY_AVATAR);
    } catch (error) {
      throw new ConfigError(
        `Invalid settings:\n  TIKTOK_IDENTITY_AVATAR: ${(error as Error).message}`,
      );
    }
  }
  if (config.TIKTOK_BASE_URL) checkTikTokAccounts(config);
  let slack: ReturnType<typeof slackAuthFrom>;
  try {
    slack = slackAuthFrom(config);
  } catch (error) {
    throw new ConfigError(`Invalid settings:\n  ${(error as Error).message}`);
  }
  const serverMode = slack !== null || Boolean(config.DISCORD_TOKEN);
  const problems = [
    ...unworkableSettings(config, env, serverMode),
    ...deploymentProblems(config, serverMode),
  ];
  if (problems.length > 0) throw new ConfigError(`Invalid settings:\n  ${problems.join('\n  ')}`);
  return config;
}

/** Settings per-user linking needs against real TikTok (production or TikTok's sandbox). */
const OAUTH_SETTINGS = [
  'TIKTOK_APP_ID',
  'TIKTOK_SECRET',
  'TIKTOK_REDIRECT_URI',
  'TOKEN_ENCRYPTION_KEYS',
] as const;

/**
 * Against real TikTok, either one account for everyone (`TIKTOK_ACCESS_TOKEN` and
 * `TIKTOK_ADVERTISER_ID`) or per-user linking, which refuses to start without the app id and
 * secret, the redirect URI and the token encryption key.
 */
function checkTikTokAccounts(config: Config): void {
  const staticAccount = config.TIKTOK_ACCESS_TOKEN && config.TIKTOK_ADVERTISER_ID;
  if (!config.TIKTOK_APP_ID && staticAccount) return;
  if (!config.TIKTOK_APP_ID) {
    throw new ConfigError(
      `Invalid settings:\n  TIKTOK_BASE_URL is set, so TikTok accounts are needed: set ${OAUTH_SETTINGS.join(', ')} (each user links their own account), or TIKTOK_ACCESS_TOKEN and TIKTOK_ADVERTISER_ID (one account for everyone). Or unset TIKTOK_BASE_URL and set TIKTOK_EMULATOR=on to use the in-process emulator (no real ad is created).`,
    );
  }
  const missing = OAUTH_SETTINGS.filter((name) => !config[name]);
  if (missing.length > 0) {
    throw new ConfigError(
      `Invalid settings:\n  ${missing.map((name) => `${name}: required for account linking (TIKTOK_APP_ID is set)`).join('\n  ')}`,
    );
  }
}

/** Whether the settings ask for a chat platform (else `npm start` runs the terminal chat). */
export function wantsServer(config: Config): boolean {
  return slackAuthFrom(config) !== null || Boolean(config.DISCORD_TOKEN);
}

/**
 * How TikTok credentials are found: `emulator` (local emulator, users link against it),
 * `oauth` (real TikTok, users link their own accounts) or `static` (one configured account).
 */
export function linkingMode(config: Config): 'emulator' | 'oauth' | 'static' {
  if (usesEmulator(config)) return 'emulator';
  return config.TIKTOK_APP_ID ? 'oauth' : 'static';
}
