import type { Router } from 'express';
import { createDiscordAdapter, type DiscordAdapter } from '../../adapters/discord';
import { probeDiscord } from '../../adapters/discord/probe';
import { createSlackAdapter, type SlackAdapter, slackAuthFrom } from '../../adapters/slack';
import { probeSlack, type SlackBotIdentity } from '../../adapters/slack/probe';
import type { ChatAdapter } from '../engine/ports';
import { type Config, ConfigError, loadConfig } from './config';

export { wantsServer } from './config';

import type { DrainResult } from '../lifecycle/work-tracker';
import { createLogger, type Logger } from '../logging/logger';
import { type Runtime, startRuntime } from './runtime';

/** What to set when the server is asked for (`main.js server`, the container) with no platform. */
export const NO_PLATFORM_HELP = `No chat platform is configured, so there is nothing to serve. Set one of:
  Slack over HTTP:    SLACK_SIGNING_SECRET and SLACK_BOT_TOKEN
  Slack, many teams:  SLACK_SIGNING_SECRET, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET
  Slack Socket Mode:  SLACK_APP_TOKEN and SLACK_BOT_TOKEN
  Discord:            DISCORD_TOKEN
and REDIS_URL (README "Running in a container"). Without a platform, run the terminal chat
with \`npm start\` instead.`;

/** A running bot server: its HTTP base URL and a graceful stop. */
export interface RunningServer {
  readonly runtime: Runtime;
  readonly slack?: SlackAdapter;
  readonly discord?: DiscordAdapter;
  /**
   * The graceful stop (SIGTERM/SIGINT): stops taking events (Slack answers 503 so Slack
   * retries elsewhere, the Discord gateway closes, `/readyz` says 503), waits up to
   * `SHUTDOWN_GRACE_MS` for every turn and background job in flight, then closes the adapters,
   * the HTTP server and Redis. Idempotent.
   * @returns what the drain found (`drained: false` when the grace time ran out).
   */
  close(): Promise<DrainResult>;
}

/** Options of {@link runServer}. */
export interface ServerOptions {
  env?: NodeJS.ProcessEnv;
  logger?: Logger;
}

/**
 * Runs the bot for Slack and/or Discord on one HTTP server (`HTTP_PORT`, default 3000):
 * `/slack/events` (Bolt, signature checked on every request) unless Slack runs in Socket Mode,
 * `/oauth/tiktok/start` and `/oauth/tiktok/callback` for account linking, `/healthz`, `/readyz`
 * and `/metrics`. Discord connects over the gateway. A completed link resumes its thread
 * through the adapter of the thread's platform. Logs one `info` line naming each part started.
 * @throws ConfigError on invalid settings or when no platform is configured; StartError when
 *   Redis does not answer; StartError when a port is taken; StartError when Slack, Discord or the
 *   model does not answer within `START_TIMEOUT_MS`, or Slack or Discord refuses the token.
 */
export async function runServer(options: ServerOptions = {}): Promise<RunningServer> {
  const config = loadConfig(options.env ?? process.env);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL ?? 'info');
  const slackAuth = slackAuthFrom(config);
  if (!slackAuth && !config.DISCORD_TOKEN) {
    throw new ConfigError(
      'Neither Slack nor Discord is configured (see README "Slack" and "Discord")',
    );
  }
  const slackIds = await askPlatforms(config, slackAuth);
  const runtime = await startRuntime({ config, logger, platform: 'slack', defaultHttpPort: 3000 });
  const adapters: ServedAdapter[] = [];
  try {
    adapters.push(...(await configuredAdapters(config, runtime, logger, slackAuth, slackIds)));
    for (const adapter of adapters) {
      if (adapter.router) runtime.http.mount(adapter.router);
      runtime.sinks.set(adapter.name, adapter.sink);
      runtime.http.readinessChecks.set(adapter.name, async () => adapter.readiness());
      await adapter.start();
    }
  } catch (error) {
    for (const adapter of [...adapters].reverse()) await adapter.stop();
    await runtime.close();
    throw error;
  }
  const slack = adapters.find((adapter): adapter is SlackAdapter => adapter.name === 'slack');
  const discord = adapters.find((adapter): adapter is DiscordAdapter => adapter.name === 'discord');
  runtime.resumer.start();
  logger.info(
    {
      http: runtime.httpBase,
      slack: slack ? slackMode(config) : 'off',
      discord: discord ? 'gateway' : 'off',
      tiktok: runtime.emulator ? 'emulator' : config.TIKTOK_BASE_URL,
      model: config.GEMINI_API_KEY ? config.GEMINI_MODEL : 'offline',
      store: config.REDIS_URL ? 'redis' : 'memory',
      metrics: runtime.metricsAt,
      shutdown_grace_ms: config.SHUTDOWN_GRACE_MS,
    },
    `bot running · ${runtime.summary}`,
  );
  let closing: Promise<DrainResult> | undefined;
  const shutDown = async (): Promise<DrainResult> => {
    const work = runtime.work;
    work.stopIntake();
    logger.info({ in_flight: work.inFlight }, 'shutting down: no new events; finishing work');
    await Promise.all(adapters.map((adapter) => adapter.stopIntake()));
    const result = await work.drain(config.SHUTDOWN_GRACE_MS);
    if (result.drained) logger.info({ waited_ms: result.waitedMs }, 'work in flight finished');
    else
      logger.warn(
        { left: result.left, grace_ms: config.SHUTDOWN_GRACE_MS },
        'SHUTDOWN_GRACE_MS ran out; stopping with work still running',
      );
    for (const adapter of [...adapters].reverse()) await adapter.stop();
    await runtime.close();
    logger.info('stopped');
    return result;
  };
  return {
    runtime,
    ...(slack ? { slack } : {}),
    ...(discord ? { discord } : {}),
    close() {
      closing ??= shutDown();
      return closing;
    },
  };
}

/** An adapter the server runs: the port, and the routes it serves on the shared HTTP server. */
type ServedAdapter = ChatAdapter & { readonly router?: Router | undefined };

/**
 * The adapters the settings configure, in start order (Slack, then Discord), each built on the
 * runtime's admission-controlled engine and its store. Nothing is started yet.
 */
async function configuredAdapters(
  config: Config,
  runtime: Runtime,
  logger: Logger,
  slackAuth: ReturnType<typeof slackAuthFrom>,
  slackIds: SlackBotIdentity | undefined,
): Promise<ServedAdapter[]> {
  const adapters: ServedAdapter[] = [];
  const shared = {
    engine: runtime.admission,
    store: runtime.store,
    keys: runtime.keys,
    work: runtime.work,
    logger,
    approvers: runtime.settings.approvers ?? [],
  };
  if (slackAuth)
    adapters.push(
      await createSlackAdapter({
        ...shared,
        admission: runtime.admission,
        auth: slackIds && slackAuth.kind === 'token' ? { ...slackAuth, ...slackIds } : slackAuth,
        signingSecret: config.SLACK_SIGNING_SECRET,
        appToken: config.SLACK_APP_TOKEN,
        apiUrl: config.SLACK_API_URL,
        command: config.SLACK_COMMAND,
        // Posted-message references expire with the thread's state (DRAFT_IDLE_DAYS).
        messageTtlMs: runtime.settings.draft_ttl_ms,
      }),
    );
  if (config.DISCORD_TOKEN)
    adapters.push(
      createDiscordAdapter({
        ...shared,
        token: config.DISCORD_TOKEN,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        startTimeoutMs: config.START_TIMEOUT_MS,
      }),
    );
  return adapters;
}

/**
 * Asks Slack (`auth.test`, token modes) and Discord (`GET /gateway/bot`) once each, bounded by
 * `START_TIMEOUT_MS`, before anything starts: their own clients retry for minutes. Returns the
 * bot's Slack ids, handed to Bolt so it does not ask again.
 * @throws StartError naming the platform's URL setting or its refused token.
 */
async function askPlatforms(
  config: Config,
  slackAuth: ReturnType<typeof slackAuthFrom>,
): Promise<SlackBotIdentity | undefined> {
  if (config.DISCORD_TOKEN)
    await probeDiscord(config.DISCORD_TOKEN, config.DISCORD_API_URL, config.START_TIMEOUT_MS);
  if (slackAuth?.kind !== 'token') return undefined;
  return probeSlack(slackAuth.botToken, config.SLACK_API_URL, config.START_TIMEOUT_MS);
}

function slackMode(config: Config): string {
  if (config.SLACK_APP_TOKEN) return 'socket-mode';
  return config.SLACK_CLIENT_ID ? 'http+oauth-installs' : 'http';
}
