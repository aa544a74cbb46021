import type { App } from '@slack/bolt';
import type { Router } from 'express';
import type { ChatAdapter, Readiness, Reply, ReplySink } from '../../src/engine/ports';
import type { Logger } from '../../src/logging/logger';
import { guardedStore } from '../../src/store/guarded-store';
import { buildBoltApp } from './bolt-app';
import { SlackDelivery, type TokenFor } from './delivery';
import { StateStoreInstallationStore } from './installation-store';
import { SlackKeys } from './keys';
import { SlackListeners } from './listeners';
import { SlackOrganization } from './organization';
import { DEFAULT_MESSAGE_TTL_MS, type SlackAdapterOptions } from './slack-options';
import { SlackUserGroups, userGroupIds } from './user-groups';

export {
  DEFAULT_MESSAGE_TTL_MS,
  SLACK_BOT_SCOPES,
  SLACK_EVENTS_PATH,
  SLACK_INSTALL_PATH,
  SLACK_OAUTH_REDIRECT_PATH,
  type SlackAdapterOptions,
} from './slack-options';

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
export class SlackAdapter implements ChatAdapter {
  readonly name = 'slack' as const;
  readonly sink: ReplySink;
  private intakeOpen = true;

  private constructor(
    readonly app: App,
    readonly router: Router | undefined,
    private readonly delivery: SlackDelivery,
    private readonly oauth: boolean,
  ) {
    this.sink = delivery.sink;
  }

  /**
   * Builds the adapter on a real `@slack/bolt` App (see `bolt-app.ts`) with the listeners of
   * `listeners.ts`. With a bot token Bolt calls `auth.test` once to learn the bot's user id
   * (unless given).
   * @throws Error on contradictory options; Bolt's `AppInitializationError`; the Web API's
   *   error when `auth.test` fails (a bad token).
   */
  static async create(options: SlackAdapterOptions): Promise<SlackAdapter> {
    const logger = options.logger.child({ component: 'slack' });
    const keys = new SlackKeys(options.keys);
    // Store failures surface as StoreUnavailableError, so listeners can say so in the thread.
    const store = guardedStore(options.store);
    const installations = new StateStoreInstallationStore(store, keys);
    let adapter: SlackAdapter | undefined;
    const { app, router } = await buildBoltApp(
      options,
      logger,
      installations,
      () => adapter?.intakeOpen ?? true,
    );
    const tokenFor = tokenForOf(options.auth, installations);
    const delivery = new SlackDelivery({
      client: app.client,
      tokenFor,
      store,
      keys,
      messageTtlMs: options.messageTtlMs ?? DEFAULT_MESSAGE_TTL_MS,
      logger,
      track: (promise) => options.work?.track(promise),
    });
    const groups = userGroupIds(options.approvers ?? []);
    new SlackListeners({
      engine: options.engine,
      admission: options.admission,
      store,
      keys,
      delivery,
      logger,
      command: options.command ?? '/tiktok-ad',
      detach: detachInto(options, logger),
      ...(groups.length > 0
        ? { groups: new SlackUserGroups(app.client, tokenFor, groups, logger) }
        : {}),
      organization: new SlackOrganization(app.client, tokenFor, logger),
    }).register(app);
    if (options.auth.kind === 'oauth') forgetUninstalled(app, installations);
    adapter = new SlackAdapter(app, router, delivery, options.auth.kind === 'oauth');
    return adapter;
  }

  /** Delivers `reply` after its thread's earlier replies; rejects with the Web API's error. */
  deliver(reply: Reply): Promise<void> {
    return this.delivery.deliver(reply);
  }

  /** Connects Socket Mode; nothing to do in HTTP mode. */
  async start(): Promise<void> {
    if (this.socketMode) await this.app.start();
  }

  /**
   * Stops taking deliveries: HTTP mode answers `POST /slack/events` with 503 from now on (Slack
   * retries it, later or at another instance); Socket Mode disconnects. Work already handed to
   * Bolt goes on.
   */
  async stopIntake(): Promise<void> {
    if (!this.intakeOpen) return;
    this.intakeOpen = false;
    if (this.socketMode) await this.app.stop();
  }

  /** Stops taking deliveries (Socket Mode disconnects, if it has not already). */
  async stop(): Promise<void> {
    const wasOpen = this.intakeOpen;
    this.intakeOpen = false;
    if (this.socketMode && wasOpen) await this.app.stop();
  }

  /**
   * Whether Slack accepted the bot: `auth.test` passed at start (token mode; `create` fails
   * otherwise). OAuth mode has no single token to test and says so.
   */
  readiness(): Readiness {
    return this.oauth
      ? { ok: true, error: 'OAuth installs: tokens are checked per workspace' }
      : { ok: true };
  }

  private get socketMode(): boolean {
    return this.router === undefined;
  }
}

/** {@link SlackAdapter.create}, as a function. */
export function createSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  return SlackAdapter.create(options);
}

/** The bot token of a workspace: the one token, or the workspace's installation's. */
function tokenForOf(
  auth: SlackAdapterOptions['auth'],
  installations: StateStoreInstallationStore,
): TokenFor {
  return auth.kind === 'token'
    ? async () => auth.botToken
    : (team_id) => installations.botTokenFor(team_id);
}

/** Work that goes on after a listener returned: failures logged, tracked for the shutdown. */
function detachInto(options: SlackAdapterOptions, logger: Logger) {
  return (promise: Promise<unknown>) => {
    const settled = promise.catch((error: unknown) =>
      logger.error({ err: error }, 'Slack command work failed'),
    );
    options.work?.track(settled);
  };
}

/** OAuth mode: an uninstall or revoked tokens forget the workspace's installation. */
function forgetUninstalled(app: App, installations: StateStoreInstallationStore): void {
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
