import { z } from 'zod';
import { BotError } from '../../src/errors/bot-error';
import { optionalString } from '../../src/settings/env-fields';

/** A Discord id (snowflake): decimal digits, sent as a string. */
const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

/**
 * The Discord adapter's settings, from the environment. Merge into the app's `EnvSchema`
 * (`EnvSchema.extend(DiscordEnvSchema.shape)`) or parse on its own; the adapter runs when
 * `DISCORD_TOKEN` is set.
 *
 * - `DISCORD_TOKEN`: the bot token (Developer Portal → Bot → Reset Token). Secret; never logged.
 * - `DISCORD_APPLICATION_ID`: the application id (General Information), for registering
 *   `/tiktok-ad`.
 * - `DISCORD_GUILD_ID`: register the command in this one guild only (appears at once); unset
 *   registers globally.
 * - `DISCORD_API_URL`: Discord's REST base, default `https://discord.com/api`; only for a
 *   local stand-in.
 */
export const DiscordEnvSchema = z.object({
  DISCORD_TOKEN: optionalString,
  DISCORD_APPLICATION_ID: snowflake.optional(),
  DISCORD_GUILD_ID: snowflake.optional(),
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
