import { DiscordAPIError } from 'discord.js';

/**
 * An error as it may be logged. A `DiscordAPIError` carries the request URL (interaction
 * webhooks put the interaction token in it) and the request body (message text), so only its
 * name, Discord code, HTTP status and method are kept; other errors pass through unchanged.
 */
export function loggableError(error: unknown): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  return {
    type: error.name,
    message: error.message,
    code: error.code,
    status: error.status,
    method: error.method,
  };
}
