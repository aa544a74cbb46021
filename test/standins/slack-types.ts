/** The shapes the Slack stand-in's files share (messages as kept, options, method handlers). */

/** Message metadata as Slack keeps it (https://docs.slack.dev/messaging/message-metadata). */
export interface StandInMetadata {
  event_type: string;
  event_payload: Record<string, unknown>;
}

/** A message as it stands now in the stand-in's workspace. */
export interface StandInMessage {
  channel: string;
  ts: string;
  thread_ts?: string;
  text: string;
  blocks: unknown[];
  /** The `metadata` it was posted with, if any. */
  metadata?: StandInMetadata;
  /** Every version, first post included (so updates can be inspected). */
  versions: Array<{ text: string; blocks: unknown[] }>;
}

/** Options of the Slack stand-in (`SlackWorkspace`, `SlackStandIn`). */
export interface SlackStandInOptions {
  /** Bot tokens the stand-in accepts (others get `invalid_auth`). Default `['xoxb-test']`. */
  tokens?: string[];
  team_id?: string;
  bot_user_id?: string;
  bot_id?: string;
}

/** One Web API method: its parsed arguments and token → the answer's fields (`ok` added). */
export type Handler = (
  params: Record<string, unknown>,
  token: string | undefined,
) => Record<string, unknown>;
