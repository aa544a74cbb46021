import { createDiscordAdapter, type DiscordAdapter } from '../adapters/discord';
import { createSlackAdapter, type SlackAdapter, slackAuthFrom } from '../adapters/slack';
import { type Config, loadConfig } from './config';
import { engineSettingsFrom } from './engine-settings';
import { createLogger, type Logger } from './logger';
import { type Runtime, startRuntime } from './runtime';

/** Whether the settings ask for a chat platform (else `npm start` runs the terminal chat). */
export function wantsServer(config: Config): boolean {
  return slackAuthFrom(config) !== null || Boolean(config.DISCORD_TOKEN);
}

/** A running bot server: its HTTP base URL and a graceful stop. */
export interface RunningServer {
  readonly runtime: Runtime;
  readonly slack?: SlackAdapter;
  readonly discord?: DiscordAdapter;
  /** Stops the adapters (no new events), lets work in flight finish, closes the rest. */
  close(): Promise<void>;
}

/** Options of {@link runServer}. */
export interface ServerOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/**
 * Runs the bot for Slack and/or Discord on one HTTP server (`HTTP_PORT`, default 3000):
 * `/slack/events` (Bolt, signature checked on every request) unless Slack runs in Socket Mode,
 * `/oauth/tiktok/start` and `/oauth/tiktok/callback` for account linking, and `/healthz`.
 * Discord connects over the gateway. A completed link resumes its thread through the adapter
 * of the thread's platform.
 * @throws ConfigError on invalid settings; Error when no platform is configured, Redis does not
 *   answer, the port is taken, or Slack refuses the bot token (`auth.test`).
 */
export async function runServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL);
  const slackAuth = slackAuthFrom(config);
  if (!slackAuth && !config.DISCORD_TOKEN) {
    throw new Error('Neither Slack nor Discord is configured (see README "Slack" and "Discord")');
  }
  const runtime = await startRuntime({ config, logger, platform: 'slack', defaultHttpPort: 3000 });
  let slack: SlackAdapter | undefined;
  let discord: DiscordAdapter | undefined;
  try {
    const shared = {
      engine: runtime.admission,
      store: runtime.store,
      keys: runtime.keys,
    };
    if (slackAuth) {
      slack = await createSlackAdapter({
        ...shared,
        admission: runtime.admission,
        logger,
        auth: slackAuth,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        command: config.SLACK_COMMAND,
        // Posted-message references expire with the thread's state (DRAFT_IDLE_DAYS).
        messageTtlMs: engineSettingsFrom(config, 'slack').draft_ttl_ms,
      });
      if (slack.router) runtime.http.mount(slack.router);
      runtime.sinks.set('slack', slack.sink);
      await slack.start();
    }
    if (config.DISCORD_TOKEN) {
      discord = createDiscordAdapter({
        ...shared,
        token: config.DISCORD_TOKEN,
        logger,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
      });
      runtime.sinks.set('discord', discord.deliver);
      await discord.start();
    }
  } catch (error) {
    await discord?.stop();
    await slack?.stop();
    await runtime.close();
    throw error;
  }
  logger.info(
    { slack: Boolean(slack), discord: Boolean(discord), http: runtime.httpBase },
    `bot running · ${runtime.summary}`,
  );
  return {
    runtime,
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
    async close() {
      await discord?.stop();
      await slack?.stop();
      await runtime.close();
    },
  };
}
