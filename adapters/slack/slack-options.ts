import type { webApi } from '@slack/bolt';
import type { ChatEngine } from '../../src/engine/ports';
import type { WorkTracker } from '../../src/lifecycle/work-tracker';
import type { Logger } from '../../src/logging/logger';
import type { Keys } from '../../src/store/keys';
import type { StateStore } from '../../src/store/state-store';
import type { CommandAdmission } from './listener-deps';

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

/** Default for {@link SlackAdapterOptions.messageTtlMs}: 30 days. */
export const DEFAULT_MESSAGE_TTL_MS = 30 * 24 * 60 * 60 * 1000;
