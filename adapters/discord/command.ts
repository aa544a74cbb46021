import {
  ApplicationIntegrationType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
  SlashCommandBuilder,
} from 'discord.js';
import { TEXT_OPTION } from './events';

/** The slash command's name, as typed: `/tiktok-ad`. */
export const COMMAND_NAME = 'tiktok-ad';

/**
 * The `/tiktok-ad [text]` command definition (Discord docs: "Application commands"; names 1-32
 * lowercase characters, descriptions 1-100). Guild-only: the bot starts a thread in the
 * channel the command was used in, which a DM cannot have.
 */
export function tiktokAdCommand(): RESTPostAPIChatInputApplicationCommandsJSONBody {
  return new SlashCommandBuilder()
    .setName(COMMAND_NAME)
    .setDescription('Start a TikTok ad draft in a new thread')
    .setContexts(InteractionContextType.Guild)
    .setIntegrationTypes(ApplicationIntegrationType.GuildInstall)
    .addStringOption((option) =>
      option
        .setName(TEXT_OPTION)
        .setDescription('What to advertise, e.g. "Summer sale for traffic"')
        .setMaxLength(1000)
        .setRequired(false),
    )
    .toJSON();
}
