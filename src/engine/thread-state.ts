import type { AdDraft, DraftField } from '../ad/draft';
import type { TranscriptLine } from '../model/turn';
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
 * Progress of one submission, saved after each TikTok step so a retry or a restart resumes.
 * `*_request_id` are the idempotency keys sent on campaign/adgroup create (TikTok body field
 * `request_id`, an int64 in a string); `ad_name` lets a retried ad/create be reconciled by
 * listing the ad group's ads, since ad/create has no idempotency key.
 */
export interface Submission {
  revision: number;
  advertiser_id: string;
  identity_id?: string;
  campaign_request_id: string;
  adgroup_request_id: string;
  ad_name: string;
  campaign_id?: string;
  adgroup_id?: string;
  /** Set just before ad/create is sent, so a resume knows to look before creating again. */
  ad_attempted?: boolean;
  ad_id?: string;
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
  submission?: Submission;
  last_failure?: FailureInfo;
  created_at: string;
  updated_at: string;
}
