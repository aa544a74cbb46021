import { REST, Routes } from 'discord.js';
import { BotError } from '../../src/errors/bot-error';
import { createLogger } from '../../src/logging/logger';
import { tiktokAdCommand } from './command';
import { loggableError } from './log-fields';
import { loadDiscordEnv } from './settings';

/**
 * Registers `/tiktok-ad` (bulk overwrite of this application's commands, Discord docs
 * "Application commands → Bulk overwrite"): in the guild `DISCORD_GUILD_ID` when set (appears
 * at once), otherwise globally (may take a while to appear everywhere).
 * @returns where it registered: `guild <id>` or `global`.
 * @throws BotError `config_invalid` when `DISCORD_TOKEN` or `DISCORD_APPLICATION_ID` is missing; DiscordAPIError
 *   when Discord refuses (e.g. 401 for a wrong token).
 */
export async function registerCommands(env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const settings = loadDiscordEnv(env);
  if (!settings.DISCORD_TOKEN)
    throw new BotError('config_invalid', 'DISCORD_TOKEN is required to register commands');
  if (!settings.DISCORD_APPLICATION_ID)
    throw new BotError('config_invalid', 'DISCORD_APPLICATION_ID is required to register commands');
  const rest = new REST({
    version: '10',
    ...(settings.DISCORD_API_URL ? { api: settings.DISCORD_API_URL } : {}),
  }).setToken(settings.DISCORD_TOKEN);
  const body = [tiktokAdCommand()];
  const appId = settings.DISCORD_APPLICATION_ID;
  if (settings.DISCORD_GUILD_ID) {
    await rest.put(Routes.applicationGuildCommands(appId, settings.DISCORD_GUILD_ID), { body });
    return `guild ${settings.DISCORD_GUILD_ID}`;
  }
  await rest.put(Routes.applicationCommands(appId), { body });
  return 'global';
}

if (require.main === module) {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'info');
  registerCommands()
    .then((where) => logger.info({ where }, 'registered /tiktok-ad'))
    .catch((error: unknown) => {
      logger.error({ err: loggableError(error) }, 'could not register /tiktok-ad');
      process.exitCode = 1;
    });
}
