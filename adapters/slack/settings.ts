import { z } from 'zod';
import { BotError } from '../../src/errors/bot-error';
import { optionalString } from '../../src/settings/env-fields';

/** The slash command the app registers (its manifest must name the same). */
export const DEFAULT_SLACK_COMMAND = '/tiktok-ad';

/**
 * The Slack adapter's settings, read from the environment by the composition root (which
 * spreads this schema's shape into its own `EnvSchema`, src/app/env-schema.ts). The adapter
 * runs when `SLACK_SIGNING_SECRET` (HTTP mode) or `SLACK_APP_TOKEN` (Socket Mode) is set,
 * together with one way to get a bot token; {@link slackAuthFrom} says which.
 */
export const SlackSettingsSchema = z.object({
  /** HTTP mode: Slack's signing secret; every request's signature is checked (401 otherwise). */
  SLACK_SIGNING_SECRET: optionalString,
  /** One workspace: the bot token `xoxb-…`. */
  SLACK_BOT_TOKEN: optionalString,
  /**
   * Socket Mode instead of HTTP, for development without a public URL: the app-level token
   * `xapp-…` (scope `connections:write`); needs `SLACK_BOT_TOKEN`.
   */
  SLACK_APP_TOKEN: optionalString,
  /**
   * Many workspaces through Slack's OAuth install (`/slack/install`), installations kept in
   * Redis, HTTP mode only: the app's client id, with the next two instead of `SLACK_BOT_TOKEN`.
   */
  SLACK_CLIENT_ID: optionalString,
  /** The app's client secret (OAuth installs). */
  SLACK_CLIENT_SECRET: optionalString,
  /** A random secret that signs the OAuth install `state`. */
  SLACK_STATE_SECRET: optionalString,
  /**
   * Web API base URL, default `https://slack.com/api/`; a local stand-in in tests and `npm run
   * slack:local`. A trailing `/` is added when missing (the client builds
   * `${slackApiUrl}${method}`: docs/slack.md §5).
   */
  SLACK_API_URL: optionalString.transform((v) =>
    v === undefined ? undefined : v.endsWith('/') ? v : `${v}/`,
  ),
  /** The slash command name (≤ 32 chars with the slash, lowercase). */
  SLACK_COMMAND: z
    .string()
    .regex(
      /^\/[a-z0-9_-]{1,31}$/,
      'must start with "/": a slash command like /tiktok-ad (≤ 32 chars, lowercase)',
    )
    .default(DEFAULT_SLACK_COMMAND),
});

/** The parsed Slack settings. */
export type SlackSettings = z.infer<typeof SlackSettingsSchema>;

/** How the adapter gets its bot token: one workspace, or many through Slack's OAuth install. */
export type SlackAuthSettings =
  | { kind: 'token'; botToken: string }
  | { kind: 'oauth'; clientId: string; clientSecret: string; stateSecret: string };

/**
 * Whether Slack is configured at all (so the composition root starts the adapter), and the
 * auth mode it asks for.
 * @returns `null` when no Slack setting is set.
 * @throws BotError `config_invalid` naming the missing variable when the settings are half done.
 */
export function slackAuthFrom(s: SlackSettings): SlackAuthSettings | null {
  const any = s.SLACK_SIGNING_SECRET ?? s.SLACK_BOT_TOKEN ?? s.SLACK_APP_TOKEN ?? s.SLACK_CLIENT_ID;
  if (any === undefined) return null;
  if (!s.SLACK_APP_TOKEN && !s.SLACK_SIGNING_SECRET) {
    throw new BotError(
      'config_invalid',
      'SLACK_SIGNING_SECRET is required for HTTP mode (or set SLACK_APP_TOKEN)',
    );
  }
  if (s.SLACK_BOT_TOKEN) {
    if (s.SLACK_CLIENT_ID) {
      throw new BotError(
        'config_invalid',
        'Set either SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID (OAuth)',
      );
    }
    return { kind: 'token', botToken: s.SLACK_BOT_TOKEN };
  }
  if (s.SLACK_APP_TOKEN)
    throw new BotError('config_invalid', 'SLACK_BOT_TOKEN is required with SLACK_APP_TOKEN');
  if (!s.SLACK_CLIENT_ID || !s.SLACK_CLIENT_SECRET || !s.SLACK_STATE_SECRET) {
    throw new BotError(
      'config_invalid',
      'SLACK_BOT_TOKEN is required (or SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET for OAuth installs)',
    );
  }
  return {
    kind: 'oauth',
    clientId: s.SLACK_CLIENT_ID,
    clientSecret: s.SLACK_CLIENT_SECRET,
    stateSecret: s.SLACK_STATE_SECRET,
  };
}
