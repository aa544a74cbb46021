import type { Platform, ThreadId } from './thread-id';

/**
 * A chat user as the platform knows them. `id` is Slack's user id (`U…`), Discord's user
 * snowflake, or `local` in the terminal. Together with platform and workspace it names the
 * person whose TikTok account is used.
 */
export interface ChatUser {
  id: string;
  name?: string;
  /** True for bots (including this one); their messages and reactions never count. */
  is_bot?: boolean;
  /**
   * Groups the user is in, when an approval needs it (settings `approvers`): Discord role ids,
   * Slack user-group ids (`S…`). Filled by adapters; absent means "not known / none".
   */
  groups?: string[];
  /**
   * Set by adapters when the user is not one of the workspace's own people, so their approval
   * never counts unless `APPROVERS` names their id:
   * - `other_organization`: Slack Connect, a user of another organization (their `team_id` is
   *   not the workspace's, nor their enterprise the workspace's enterprise);
   * - `not_a_member`: Discord, not a member of the thread's guild;
   * - `unverified`: the platform could not say which (the lookup failed); fails closed.
   * Absent: a member (or not checked: the terminal, non-vote events).
   */
  outside?: 'other_organization' | 'not_a_member' | 'unverified';
}

/**
 * A file attached to a message, already downloaded by the adapter (Slack `url_private_download`
 * with the bot token, a Discord attachment URL, a path in the terminal). The engine reads its
 * type from `data`, never from `name` or `content_type`.
 */
export interface ChatFile {
  /** File name as uploaded, e.g. `summer-jingle.mp3`. */
  name: string;
  /** MIME type when the platform gives one, e.g. `audio/mpeg` (informative only). */
  content_type?: string;
  /** The bytes; empty when the download failed. */
  data: Buffer;
  /** Why the adapter could not download the file (e.g. `HTTP 404`); then `data` is empty. */
  download_error?: string;
}

/** Buttons and commands the engine understands. Adapters map their UI onto these. */
export const ACTION_IDS = [
  'approve',
  'reject',
  'retry',
  'edit',
  'status',
  'reset',
  'link_account',
  'unlink_account',
  'choose_advertiser',
  'audit',
  'choose_media',
  'media_page',
] as const;

/** One of {@link ACTION_IDS}. */
export type ActionId = (typeof ACTION_IDS)[number];

/** Whether `name` (e.g. decoded from a button id) is an engine action. */
export function isActionId(name: string): name is ActionId {
  return (ACTION_IDS as readonly string[]).includes(name);
}

interface ChatEventBase {
  /**
   * Unique per delivery source: Slack's `event_id` (or channel+ts), Discord's message or
   * interaction id, a counter in the terminal. The engine handles each id once.
   */
  event_id: string;
  thread_id: ThreadId;
  platform: Platform;
  /** Slack `team_id`, Discord guild id, `local` in the terminal. */
  workspace_id: string;
  channel_id: string;
  user: ChatUser;
}

/**
 * Everything an adapter can hand the engine, normalized across platforms.
 *
 * - `start`: the slash command (`/tiktok-ad [words]`) opened this thread; `text` is the words.
 * - `message`: a human message in a thread the bot owns.
 * - `reaction`: an emoji added to or removed from a bot message; `emoji` is the platform's
 *   name without colons (`white_check_mark`) or the unicode character (`✅`).
 * - `action`: a button click or terminal command; `value` carries the button's value
 *   (the advertiser id for `choose_advertiser`).
 * - `card_key` (reaction, action): the reply `key` of the bot message reacted on or clicked,
 *   when that message was posted for a keyed reply (approval cards are); adapters remember it.
 * - `account_linked`: not from the platform but from our OAuth callback: `user` just linked a
 *   TikTok account from a link asked for in this thread, so a waiting submit can go on.
 * - `submission_resume`: not from the platform but from the resumer (`submission/resume.ts`):
 *   this thread's submission was cut off when its process died; go on with it. `user` is the
 *   requester.
 */
export type ChatEvent =
  | (ChatEventBase & { type: 'start'; text: string })
  | (ChatEventBase & {
      type: 'message';
      text: string;
      files?: ChatFile[];
      /**
       * The adapter knows the thread was opened by `/tiktok-ad` (Slack: a root the bot posted;
       * Discord: a thread the bot owns). Without saved state it is then a lost draft, said so,
       * never a new one started unasked.
       */
      thread_started?: boolean;
    })
  | (ChatEventBase & { type: 'reaction'; emoji: string; added: boolean; card_key?: string })
  | (ChatEventBase & { type: 'action'; action_id: ActionId; value?: string; card_key?: string })
  | (ChatEventBase & { type: 'account_linked' })
  | (ChatEventBase & {
      type: 'submission_resume';
      /** What interrupted it: the process died (default), or the store failed and is back. */
      reason?: 'restart' | 'store_back';
    });

/** Where an event comes from and who sent it: the part every event shares. */
export type ChatEventEnvelope = ChatEventBase;

/** An event without its envelope (`type` and the type's own fields), e.g. `{type:'message', text}`. */
export type ChatEventPayload = ChatEvent extends infer E
  ? E extends ChatEvent
    ? Omit<E, keyof ChatEventBase>
    : never
  : never;
