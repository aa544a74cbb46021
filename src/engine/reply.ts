import type { AdDraft, AdFormat, DraftField } from '../ad/draft';
import type { Violation } from '../ad/violation';
import type { ActionId } from './chat-event';
import type { ThreadId } from './thread-id';

/** Where a TikTok error comes from, as the user needs to act on it. See `tiktok/errors.ts`. */
export type ErrorClass = 'auth' | 'permission' | 'validation' | 'rate_limit' | 'transient';

/** A button the adapter renders (Slack button, Discord component, terminal `/command`). */
export interface SuggestedAction {
  action_id: ActionId;
  label: string;
}

/** One step of a submission as shown in the progress block. */
export interface ProgressStep {
  step: 'campaign' | 'adgroup' | 'ad';
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
  | { type: 'text'; text: string; tone?: 'info' | 'success' | 'warning' | 'error' }
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
      type: 'approval_request';
      /** User ids that approved the current version. */
      approved_by: string[];
      required: number;
      /** Emoji name (without colons) that approves, e.g. `white_check_mark`. */
      approve_emoji: string;
      reject_emoji: string;
      requester_id: string;
      self_approval_allowed: boolean;
    }
  | { type: 'progress'; steps: ProgressStep[] }
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
 * `audience: 'requester'` means a private message to the requester (DM), never the thread.
 */
export interface Reply {
  thread_id: ThreadId;
  blocks: Block[];
  key?: string;
  audience?: 'thread' | 'requester';
}

/** Receives replies as the engine produces them, so long steps can show progress. */
export type ReplySink = (reply: Reply) => Promise<void> | void;
