import type { AdDraft, AdFormat, DraftField } from '../ad/draft';
import type { Violation } from '../ad/violation';
import type { ActionId, ChatUser } from './chat-event';
import type { LibraryItem } from './media/library';
import type { ThreadId } from './thread-id';

/** Where a TikTok error comes from, as the user needs to act on it. See `tiktok/errors.ts`. */
export type ErrorClass = 'auth' | 'permission' | 'validation' | 'rate_limit' | 'transient';

/** A button the adapter renders (Slack button, Discord component, terminal `/command`). */
export interface SuggestedAction {
  action_id: ActionId;
  label: string;
  /** Sent back with the action, e.g. the advertiser id for `choose_advertiser`. */
  value?: string;
}

/** One step of a submission as shown in the progress block. */
export interface ProgressStep {
  /** `enable`: the final step that switches the three objects on, once all exist. */
  step: 'campaign' | 'adgroup' | 'ad' | 'enable';
  label: string;
  status: 'pending' | 'running' | 'done' | 'failed';
  /** The id TikTok returned, once `done`. */
  id?: string;
}

/**
 * Platform-neutral content blocks. Adapters render each into Block Kit, Discord embeds and
 * components, or terminal text; none of them carries platform markup.
 */
export type Block =
  | {
      type: 'text';
      text: string;
      tone?: 'info' | 'success' | 'warning' | 'error';
      /** Buttons offered with the text (terminal: the matching `/commands`). */
      actions?: SuggestedAction[];
    }
  | {
      type: 'ad_preview';
      draft: AdDraft;
      /** The budget that will be sent (the draft's, or the configured default). */
      budget: number;
      currency: string;
      ad_format: AdFormat | null;
      missing: DraftField[];
    }
  | { type: 'question'; field: DraftField; text: string; examples?: string[] }
  | { type: 'violations'; violations: Violation[] }
  | {
      /**
       * Library items to pick for the media question, one page of them, numbered across pages
       * (`position`, from 1). Render with thumbnails (`preview_url`) and a menu: several picks
       * (`multiple`, a carousel) or one (a single video). A pick sends action `choose_media`
       * with `value` = the chosen ids joined by `,`; another page is action `media_page` with
       * `value` = the page number. The terminal lists them numbered.
       */
      type: 'media_choice';
      kind: 'image' | 'video';
      multiple: boolean;
      items: Array<LibraryItem & { position: number }>;
      total: number;
      page: number;
      page_count: number;
      /** Ids the draft already has, pre-selected. */
      selected: string[];
    }
  | {
      type: 'approval_request';
      /** User ids that approved the current version. */
      approved_by: string[];
      required: number;
      /** Emoji name (without colons) that approves, e.g. `white_check_mark`. */
      approve_emoji: string;
      reject_emoji: string;
      requester_id: string;
      self_approval_allowed: boolean;
      /** Short content hash of the version this card approves (first 8 hex characters). */
      content_hash: string;
      /** When set, only these may approve (user ids, role or user-group ids). */
      approvers?: string[];
    }
  | { type: 'progress'; steps: ProgressStep[] }
  | {
      /**
       * A private link to connect a TikTok advertiser account (only ever in a reply with
       * `private_to`). `url` is our own start hop with a single-purpose link id, never an OAuth
       * `state`, code or token. Render as a link button.
       */
      type: 'link_account';
      url: string;
      /** How long the link works, in minutes. */
      expires_in_minutes: number;
      /**
       * Why linking is asked: a draft started (`draft`: checks of music and media need it),
       * before a submit, on request, or because the old link broke.
       */
      reason: 'draft' | 'submit' | 'requested' | 'relink';
    }
  | {
      /**
       * The requester's token reaches several advertiser accounts: one button per option, each
       * sending action `choose_advertiser` with `value` = the advertiser id.
       */
      type: 'advertiser_choice';
      requester_id: string;
      options: { advertiser_id: string; advertiser_name?: string }[];
    }
  | {
      type: 'result';
      advertiser_id: string;
      campaign_id: string;
      adgroup_id: string;
      ad_id: string;
    }
  | {
      type: 'remediation';
      error_class: ErrorClass;
      /** TikTok's numeric code when the failure came from TikTok. */
      code?: number;
      title: string;
      detail: string;
      /** TikTok's `request_id`, to quote in a support ticket. */
      request_id?: string;
      actions: SuggestedAction[];
    };

/**
 * What the engine says. `key`, when set, names a message that later replies with the same key
 * replace in place (Slack `chat.update`, Discord message edit), e.g. submission progress.
 * `private_to`, when set, means a private message to that user only (Slack
 * `conversations.open` + `chat.postMessage`, Discord `user.send` or an ephemeral fallback, the
 * terminal prints it marked private); such a reply never goes to the thread.
 */
export interface Reply {
  thread_id: ThreadId;
  blocks: Block[];
  key?: string;
  private_to?: ChatUser;
  /**
   * Shown only to this user in the thread where the platform allows it (Slack
   * `chat.postEphemeral`; Discord an ephemeral reply to their interaction); otherwise a thread
   * notice that pings no one. Used for refusals meant for one person.
   */
  ephemeral_to?: ChatUser;
  /**
   * Progress of work under way that no saved state reports yet (an upload to TikTok): sent at
   * once instead of being saved with the turn's state (the outbox), and never sent again after
   * a crash. Every other reply is sent only once the state it reports is saved.
   */
  live?: boolean;
  /**
   * Set by the engine when it delivers a saved reply: the id of its outbox entry, the same on
   * every attempt (a resend after a crash included). An adapter passes it to a platform that
   * drops a repeated post by such a key (Discord: message `nonce` with `enforce_nonce`), so a
   * crash between a post and its delivery mark does not show the reply twice.
   */
  delivery_id?: string;
  /**
   * Set by the engine with `delivery_id` when an earlier attempt to deliver this entry may have
   * reached the platform (its process died before the delivery mark, or the platform's answer
   * was a failure that can come after the post): an adapter without a nonce looks for the
   * `delivery_id` among what it posted before posting again. Absent on a first attempt.
   */
  delivery_retry?: boolean;
}

/** Receives replies as the engine produces them, so long steps can show progress. */
export type ReplySink = (reply: Reply) => Promise<void> | void;
