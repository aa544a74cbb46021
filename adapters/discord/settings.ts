import { z } from 'zod';
import { BotError } from '../../src/errors/bot-error';
import { optionalString } from '../../src/settings/env-fields';

/** A Discord id (snowflake): decimal digits, sent as a string. */
const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

/**
 * The Discord adapter's settings, from the environment. The composition root spreads this
 * schema's shape into its own `EnvSchema` (src/app/env-schema.ts); {@link loadDiscordEnv}
 * parses it on its own. The adapter runs when `DISCORD_TOKEN` is set.
 */
export const DiscordEnvSchema = z.object({
  /** The bot token (Developer Portal → Bot → Reset Token). Secret; never logged. */
  DISCORD_TOKEN: optionalString,
  /** The application id (General Information), for registering `/tiktok-ad`. */
  DISCORD_APPLICATION_ID: snowflake.optional(),
  /** Register the command in this one guild only (appears at once); unset registers globally. */
  DISCORD_GUILD_ID: snowflake.optional(),
  /** Discord's REST base, default `https://discord.com/api`; only for a local stand-in. */
  DISCORD_API_URL: z.url({ protocol: /^https?$/ }).optional(),
});

/** The parsed Discord settings. */
export type DiscordEnv = z.infer<typeof DiscordEnvSchema>;

/**
 * Parses the Discord settings from `env`.
 * @throws BotError `config_invalid` naming each invalid variable, e.g. "DISCORD_GUILD_ID: must be a Discord id".
 */
export function loadDiscordEnv(env: NodeJS.ProcessEnv = process.env): DiscordEnv {
  const parsed = DiscordEnvSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new BotError('config_invalid', `Invalid Discord settings:\n  ${lines.join('\n  ')}`);
  }
  return parsed.data;
}
