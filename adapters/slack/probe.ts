import { reach } from '../../src/http/reach';
import { StartError } from '../../src/lifecycle/start-error';
import { named } from '../../src/settings/config-checks';

/** Slack's Web API base when `SLACK_API_URL` is unset (https://api.slack.com/web). */
const DEFAULT_API_URL = 'https://slack.com/api/';

/** The bot's identity as `auth.test` reports it. */
export interface SlackBotIdentity {
  botId: string;
  botUserId: string;
}

/**
 * Calls `auth.test` once, with no retries and within `timeoutMs`, before Bolt starts: Bolt's
 * own call retries for about five minutes when Slack cannot be reached. The answer's `bot_id`
 * and `user_id` are handed to Bolt so it does not call again.
 * https://api.slack.com/methods/auth.test
 * @param apiUrl `SLACK_API_URL` (ends in `/`), unset for Slack's own.
 * @throws StartError naming `SLACK_API_URL` when Slack does not answer, or
 *   `SLACK_BOT_TOKEN` (masked) when Slack refuses it (e.g. `invalid_auth`).
 */
export async function probeSlack(
  botToken: string,
  apiUrl: string | undefined,
  timeoutMs: number,
): Promise<SlackBotIdentity> {
  const base = apiUrl ?? DEFAULT_API_URL;
  const res = await reach(
    { service: 'Slack', check: `SLACK_API_URL (default ${DEFAULT_API_URL})` },
    `${base}auth.test`,
    {
      method: 'POST',
      headers: {
        authorization: `Bearer ${botToken}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: '',
    },
    timeoutMs,
  );
  const body = (await res.json().catch(() => ({}))) as {
    ok?: boolean;
    error?: string;
    bot_id?: string;
    user_id?: string;
  };
  if (body.ok && body.bot_id && body.user_id)
    return { botId: body.bot_id, botUserId: body.user_id };
  throw new StartError(
    `${named('SLACK_BOT_TOKEN', botToken)}: Slack refused it (auth.test: ${body.error ?? `HTTP ${res.status}`}). Copy the Bot User OAuth Token (xoxb-…) from your Slack app's OAuth & Permissions page.`,
  );
}
