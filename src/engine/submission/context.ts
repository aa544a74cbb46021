import type { AdsApi, ObjectLevel, TikTokAuth } from '../../tiktok/ads-api';
import type { ProgressStep } from '../reply';
import type { EngineSettings } from '../settings';
import type { ThreadState } from '../thread-state';

/**
 * One audit record of a submission (docs/reliability.md §10), handed to
 * {@link SubmitContext.audit}. Every record carries the thread, the draft, the submission key
 * and the advertiser; never a token or a secret.
 * - `submission_started`: with the content hash submitted.
 * - `tiktok_create`: a campaign / ad group / ad now exists: our `request_id` (the body
 *   idempotency key; none for ads), TikTok's envelope `tiktok_request_id`, the object id, and
 *   whether it was `adopted` (found by name after a lost reply or a 40050) instead of created.
 * - `tiktok_enable`: an object switched on (`operation_status: ENABLE`).
 * - `cleanup`: an earlier attempt's object deleted, reused, or its budget updated.
 * - `submission_finished`: all three exist and are enabled.
 * - `submission_failed`: with TikTok's code and class when TikTok answered.
 */
export type SubmissionAuditRecord = SubmissionAuditBase &
  (
    | { event: 'submission_started'; content_hash: string }
    | {
        event: 'tiktok_create';
        level: ObjectLevel;
        object_id: string;
        request_id?: string;
        tiktok_request_id?: string;
        adopted: boolean;
      }
    | { event: 'tiktok_enable'; level: ObjectLevel; object_id: string; tiktok_request_id?: string }
    | {
        event: 'cleanup';
        action: 'deleted' | 'reused' | 'budget_updated';
        level: ObjectLevel;
        object_id: string;
        tiktok_request_id?: string;
      }
    | { event: 'submission_finished'; campaign_id: string; adgroup_id: string; ad_id: string }
    | {
        event: 'submission_failed';
        code?: number;
        error_class?: string;
        message: string;
        tiktok_request_id?: string;
      }
  );

/** What every {@link SubmissionAuditRecord} carries. `at` is ISO 8601 (server clock). */
export interface SubmissionAuditBase {
  at: string;
  thread_id: string;
  workspace_id: string;
  draft_id: string;
  submission_key: string;
  advertiser_id: string;
}

/** What the submission runner needs: TikTok, where to save, where to show progress. */
export interface SubmitContext {
  ads: AdsApi;
  auth: TikTokAuth;
  settings: EngineSettings;
  /** Saves the state; called after every step so a crash loses nothing TikTok already made. */
  persist: (state: ThreadState) => Promise<void>;
  /** Shows the steps (replaces the previous progress message). */
  progress: (steps: ProgressStep[]) => Promise<void>;
  /** Tells the thread something (what an edited draft reused or cleaned up). Default: nothing. */
  notify?: (text: string) => Promise<void>;
  /** Receives the audit records of the submission. Default: none kept. */
  audit?: (record: SubmissionAuditRecord) => Promise<void>;
  /** The submissions-in-flight index (so a restart finds this one). Default: none. */
  inflight?: InflightIndex;
  /** This process's owner id (`ProcessOwner.id`), saved on the submission. */
  owner?: string;
  /** Waits between ad/create attempts whose outcome was unknown. Default `setTimeout`. */
  sleep?: (ms: number) => Promise<void>;
  now: () => Date;
}

/** The set of threads whose submission is in flight (`Keys.submissionsInFlight`). */
export interface InflightIndex {
  add(thread_id: string): Promise<void>;
  remove(thread_id: string): Promise<void>;
}

/** The ids of a finished submission. */
export interface SubmittedIds {
  advertiser_id: string;
  campaign_id: string;
  adgroup_id: string;
  ad_id: string;
}
