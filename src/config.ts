import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

/**
 * Every setting, read once from the environment at start-up (the only reader of `process.env`).
 * Defaults make `npm start` work with no accounts: terminal chat, in-process TikTok emulator,
 * offline model, in-process store. README.md lists each with its meaning.
 */
export const EnvSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('warn'),
  REDIS_URL: optionalString,
  STATE_PREFIX: z.string().default('tab:'),
  DRAFT_IDLE_DAYS: z.coerce.number().positive().default(7),

  GEMINI_API_KEY: optionalString,
  GEMINI_MODEL: z.string().default('gemini-3.1-flash-lite'),
  GEMINI_BASE_URL: optionalString,

  TIKTOK_BASE_URL: optionalString,
  TIKTOK_ACCESS_TOKEN: optionalString,
  TIKTOK_ADVERTISER_ID: optionalString,
  TIKTOK_IDENTITY_ID: optionalString,
  TIKTOK_IDENTITY_NAME: z.string().default('Our brand'),
  TIKTOK_PIXEL_ID: optionalString,
  TIKTOK_OPTIMIZATION_EVENT: z.string().default('SHOPPING'),
  TIKTOK_LOCATION_IDS: z.string().default('6252001'),
  TIKTOK_CURRENCY: z.string().default('USD'),
  EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(0),

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

  APPROVALS_REQUIRED: z.coerce.number().int().min(1).max(10).default(1),
  ALLOW_SELF_APPROVAL: bool.optional(),
});

/** The parsed settings. */
export type Config = z.infer<typeof EnvSchema>;

/** Thrown when settings are invalid; `message` names each bad variable and why. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/**
 * Parses settings from `env` (default `process.env`).
 * @throws ConfigError listing every invalid variable, e.g. "MAX_DAILY_BUDGET: expected number".
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n  ${lines.join('\n  ')}`);
  }
  const config = parsed.data;
  if (
    config.DEFAULT_DAILY_BUDGET !== null &&
    config.DEFAULT_DAILY_BUDGET > config.MAX_DAILY_BUDGET
  ) {
    throw new ConfigError(
      'Invalid settings:\n  DEFAULT_DAILY_BUDGET: must not exceed MAX_DAILY_BUDGET',
    );
  }
  if (config.TIKTOK_BASE_URL && (!config.TIKTOK_ACCESS_TOKEN || !config.TIKTOK_ADVERTISER_ID)) {
    throw new ConfigError(
      'Invalid settings:\n  TIKTOK_ACCESS_TOKEN and TIKTOK_ADVERTISER_ID are required when TIKTOK_BASE_URL is set (leave TIKTOK_BASE_URL unset to use the local emulator)',
    );
  }
  return config;
}
