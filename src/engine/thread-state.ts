import type { AdDraft, DraftField } from '../ad/draft';
import type { TranscriptLine } from '../model/proposal';
import type { ChatUser } from './chat-event';
import type { ErrorClass } from './reply';
import type { Platform, ThreadId } from './thread-id';

/**
 * Draft lifecycle: `collecting -> ready -> awaiting_approval -> submitting -> submitted | failed`.
 * `awaiting_link`: approved, but the requester has no usable TikTok link yet (or must pick an
 * advertiser); the submit goes on when they link (event `account_linked`) or choose.
 * `ready` (complete and valid) moves to `awaiting_approval` in the same turn, when the approval
 * request is posted. Any edit after `ready` drops earlier approvals and goes back through
 * `collecting`/`ready`. `failed` keeps the draft; a retry resumes the submission.
 */
export type DraftStatus =
  | 'collecting'
  | 'ready'
  | 'awaiting_approval'
  | 'awaiting_link'
  | 'submitting'
  | 'submitted'
  | 'failed';

/**
 * Progress of one submission attempt, saved after each TikTok step so a retry or a restart
 * resumes. `key` = SHA-256 of `draft_id|content_hash|advertiser_id` (hex): no other draft,
 * session or edit can share it, and the `*_request_id`s (TikTok body `request_id`, an int64 in
 * a string) and the ad group and ad names (tagged with `key`'s first 8 characters) derive from
 * it; the campaign keeps the approved name exactly.
 * `*_attempted` is saved just before a create is sent, so a resume looks the object up by name
 * before creating it again (ad/create has no idempotency key). Objects are created `DISABLE`d;
 * `enabled` lists the levels switched on in the final step.
 */
export interface Submission {
  /** Absent on submissions saved before draft ids existed; such a record is never resumed. */
  key?: string;
  draft_id?: string;
  content_hash?: string;
  revision: number;
  advertiser_id: string;
  identity_id?: string;
  campaign_request_id: string;
  adgroup_request_id: string;
  campaign_name?: string;
  adgroup_name?: string;
  ad_name: string;
  campaign_attempted?: boolean;
  /**
   * What the campaign/create body said (`objective_type`, `budget_mode`,
   * `budget_optimize_on`), saved with `campaign_attempted`: a later look-up (cleanup after an
   * edit) adopts or deletes only a campaign that matches it, since the name is not unique.
   */
  campaign_fields?: Record<string, unknown>;
  adgroup_attempted?: boolean;
  campaign_id?: string;
  adgroup_id?: string;
  ad_attempted?: boolean;
  ad_id?: string;
  /**
   * Hashes of each object's create body without names, ids, request ids and times (and, for
   * the ad group, without the budget), so an edited draft can tell which objects it may reuse.
   */
  parts?: { campaign?: string; adgroup?: string; ad?: string };
  /** The ad group's daily budget as created or last updated. */
  adgroup_budget?: number;
  /** Levels switched on (`ENABLE`) in the final step, in order. */
  enabled?: ('campaign' | 'adgroup' | 'ad')[];
  /** An earlier unfinished attempt of this draft whose objects are being reused or deleted. */
  replaces?: Submission;
  /** The process running it (`ProcessOwner.id`); a restart resumes it when that one is gone. */
  owner?: string;
  started_at: string;
  finished_at?: string;
}

/** One approval: who, the content hash they approved (see `content-hash.ts`), and when. */
export interface Approval {
  user: string;
  name?: string;
  hash: string;
  at: string;
}

/**
 * An approval card as posted: `key` is the engine reply key adapters edit it by (Slack
 * `chat.update`, Discord message edit); `hash` is the content hash it shows.
 */
export interface ApprovalCard {
  key: string;
  hash: string;
}

/** The last submit failure, kept so `/status` and a retry can refer to it. */
export interface FailureInfo {
  error_class: ErrorClass;
  code?: number;
  message: string;
  request_id?: string;
  at: string;
}

/** Everything saved per thread (one JSON value under `Keys.thread`). */
export interface ThreadState {
  schema: 1;
  thread_id: ThreadId;
  /**
   * Random id of this draft (UUID), new with every new draft and every reset. Submissions are
   * keyed by it, so a later draft in the same thread never reuses an earlier one's objects.
   * Saved states from before it existed get one when loaded (`withDraftId`).
   */
  draft_id?: string;
  platform: Platform;
  workspace_id: string;
  channel_id: string;
  /** Who ran `/tiktok-ad`: their TikTok account is the one used. */
  requester: ChatUser;
  status: DraftStatus;
  draft: AdDraft;
  /** Bumped on every draft change; approvals are for one revision. */
  revision: number;
  /** Approvals of the current card, each bound to the content hash it approved. */
  approvals: Approval[];
  /** The approval card now current (its reply key and the content hash it shows). */
  card?: ApprovalCard;
  /**
   * Who last changed each payload field (user id by field): they count as editors of the
   * content and cannot approve it unless self-approval is allowed.
   */
  editors?: Partial<Record<DraftField, string>>;
  last_question: DraftField | null;
  /** The last few lines, for the model's context (never the whole transcript). */
  recent: TranscriptLine[];
  /**
   * The advertiser account this draft is for, when the requester's token reaches several and
   * they picked one (`choose_advertiser`). Unset with a single advertiser.
   */
  advertiser_id?: string;
  /** True once the requester was sent a private link for this draft (sent once, at its start). */
  link_offered?: boolean;
  /**
   * True once a question carried the "Still needed: … You can send several in one message."
   * line (said once per draft, see `askNext`).
   */
  several_offered?: boolean;
  /**
   * True while the music list (`music/choices.ts`) was shown and no music chosen since: "#2",
   * "the second one" or "the upbeat one" then pick from it.
   */
  music_listed?: boolean;
  /**
   * True when music was asked about before the requester's TikTok account was usable: the list
   * is shown by itself once it is (see `music/after-link.ts`), unless music was chosen since.
   */
  music_list_wanted?: boolean;
  submission?: Submission;
  /**
   * Unfinished attempts of drafts this thread started over from (their objects are switched
   * off); the next submission deletes them and says so.
   */
  abandoned?: Submission[];
  last_failure?: FailureInfo;
  created_at: string;
  updated_at: string;
}
