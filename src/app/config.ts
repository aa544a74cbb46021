import { z } from 'zod';
import { DiscordEnvSchema } from '../../adapters/discord/settings';
import { SlackSettingsSchema, slackAuthFrom } from '../../adapters/slack/settings';
import { DEFAULT_ADMISSION } from '../admission/admission';
import { DEFAULT_MAX_MODEL_CALLS_IN_FLIGHT } from '../admission/bounded-model';
import { parseTokenKeys } from '../auth/token-cipher';
import { BotError } from '../errors/bot-error';
import { DEFAULT_START_TIMEOUT_MS } from '../http/reach';
import { DEFAULT_IDLE_GC_SECONDS } from '../lifecycle/idle-collect';
import { named, unworkableSettings } from '../settings/config-checks';
import { optionalString } from '../settings/env-fields';
import { deploymentProblems, usesEmulator } from '../settings/server-checks';
import { readAvatar } from '../tiktok/identity';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting, read once from the environment at start-up (the only reader of `process.env`).
 * Defaults make `npm start` work with no accounts: terminal chat, in-process TikTok emulator,
 * offline model, in-process store. README.md lists each with its meaning.
 */
const CoreEnvSchema = z.object({
  /** Unset: `info` for the Slack/Discord server and for the terminal chat's `LOG_FILE`. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  /**
   * Terminal chat only: the file its JSON log lines are appended to, so the terminal shows only
   * the chat (start-up warnings become `[setup]` lines). Default `tiktok-ad-bot.log` in the
   * working directory. The Slack/Discord server logs JSON to the process output instead.
   */
  LOG_FILE: z.string().min(1).default('tiktok-ad-bot.log'),
  REDIS_URL: optionalString,
  STATE_PREFIX: z.string().default('tab:'),
  DRAFT_IDLE_DAYS: z.coerce.number().positive().default(7),

  GEMINI_API_KEY: optionalString,
  GEMINI_MODEL: z.string().default('gemini-3.1-flash-lite'),
  GEMINI_BASE_URL: optionalString,

  TIKTOK_BASE_URL: optionalString,
  /**
   * `on`: TikTok calls go to the in-process emulator (no real ad is ever created). Unset: on
   * for the terminal chat when `TIKTOK_BASE_URL` is unset, off for Slack and Discord, which
   * then refuse to start without real TikTok settings (a real workspace must not get a stand-in
   * silently). Contradicts `TIKTOK_BASE_URL`.
   */
  TIKTOK_EMULATOR: z.enum(['on', 'off']).optional(),
  TIKTOK_ACCESS_TOKEN: optionalString,
  TIKTOK_ADVERTISER_ID: optionalString,
  TIKTOK_IDENTITY_ID: optionalString,
  TIKTOK_IDENTITY_NAME: z.string().default('Our brand'),
  TIKTOK_IDENTITY_AVATAR: optionalString,
  TIKTOK_PIXEL_ID: optionalString,
  TIKTOK_OPTIMIZATION_EVENT: z.string().default('SHOPPING'),
  TIKTOK_LOCATION_IDS: z.string().default('6252001'),
  TIKTOK_CURRENCY: z.string().default('USD'),
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(0),

  TIKTOK_APP_ID: optionalString,
  TIKTOK_SECRET: optionalString,
  TIKTOK_REDIRECT_URI: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  TIKTOK_PORTAL_URL: z.url().default('https://business-api.tiktok.com/portal/auth'),
  TOKEN_ENCRYPTION_KEYS: optionalString,
  HTTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  HTTP_HOST: z.string().default('127.0.0.1'),
  /**
   * The bot's address as users' browsers reach it, e.g. `https://ads-bot.example.com` (no
   * default). Account-link pages are sent as `PUBLIC_URL/oauth/tiktok/start…`. Required for
   * Slack and Discord; `https://` unless the host is a loopback address. Terminal default: the
   * local HTTP server's address.
   */
  PUBLIC_URL: optionalString,
  AUDIT_LOG: optionalString,

  DEFAULT_DAILY_BUDGET: z
    .string()
    .default('50')
    .transform((v, ctx) => {
      if (v.trim() === '' || v.trim() === 'none') return null;
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be a positive number, or "none" to always ask',
        });
        return z.NEVER;
      }
      return n;
    }),
  MAX_DAILY_BUDGET: z.coerce.number().positive().default(1000),
  MIN_DAILY_BUDGET: z.coerce.number().positive().default(20),

  /** Server mode without REDIS_URL is refused unless this is true (state is then lost on restart). */
  ALLOW_MEMORY_STATE: bool.optional(),
  /**
   * How long each dependency (Slack's `auth.test`, Discord's gateway, the model's API) may take
   * to answer at start before the bot stops with its name and URL, ms. Default 15 000.
   */
  START_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(DEFAULT_START_TIMEOUT_MS),
  /** On SIGTERM/SIGINT, how long work in flight may take to finish before Redis is closed, ms. */
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(600_000).default(25_000),
  /** `off` removes `GET /metrics`. */
  METRICS: z.enum(['on', 'off']).default('on'),
  /**
   * Serve `GET /metrics` on its own port (on `HTTP_HOST`), apart from the public one. Unset
   * (default): on the public port only with `METRICS_TOKEN` (the terminal chat's loopback
   * server serves it without).
   */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /**
   * When set (16 characters or more), `GET /metrics` needs `Authorization: Bearer <token>`
   * wherever it is served; unset by default.
   */
  METRICS_TOKEN: optionalString.pipe(
    z.string().min(16, 'must be at least 16 characters (a random string)').optional(),
  ),

  APPROVALS_REQUIRED: z.coerce.number().int().min(1).max(10).default(1),

  MAX_TURNS_IN_FLIGHT: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(DEFAULT_ADMISSION.maxTurnsInFlight),
  MAX_MODEL_CALLS_IN_FLIGHT: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(DEFAULT_MAX_MODEL_CALLS_IN_FLIGHT),
  MAX_QUEUED_TURNS: z.coerce
    .number()
    .int()
    .min(1)
    .max(1_000_000)
    .default(DEFAULT_ADMISSION.maxQueued),
  IDLE_GC_SECONDS: z.coerce.number().int().min(0).max(3600).default(DEFAULT_IDLE_GC_SECONDS),
  ALLOW_SELF_APPROVAL: bool.optional(),
  APPROVERS: optionalString,
  /**
   * Ports other than 443 a landing page may name, comma-separated (e.g. `8443`); default none,
   * so `https://shop.example.com:8443/` is refused.
   */
  LANDING_PAGE_PORTS: z
    .string()
    .trim()
    .default('')
    .refine(
      (v) =>
        v
          .split(/[\s,]+/)
          .every((p) => p === '' || (/^\d{1,5}$/.test(p) && Number(p) <= 65535 && Number(p) > 0)),
      {
        message: 'must be port numbers (1-65535), comma-separated',
      },
    ),

  WORKSPACE_DAILY_BUDGET_CAP: z.coerce.number().positive().optional(),
  LLM_CALLS_PER_USER_PER_HOUR: z.coerce.number().int().positive().optional(),
  LLM_CALLS_PER_WORKSPACE_PER_HOUR: z.coerce.number().int().positive().optional(),
  MAX_MESSAGE_CHARS: z.coerce.number().int().positive().default(2000),
});

/** Core settings plus the Slack and Discord adapters' own (README "Slack", "Discord"). */
export const EnvSchema = CoreEnvSchema.extend(SlackSettingsSchema.shape).extend(
  DiscordEnvSchema.shape,
);

/** The parsed settings. */
export type Config = z.infer<typeof EnvSchema>;

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
