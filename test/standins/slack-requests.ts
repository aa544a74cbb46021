import { createHmac } from 'node:crypto';

/**
 * Sends requests to the bot the way Slack does: signed (`X-Slack-Signature`,
 * `X-Slack-Request-Timestamp`), with Slack's content types and documented payload shapes
 * (docs/slack.md §1, §3). Test code; the bot itself verifies with Bolt.
 */

/**
 * Slack's signature headers for a raw body: `v0=` + hex HMAC-SHA256(secret, `v0:<ts>:<body>`).
 * Source: docs.slack.dev/authentication/verifying-requests-from-slack.
 */
export function slackSignature(
  secret: string,
  rawBody: string,
  timestampSec = Math.floor(Date.now() / 1000),
): { 'x-slack-request-timestamp': string; 'x-slack-signature': string } {
  const hash = createHmac('sha256', secret).update(`v0:${timestampSec}:${rawBody}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestampSec), 'x-slack-signature': `v0=${hash}` };
}

/** Form content type, exactly: Bolt parses forms only for this exact header (§0.2). */
export const FORM = 'application/x-www-form-urlencoded';

/** How to sign one request (defaults: correctly, now). */
export interface SignOptions {
  /** Seconds to add to "now" for the timestamp (negative = stale, positive = future). */
  skewSec?: number;
  /** Sign with another secret. */
  secret?: string;
  /** Send no signature headers at all. */
  unsigned?: boolean;
  /** Change the body after signing (tampering). */
  tamper?: (raw: string) => string;
  /** Extra headers, e.g. `x-slack-retry-num`. */
  headers?: Record<string, string>;
}

/** A raw request: body and content type. */
export interface RawRequest {
  body: string;
  contentType: string;
}

/** The slash command form body (§3.1). */
export function commandRequest(fields: {
  team_id: string;
  channel_id: string;
  user_id: string;
  user_name?: string;
  text: string;
  command?: string;
  trigger_id?: string;
  response_url: string;
}): RawRequest {
  const form = new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: fields.team_id,
    team_domain: 'standin',
    channel_id: fields.channel_id,
    channel_name: 'marketing',
    user_id: fields.user_id,
    user_name: fields.user_name ?? fields.user_id.toLowerCase(),
    command: fields.command ?? '/tiktok-ad',
    text: fields.text,
    api_app_id: 'A0TEST',
    is_enterprise_install: 'false',
    response_url: fields.response_url,
    trigger_id: fields.trigger_id ?? `${Date.now()}.${Math.floor(Math.random() * 1e9)}.trigger`,
  });
  return { body: form.toString(), contentType: FORM };
}

/** An Events API `event_callback` envelope (§3.2), JSON. */
export function eventRequest(
  team_id: string,
  event: Record<string, unknown>,
  event_id = `Ev${Math.random().toString(36).slice(2, 12).toUpperCase()}`,
  bot_user_id = 'U0BOT',
): RawRequest {
  const envelope = {
    token: 'legacy-verification-token',
    team_id,
    api_app_id: 'A0TEST',
    type: 'event_callback',
    event_id,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id,
        user_id: bot_user_id,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    context_team_id: team_id,
    context_enterprise_id: null,
    event,
  };
  return { body: JSON.stringify(envelope), contentType: 'application/json' };
}

let actionSeq = 0;

/** A unique `action_ts` like Slack's (`<seconds>.<fraction>`). */
function nextActionTs(): string {
  actionSeq += 1;
  return `${Math.floor(Date.now() / 1000)}.${String(actionSeq).padStart(6, '0')}`;
}

/** A `block_actions` payload (§3.3), form-encoded as `payload=<json>`. */
export function blockActionsRequest(fields: {
  team_id: string;
  user_id: string;
  /** The clicker's home workspace when not `team_id` (a Slack Connect user). */
  user_team_id?: string;
  channel: string;
  message_ts: string;
  thread_ts?: string;
  action_id: string;
  value?: string;
  /** A `multi_static_select` pick: the chosen option values (instead of a button). */
  selected_options?: string[];
  response_url: string;
}): RawRequest {
  const payload = {
    type: 'block_actions',
    api_app_id: 'A0TEST',
    token: 'legacy-verification-token',
    trigger_id: `${Date.now()}.trigger`,
    team: { id: fields.team_id, domain: 'standin' },
    user: {
      id: fields.user_id,
      username: fields.user_id.toLowerCase(),
      name: fields.user_id.toLowerCase(),
      team_id: fields.user_team_id ?? fields.team_id,
    },
    channel: { id: fields.channel, name: 'marketing' },
    container: {
      type: 'message',
      message_ts: fields.message_ts,
      channel_id: fields.channel,
      is_ephemeral: false,
    },
    message: {
      type: 'message',
      ts: fields.message_ts,
      ...(fields.thread_ts ? { thread_ts: fields.thread_ts } : {}),
      text: '…',
      blocks: [],
    },
    state: { values: {} },
    response_url: fields.response_url,
    actions: [
      fields.selected_options
        ? {
            type: 'multi_static_select',
            action_id: fields.action_id,
            block_id: 'b1',
            selected_options: fields.selected_options.map((value) => ({
              text: { type: 'plain_text', text: value },
              value,
            })),
            action_ts: nextActionTs(),
          }
        : {
            type: 'button',
            action_id: fields.action_id,
            block_id: 'b1',
            ...(fields.value !== undefined ? { value: fields.value } : {}),
            text: { type: 'plain_text', text: 'Button' },
            action_ts: nextActionTs(),
          },
    ],
  };
  return {
    body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString(),
    contentType: FORM,
  };
}

/** Posts `request` to `url`, signed with `secret` as Slack would (or mis-signed per `options`). */
export async function sendSigned(
  url: string,
  secret: string,
  request: RawRequest,
  options: SignOptions = {},
): Promise<{ status: number; body: string }> {
  const ts = Math.floor(Date.now() / 1000) + (options.skewSec ?? 0);
  const signature = options.unsigned
    ? {}
    : slackSignature(options.secret ?? secret, request.body, ts);
  const body = options.tamper ? options.tamper(request.body) : request.body;
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': request.contentType, ...signature, ...options.headers },
    body,
  });
  return { status: response.status, body: await response.text() };
}
