import {
  type ChatEvent,
  type ChatFile,
  type ChatUser,
  type ThreadId,
  threadIdOf,
} from '../../src/engine/ports';
import { engineActionOf } from './actions';
import type { SlackFile } from './files';
import { plainTextOf } from './mrkdwn';

/**
 * Slack payloads → `ChatEvent`s. Pure functions over the few fields we read, named as Slack
 * names them (docs/slack.md §3). No I/O: the listeners look up threads and claim
 * deliveries, then call these.
 */

/** `slack:<team_id>:<channel>:<thread_ts>`. */
export function slackThreadId(team_id: string, channel: string, thread_ts: string): ThreadId {
  return threadIdOf({ platform: 'slack', workspace: team_id, channel, thread: thread_ts });
}

/** The slash command fields we use (Slack sends them form-encoded: §3.1). */
export interface SlashCommandFields {
  team_id: string;
  channel_id: string;
  user_id: string;
  user_name?: string;
  text: string;
  trigger_id: string;
}

/** A `message` or `app_mention` inner event (Events API, §3.2). */
export interface MessageFields {
  channel: string;
  user?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  /** In a thread: who posted its root (the bot's user id for a draft thread it started). */
  parent_user_id?: string;
  subtype?: string;
  bot_id?: string;
  /** `file_share` messages: the attached files. */
  files?: SlackFile[];
}

/** A `reaction_added` / `reaction_removed` inner event. */
export interface ReactionFields {
  user: string;
  reaction: string;
  item: { type: string; channel?: string; ts?: string };
}

/** The `block_actions` fields we use (§3.3). */
export interface BlockActionFields {
  team: { id: string } | null;
  /** `team_id`: the clicker's home workspace (another organization's in Slack Connect). */
  user: { id: string; name?: string; username?: string; team_id?: string };
  channel?: { id: string };
  container?: { channel_id?: string; message_ts?: string };
  message?: { ts: string; thread_ts?: string };
}

/** One clicked element of a `block_actions` payload. */
export interface ClickedAction {
  action_id: string;
  action_ts: string;
  value?: string;
  /** `multi_static_select`: every option chosen. */
  selected_options?: { value: string }[];
  /** `static_select`: the option chosen. */
  selected_option?: { value: string };
}

function userOf(id: string, name?: string, botUserId?: string): ChatUser {
  const user: ChatUser = { id };
  if (name) user.name = name;
  if (botUserId !== undefined && id === botUserId) user.is_bot = true;
  return user;
}

/** Message subtypes that are still a person writing in the thread (others are ignored). */
const HUMAN_SUBTYPES = new Set([undefined, 'thread_broadcast', 'file_share']);

/**
 * The thread root a message replies to, or `null` when the message is not a human reply in a
 * thread: top-level posts, bot posts (`bot_id`, or our own user), edits/deletes and other
 * subtypes (`message_changed`, `message_deleted`, `channel_join`, …) are not conversation turns.
 */
export function threadRootOf(event: MessageFields, botUserId?: string): string | null {
  if (!HUMAN_SUBTYPES.has(event.subtype)) return null;
  if (event.bot_id !== undefined || !event.user || event.user === botUserId) return null;
  if (!event.thread_ts || event.thread_ts === event.ts) return null;
  return event.thread_ts;
}

/** The engine event id of a slash command (its `trigger_id` is unique per invocation). */
export function startEventId(trigger_id: string): string {
  return `slack:command:${trigger_id}`;
}

/** The `start` event of a slash command whose root message is `thread_ts`. */
export function startEvent(command: SlashCommandFields, thread_ts: string): ChatEvent {
  return {
    type: 'start',
    event_id: startEventId(command.trigger_id),
    thread_id: slackThreadId(command.team_id, command.channel_id, thread_ts),
    platform: 'slack',
    workspace_id: command.team_id,
    channel_id: command.channel_id,
    user: userOf(command.user_id, command.user_name),
    text: plainTextOf(command.text ?? ''),
  };
}

/** The `message` event of a human reply in thread `thread_ts` (see {@link threadRootOf}). */
export function messageEvent(
  team_id: string,
  event: MessageFields & { user: string },
  thread_ts: string,
  botUserId?: string,
  files: ChatFile[] = [],
): ChatEvent {
  return {
    type: 'message',
    event_id: `slack:message:${team_id}:${event.channel}:${event.ts}`,
    thread_id: slackThreadId(team_id, event.channel, thread_ts),
    platform: 'slack',
    workspace_id: team_id,
    channel_id: event.channel,
    user: userOf(event.user, undefined, botUserId),
    text: plainTextOf(event.text ?? '', botUserId),
    // The listeners hand over only replies in threads whose root the bot posted.
    thread_started: true,
    ...(files.length > 0 ? { files } : {}),
  };
}

/** The `reaction` event for an emoji on a bot message of thread `thread_id`. */
export function reactionEvent(
  event_id: string,
  team_id: string,
  event: ReactionFields,
  thread_id: ThreadId,
  added: boolean,
  botUserId?: string,
  card_key?: string,
): ChatEvent {
  return {
    ...(card_key === undefined ? {} : { card_key }),
    type: 'reaction',
    event_id: `slack:${event_id}`,
    thread_id,
    platform: 'slack',
    workspace_id: team_id,
    channel_id: event.item.channel ?? '',
    user: userOf(event.user, undefined, botUserId),
    // Skin tones arrive as `+1::skin-tone-2`; the name before `::` is the emoji.
    emoji: event.reaction.split('::')[0] ?? event.reaction,
    added,
  };
}

/**
 * The `action` event of a button click on a bot message of thread `thread_id`, or `null` for
 * buttons that are not engine actions (the link button only opens a URL).
 */
export function actionEvent(
  body: BlockActionFields,
  action: ClickedAction,
  thread_id: ThreadId,
  team_id: string,
  channel: string,
  card_key?: string,
): ChatEvent | null {
  const action_id = engineActionOf(action.action_id);
  if (!action_id) return null;
  const event: ChatEvent = {
    ...(card_key === undefined ? {} : { card_key }),
    type: 'action',
    event_id: `slack:action:${team_id}:${channel}:${action.action_ts}:${body.user.id}`,
    thread_id,
    platform: 'slack',
    workspace_id: team_id,
    channel_id: channel,
    user: userOf(body.user.id, body.user.username ?? body.user.name),
    action_id,
  };
  // A menu's pick travels as its option values, joined by `,` (the engine's `choose_media`).
  const value = action.selected_options
    ? action.selected_options.map((o) => o.value).join(',')
    : (action.selected_option?.value ?? action.value);
  if (value !== undefined) event.value = value;
  return event;
}
