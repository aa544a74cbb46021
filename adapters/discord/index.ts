/**
 * The Discord adapter (discord.js v14 over the gateway). See README "Discord" for setting up
 * the application, and `adapter.ts` for what it does.
 */
export {
  createDiscordAdapter,
  DISCORD_INTENTS,
  DISCORD_PARTIALS,
  type DiscordAdapter,
  type DiscordAdapterOptions,
} from './adapter';
export { COMMAND_NAME, tiktokAdCommand } from './command';
export { type DeliveryContext, DiscordDelivery, isDmsClosed } from './delivery';
export { type DiscordMessage, renderBlock, renderReply } from './render';
export { type DiscordEnv, DiscordEnvSchema, loadDiscordEnv } from './settings';
