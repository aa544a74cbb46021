import { App, ExpressReceiver, webApi } from '@slack/bolt';
import { Router } from 'express';
import type { ChatAdapter, ChatEngine, Reply, ReplySink } from '../../src/engine/ports';
import { BotError } from '../../src/errors/bot-error';
import type { WorkTracker } from '../../src/lifecycle/work-tracker';
import type { Logger } from '../../src/logging/logger';
import { guardedStore } from '../../src/store/guarded-store';
import type { Keys } from '../../src/store/keys';
import type { StateStore } from '../../src/store/state-store';
import { boltLogger } from './bolt-logger';
import { SlackDelivery, type TokenFor } from './delivery';
import { StateStoreInstallationStore } from './installation-store';
import { SlackKeys } from './keys';
import { type CommandAdmission, registerListeners } from './listeners';
import { malformedRequestHandler, refuseMalformedBodies } from './malformed';
import { SlackOrganization } from './organization';
import { rejectFutureTimestamps } from './request-freshness';
import { SlackUserGroups, userGroupIds } from './user-groups';

/** The one HTTP path for commands, events and interactivity (as Bolt's default receiver uses). */
export const SLACK_EVENTS_PATH = '/slack/events';
/** Slack OAuth install: start page and redirect (OAuth mode only). */
export const SLACK_INSTALL_PATH = '/slack/install';
export const SLACK_OAUTH_REDIRECT_PATH = '/slack/oauth_redirect';

/**
 * Bot scopes the manifest asks for and OAuth installs request. No `chat:write.public`: the bot
 * posts only where it is a member (it would never see replies elsewhere); `channels:read` and
 * `groups:read` let it check that with `conversations.info`.
 */
export const SLACK_BOT_SCOPES = [
  'commands',
  'chat:write',
  'channels:history',
  'groups:history',
  'channels:read',
  'groups:read',
  'im:write',
  'app_mentions:read',
  'reactions:read',
  'usergroups:read',
  'files:read',
  'users:read',
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
  engine: ChatEngine;
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
  /**
   * The `APPROVERS` setting; its Slack user-group ids (`S…`) are resolved with
   * `usergroups.users.list` when someone approves, so the engine can match them.
   */
  approvers?: string[] | undefined;
  /** Counts every delivery's handling as work in flight (so a shutdown waits for it). */
  work?: Pick<WorkTracker, 'track'> | undefined;
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
export interface SlackAdapter extends ChatAdapter {
  readonly name: 'slack';
  readonly app: App;
  readonly router: Router | undefined;
  readonly sink: ReplySink;
  deliver(reply: Reply): Promise<void>;
  start(): Promise<void>;
  /**
   * Stops taking deliveries: HTTP mode answers `POST /slack/events` with 503 from now on (Slack
   * retries it, later or at another instance); Socket Mode disconnects. Work already handed to
   * Bolt goes on.
   */
  stopIntake(): Promise<void>;
  stop(): Promise<void>;
  /**
   * Whether Slack accepted the bot: `auth.test` passed at start (token mode; `createSlackAdapter`
   * fails otherwise). OAuth mode has no single token to test and says so.
   */
  readiness(): { ok: boolean; error?: string };
}

/** Default for {@link SlackAdapterOptions.messageTtlMs}: 30 days. */
export const DEFAULT_MESSAGE_TTL_MS = 30 * 24 * 60 * 60 * 1000;

/**
 * Builds the Slack adapter on a real `@slack/bolt` App: `ExpressReceiver` (HTTP) or Socket
 * Mode, single-workspace token or OAuth installs, and the listeners of `listeners.ts`.
 * With a bot token it calls `auth.test` once to learn the bot's user id (unless given).
 * @throws BotError `config_invalid` on contradictory options (e.g. neither `signingSecret` nor `appToken`, or
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
  // Store failures surface as StoreUnavailableError, so listeners can say so in the thread.
  const store = guardedStore(options.store);
  const installations = new StateStoreInstallationStore(store, keys);
  const appToken = options.appToken;
  const socketMode = appToken !== undefined;
  if (!socketMode && !options.signingSecret)
    throw new BotError(
      'config_invalid',
      'Slack HTTP mode needs signingSecret (or pass appToken for Socket Mode)',
    );
  if (socketMode && options.auth.kind === 'oauth')
    throw new BotError(
      'config_invalid',
      'Socket Mode is supported with a bot token only, not OAuth installs',
    );

  let router: Router | undefined;
  let app: App;
  let intakeOpen = true;
  const common = {
    logger: boltLogger(logger),
    clientOptions,
    deferInitialization: true,
    // Bolt's default conversation store keeps per-conversation state in memory and builds a
    // "Conversation not found" Error for every delivery; the bot keeps its state in the store.
    convoStore: false as const,
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
    router.use(SLACK_EVENTS_PATH, (_req, res, next) => {
      if (intakeOpen) return next();
      // Non-2xx makes Slack retry the delivery (docs/slack.md §2), by then elsewhere.
      res.status(503).set('retry-after', '5').json({ ok: false, error: 'shutting_down' });
    });
    router.use(SLACK_EVENTS_PATH, rejectFutureTimestamps());
    const receiver = new ExpressReceiver({
      signingSecret: options.signingSecret ?? '',
      logger: boltLogger(logger),
      endpoints: SLACK_EVENTS_PATH,
      router,
      processEventErrorHandler: malformedRequestHandler(logger),
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
    refuseMalformedBodies(app);
  }
  await app.init();
  const work = options.work;
  if (work) {
    // Bolt's receivers hand every delivery to `processEvent`, which resolves once its
    // listeners finished (after the ack): the turn in flight.
    const processEvent = app.processEvent.bind(app);
    app.processEvent = (event) => work.track(processEvent(event));
  }

  const auth = options.auth;
  const tokenFor: TokenFor =
    auth.kind === 'token'
      ? async () => auth.botToken
      : (team_id) => installations.botTokenFor(team_id);
  const delivery = new SlackDelivery({
    client: app.client,
    tokenFor,
    store,
    keys,
    messageTtlMs: options.messageTtlMs ?? DEFAULT_MESSAGE_TTL_MS,
    logger,
    track: (promise) => work?.track(promise),
  });
  const groups = userGroupIds(options.approvers ?? []);
  registerListeners(app, {
    engine: options.engine,
    admission: options.admission,
    store,
    keys,
    delivery,
    logger,
    command: options.command ?? '/tiktok-ad',
    detach: (promise) => {
      const settled = promise.catch((error: unknown) =>
        logger.error({ err: error }, 'Slack command work failed'),
      );
      work?.track(settled);
    },
    ...(groups.length > 0
      ? { groups: new SlackUserGroups(app.client, tokenFor, groups, logger) }
      : {}),
    organization: new SlackOrganization(app.client, tokenFor, logger),
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
    name: 'slack',
    app,
    router,
    sink: delivery.sink,
    deliver: (reply) => delivery.deliver(reply),
    start: async () => {
      if (socketMode) await app.start();
    },
    stopIntake: async () => {
      if (!intakeOpen) return;
      intakeOpen = false;
      if (socketMode) await app.stop();
    },
    stop: async () => {
      const wasOpen = intakeOpen;
      intakeOpen = false;
      if (socketMode && wasOpen) await app.stop();
    },
    readiness: () =>
      auth.kind === 'token'
        ? { ok: true }
        : { ok: true, error: 'OAuth installs: tokens are checked per workspace' },
  };
}
