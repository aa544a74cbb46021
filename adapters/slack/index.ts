/**
 * The Slack adapter: Slack events → `ChatEvent`, engine `Reply` → Block Kit.
 * See README "Slack" for setup, and {@link createSlackAdapter} for wiring.
 */
export { ACTION_PATTERN, engineActionOf, slackActionId } from './actions';
export { slackThreadId } from './events';
export { StateStoreInstallationStore } from './installation-store';
export { blockKitProblems, LIMITS, type SlackMessage } from './limits';
export { escapeMrkdwn, plainTextOf } from './mrkdwn';
export { renderReply } from './render';
export {
  type SlackAuthSettings,
  type SlackSettings,
  SlackSettingsSchema,
  slackAuthFrom,
} from './settings';
export {
  createSlackAdapter,
  DEFAULT_MESSAGE_TTL_MS,
  SLACK_BOT_SCOPES,
  SLACK_EVENTS_PATH,
  SLACK_INSTALL_PATH,
  SLACK_OAUTH_REDIRECT_PATH,
  SlackAdapter,
  type SlackAdapterOptions,
} from './slack-adapter';
