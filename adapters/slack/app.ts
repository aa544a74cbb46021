import { App, ExpressReceiver, webApi } from '@slack/bolt';
import { Router } from 'express';
import type { Reply, ReplySink } from '../../src/engine/reply';
import type { Logger } from '../../src/logger';
import type { Keys } from '../../src/store/keys';
import type { StateStore } from '../../src/store/state-store';
import { boltLogger } from './bolt-logger';
import { SlackDelivery, type TokenFor } from './delivery';
import { StateStoreInstallationStore } from './installation-store';
import { SlackKeys } from './keys';
import { type CommandAdmission, type EngineLike, registerListeners } from './listeners';
import { rejectFutureTimestamps } from './request-freshness';

/** The one HTTP path for commands, events and interactivity (as Bolt's default receiver uses). */
export const SLACK_EVENTS_PATH = '/slack/events';
/** Slack OAuth install: start page and redirect (OAuth mode only). */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/** Bot scopes the manifest asks for and OAuth installs request. */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'chat:write.public',
  'channels:history',
  'groups:history',
  'im:write',
  'app_mentions:read',
  'reactions:read',
];

/**
 * Options of {@link createSlackAdapter}.
 * - `engine`, `store`, `keys`, `logger`: the bot's engine and state (Redis in production).
 * - `admission`: the admission control the engine sits behind (`runtime.admission`), so a slash
 *   command's ack can say it waits and its thread root is posted only once admitted.
 * - `auth`: `{kind:'token', botToken}` for one workspace (`botId`/`botUserId` skip Bolt's
 *   `auth.test`), or `{kind:'oauth', clientId, clientSecret, stateSecret}` for Slack's OAuth
 *   install with installations kept in `store`.
 * - `signingSecret`: HTTP mode (Slack's signature on every request, checked by Bolt).
 * - `appToken` (`xapp-…`): Socket Mode instead of HTTP (token auth only).
 * - `apiUrl`: Web API base URL with a trailing `/` (default `https://slack.com/api/`).
 * - `retryConfig`: the Web API client's retry policy (default: 5 retries in about 5 minutes).
 *   A 429 waits `Retry-After` seconds and then counts as one retry.
 * - `command`: the slash command (default `/tiktok-ad`).
 * - `messageTtlMs`: how long posted messages stay findable for reactions/buttons (default 30 d;
 *   `npm start` passes the draft's idle TTL, so they expire with the thread).
 */
export interface SlackAdapterOptions {
  engine: EngineLike;
  /** Admission control (`AdmissionControl`): slash commands are admitted whole. */
  admission?: CommandAdmission | undefined;
  store: StateStore;
  keys: Keys;
  logger: Logger;
  auth:
    | { kind: 'token'; botToken: string; botId?: string; botUserId?: string }
    | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string };
  signingSecret?: string | undefined;
  appToken?: string | undefined;
  apiUrl?: string | undefined;
  retryConfig?: webApi.RetryOptions | undefined;
  command?: string | undefined;
  messageTtlMs?: number | undefined;
}

/**
 * A running Slack adapter.
 * - `router` (HTTP mode): an express router to mount on the shared server, *before* any body
 *   parser (Bolt reads the raw body to check the signature): `POST /slack/events` for commands,
 *   events and interactivity, and in OAuth mode `GET /slack/install` and
 *   `GET /slack/oauth_redirect`. `undefined` in Socket Mode.
 * - `deliver(reply)` / `sink`: send engine replies to Slack from the thread id alone, e.g.
 *   `engine.handle({type:'account_linked', …}, slack.sink)` in the TikTok OAuth callback.
 * - `start()` connects Socket Mode (no-op in HTTP mode); `stop()` disconnects it.
 * - `app`: the Bolt app (for more listeners or tests).
 */
export interface SlackAdapter {
  readonly app: App;
  readonly router: Router | undefined;
  readonly sink: ReplySink;
  deliver(reply: Reply): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Default for {@link SlackAdapterOptions.messageTtlMs}: 30 days. */
export const DEFAULT_MESSAGE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Builds the Slack adapter on a real `@slack/bolt` App: `ExpressReceiver` (HTTP) or Socket
 * Mode, single-workspace token or OAuth installs, and the listeners of `listeners.ts`.
 * With a bot token it calls `auth.test` once to learn the bot's user id (unless given).
 * @throws Error on contradictory options (e.g. neither `signingSecret` nor `appToken`, or
 *   Socket Mode with OAuth); Bolt's `AppInitializationError`; the Web API's error when
 *   `auth.test` fails (a bad token).
 */
export async function createSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const logger = options.logger.child({ component: 'slack' });
  const keys = new SlackKeys(options.keys);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: options.apiUrl ?? 'https://slack.com/api/',
    retryConfig: options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
  };
  const installations = new StateStoreInstallationStore(options.store, keys);
  const appToken = options.appToken;
  const socketMode = appToken !== undefined;
  if (!socketMode && !options.signingSecret)
    throw new Error('Slack HTTP mode needs signingSecret (or pass appToken for Socket Mode)');
  if (socketMode && options.auth.kind === 'oauth')
    throw new Error('Socket Mode is supported with a bot token only, not OAuth installs');

  let router: Router | undefined;
  let app: App;
  const common = {
    logger: boltLogger(logger),
    clientOptions,
    deferInitialization: true,
    ...(options.auth.kind === 'token'
      ? {
          token: options.auth.botToken,
          ...(options.auth.botId ? { botId: options.auth.botId } : {}),
          ...(options.auth.botUserId ? { botUserId: options.auth.botUserId } : {}),
        }
      : {}),
  };
  if (appToken !== undefined) {
    app = new App({ ...common, socketMode: true, appToken });
  } else {
    router = Router();
    router.use(SLACK_EVENTS_PATH, rejectFutureTimestamps());
    const receiver = new ExpressReceiver({
      signingSecret: options.signingSecret ?? '',
      logger: boltLogger(logger),
      endpoints: SLACK_EVENTS_PATH,
      router,
      ...(options.auth.kind === 'oauth'
        ? {
            clientId: options.auth.clientId,
            clientSecret: options.auth.clientSecret,
            stateSecret: options.auth.stateSecret,
            scopes: SLACK_BOT_SCOPES,
            installationStore: installations,
            installerOptions: {
              installPath: SLACK_INSTALL_PATH,
              redirectUriPath: SLACK_OAUTH_REDIRECT_PATH,
              directInstall: true,
              clientOptions,
            },
          }
        : {}),
    });
    app = new App({ ...common, receiver });
  }
  await app.init();

  const auth = options.auth;
  const tokenFor: TokenFor =
    auth.kind === 'token'
      ? async () => auth.botToken
      : (team_id) => installations.botTokenFor(team_id);
  const delivery = new SlackDelivery({
    client: app.client,
    tokenFor,
    store: options.store,
    keys,
    messageTtlMs: options.messageTtlMs ?? DEFAULT_MESSAGE_TTL_MS,
    logger,
  });
  registerListeners(app, {
    engine: options.engine,
    admission: options.admission,
    store: options.store,
    keys,
    delivery,
    logger,
    command: options.command ?? '/tiktok-ad',
  });
  if (auth.kind === 'oauth') {
    // Bolt skips authorize for these two; the workspace's installation is gone.
    const forget = async ({ body }: { body: { team_id?: string } }) => {
      if (body.team_id)
        await installations.deleteInstallation({
          teamId: body.team_id,
          enterpriseId: undefined,
          isEnterpriseInstall: false,
        });
    };
    app.event('app_uninstalled', forget);
    app.event('tokens_revoked', forget);
  }

  return {
    app,
    router,
    sink: delivery.sink,
    deliver: (reply) => delivery.deliver(reply),
    start: async () => {
      if (socketMode) await app.start();
    },
    stop: async () => {
      if (socketMode) await app.stop();
    },
  };
}
