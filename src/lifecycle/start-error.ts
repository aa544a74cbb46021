import { BotError } from '../errors/bot-error';

/**
 * The bot could not start for a reason outside its code: a port in use, a dependency (Slack,
 * Discord, the model) that does not answer or refuses the bot's credentials. `message` is meant
 * for the operator as is: it names the setting to check and how to fix it, so `main` prints it
 * without a stack trace.
 */
export class StartError extends BotError {
  override readonly name = 'StartError';
  declare readonly code: 'start_failed';

  constructor(message: string, options?: { cause?: unknown }) {
    super('start_failed', message, options);
  }
}
