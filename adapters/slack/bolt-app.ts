import { App, ExpressReceiver, webApi } from '@slack/bolt';
import { Router } from 'express';
import { BotError } from '../../src/errors/bot-error';
import type { WorkTracker } from '../../src/lifecycle/work-tracker';
import type { Logger } from '../../src/logging/logger';
import { boltLogger } from './bolt-logger';
import type { StateStoreInstallationStore } from './installation-store';
import { malformedRequestHandler, refuseMalformedBodies } from './malformed';
import { rejectFutureTimestamps } from './request-freshness';
import {
  SLACK_BOT_SCOPES,
  SLACK_EVENTS_PATH,
  SLACK_INSTALL_PATH,
  SLACK_OAUTH_REDIRECT_PATH,
  type SlackAdapterOptions,
} from './slack-options';

/** A Bolt app, and in HTTP mode the router that serves it. */
export interface BoltApp {
  app: App;
  router: Router | undefined;
}

/** Whether deliveries are still taken (false once the adapter stopped its intake). */
export type IntakeOpen = () => boolean;

/**
 * Builds and initialises the Bolt app: Socket Mode with `appToken`, else an `ExpressReceiver`
 * on its own router (503 once `intakeOpen` says no, future timestamps refused, malformed bodies
 * answered 400), with Slack's OAuth install when `auth` asks for it.
 * @throws BotError `config_invalid` on contradictory options (neither `signingSecret` nor `appToken`, or Socket Mode
 *   with OAuth); Bolt's `AppInitializationError`; the Web API's error when `auth.test` fails.
 */
export async function buildBoltApp(
  options: SlackAdapterOptions,
  logger: Logger,
  installations: StateStoreInstallationStore,
  intakeOpen: IntakeOpen,
): Promise<BoltApp> {
  const appToken = options.appToken;
  if (appToken === undefined && !options.signingSecret)
    throw new BotError(
      'config_invalid',
      'Slack HTTP mode needs signingSecret (or pass appToken for Socket Mode)',
    );
  if (appToken !== undefined && options.auth.kind === 'oauth')
    throw new BotError(
      'config_invalid',
      'Socket Mode is supported with a bot token only, not OAuth installs',
    );
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: options.apiUrl ?? 'https://slack.com/api/',
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const auth = options.auth;
  const common = {
    logger: boltLogger(logger),
    clientOptions,
    deferInitialization: true,
    // Bolt's default conversation store keeps per-conversation state in memory and builds a
    // "Conversation not found" Error for every delivery; the bot keeps its state in the store.
    convoStore: false as const,
    ...(auth.kind === 'token'
      ? {
          token: auth.botToken,
          ...(auth.botId ? { botId: auth.botId } : {}),
          ...(auth.botUserId ? { botUserId: auth.botUserId } : {}),
        }
      : {}),
  };
  let built: BoltApp;
  if (appToken !== undefined) {
    built = { app: new App({ ...common, socketMode: true, appToken }), router: undefined };
  } else {
    const router = httpRouter(intakeOpen);
    const receiver = new ExpressReceiver({
      signingSecret: options.signingSecret ?? '',
      logger: boltLogger(logger),
      endpoints: SLACK_EVENTS_PATH,
      router,
      processEventErrorHandler: malformedRequestHandler(logger),
      ...oauthInstall(options, installations, clientOptions),
    });
    built = { app: new App({ ...common, receiver }), router };
    refuseMalformedBodies(built.app);
  }
  await built.app.init();
  if (options.work) trackDeliveries(built.app, options.work);
  return built;
}

/** The router in front of Bolt's receiver: 503 once intake stopped, then freshness. */
function httpRouter(intakeOpen: IntakeOpen): Router {
  const router = Router();
  router.use(SLACK_EVENTS_PATH, (_req, res, next) => {
    if (intakeOpen()) return next();
    // Non-2xx makes Slack retry the delivery (docs/slack.md §2), by then elsewhere.
    res.status(503).set('retry-after', '5').json({ ok: false, error: 'shutting_down' });
  });
  router.use(SLACK_EVENTS_PATH, rejectFutureTimestamps());
  return router;
}

/** The receiver options of Slack's OAuth install (OAuth mode), with installations in the store. */
function oauthInstall(
  options: SlackAdapterOptions,
  installations: StateStoreInstallationStore,
  clientOptions: webApi.WebClientOptions,
) {
  const auth = options.auth;
  if (auth.kind !== 'oauth') return {};
  return {
    clientId: auth.clientId,
    clientSecret: auth.clientSecret,
    stateSecret: auth.stateSecret,
    scopes: SLACK_BOT_SCOPES,
    installationStore: installations,
    installerOptions: {
      installPath: SLACK_INSTALL_PATH,
      redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
      directInstall: true,
      clientOptions,
    },
  };
}

/**
 * Counts every delivery's handling as work in flight: Bolt's receivers hand each delivery to
 * `processEvent`, which resolves once its listeners finished (after the ack).
 */
function trackDeliveries(app: App, work: Pick<WorkTracker, 'track'>): void {
  const processEvent = app.processEvent.bind(app);
  app.processEvent = (event) => work.track(processEvent(event));
}
