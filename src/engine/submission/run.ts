import type { ObjectLevel, TikTokAuth } from '../../tiktok/ads-api';
import { isDuplicatedRequest, isOutcomeUnknown } from '../../tiktok/errors';
import type { ProgressStep } from '../reply';
import type { Submission, ThreadState } from '../thread-state';
import type { SubmissionAuditRecord, SubmitContext } from './context';

/** A distributive `Omit`, so each audit record variant keeps its own fields. */
type WithoutBase<T> = T extends unknown
  ? Omit<T, 'at' | 'thread_id' | 'workspace_id' | 'draft_id' | 'submission_key' | 'advertiser_id'>
  : never;

/** Tries of one create whose outcome stays unknown (no reply, 5xx, 40050 not yet listed). */
export const CREATE_ATTEMPTS = 3;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One submission attempt in progress: the state being saved, its submission record, the
 * context, and the progress steps shown. Helpers save, show and audit in one place.
 */
export class SubmissionRun {
  readonly steps: ProgressStep[];
  readonly auth: TikTokAuth;

  constructor(
    readonly state: ThreadState,
    readonly sub: Submission,
    readonly ctx: SubmitContext,
  ) {
    this.auth = ctx.auth;
    const step = (
      name: ProgressStep['step'],
      label: string,
      id: string | undefined,
    ): ProgressStep =>
      id ? { step: name, label, status: 'done', id } : { step: name, label, status: 'pending' };
    const allOn = (sub.enabled?.length ?? 0) === 3;
    this.steps = [
      step('campaign', 'Campaign', sub.campaign_id),
      step('adgroup', 'Ad group', sub.adgroup_id),
      step('ad', 'Ad', sub.ad_id),
      { step: 'enable', label: 'Switch all on', status: allOn ? 'done' : 'pending' },
    ];
  }

  /** Saves the thread state (every step's result is saved before the next TikTok call). */
  save(): Promise<void> {
    return this.ctx.persist(this.state);
  }

  /** Updates one progress step and shows the steps. */
  async mark(step: ProgressStep['step'], status: ProgressStep['status'], id?: string) {
    const shown = this.steps.find((candidate) => candidate.step === step);
    if (shown) {
      shown.status = status;
      if (id) shown.id = id;
    }
    await this.ctx.progress(this.steps.map((each) => ({ ...each })));
  }

  /** Hands one audit record to the context's hook (if any), with the common fields filled in. */
  async audit(record: WithoutBase<SubmissionAuditRecord>): Promise<void> {
    if (!this.ctx.audit) return;
    await this.ctx.audit({
      at: this.ctx.now().toISOString(),
      thread_id: this.state.thread_id,
      workspace_id: this.state.workspace_id,
      draft_id: this.sub.draft_id ?? '',
      submission_key: this.sub.key ?? '',
      advertiser_id: this.sub.advertiser_id,
      ...record,
    } as SubmissionAuditRecord);
  }

  sleep(ms: number): Promise<void> {
    return (this.ctx.sleep ?? defaultSleep)(ms);
  }
}

/** How to make one object, and find it again by its unique name. */
export interface CreateSpec {
  level: ObjectLevel;
  /** Whether a create may already have been sent (saved flag). */
  attempted: () => boolean;
  markAttempted: () => void;
  create: () => Promise<{ id: string; request_id?: string }>;
  /**
   * After a create that may have gone out: the object it made, if it exists (by the
   * submission's unique name, or for the campaign by `findSentCampaign`).
   */
  find: () => Promise<string | undefined>;
  /**
   * Looked at before the first create when no create is saved as attempted: the saved state
   * may have gone back in time (a Redis restore from an older snapshot), so the object may
   * exist though nothing says so. Ad group and ad: `find` itself (their names carry the
   * submission's tag). Campaign: only a campaign holding this submission's ad group.
   */
  lookFirst: () => Promise<string | undefined>;
  /** Our body `request_id` (campaign, ad group), for the audit trail. */
  our_request_id?: string;
  /**
   * Creates to send at most. 1 for campaign and ad group: the transport already resends
   * those with the same `request_id`, which is safe. {@link CREATE_ATTEMPTS} for the ad, which
   * the transport never resends.
   */
  attempts: number;
}

/**
 * Creates one object at most once (docs/reliability.md §5 step 3). Nothing is created blind:
 * before the first create the object is looked for (`lookFirst`) whatever the saved state
 * says, and if a create may already have gone out (saved `attempted` flag: a crash, or an
 * earlier try), it is looked up with `find` and adopted. A create that answers 40050 DUPLICATED_REQUEST or whose outcome is
 * unknown (no reply, HTTP 5xx, 5xxxx) is followed by the same look-up; only when the object is
 * not there is it sent again, up to `spec.attempts` creates in all. Anything else TikTok answers
 * (validation, auth, permission, rate limit after the transport's retries) is thrown as is.
 * @returns the object id.
 */
export async function createOnce(run: SubmissionRun, spec: CreateSpec): Promise<string> {
  let lastError: unknown;
  for (let attempt = 1; attempt <= spec.attempts; attempt++) {
    const look = spec.attempted() ? spec.find : attempt === 1 ? spec.lookFirst : undefined;
    const found = look ? await look() : undefined;
    if (found) {
      await run.audit({
        event: 'tiktok_create',
        level: spec.level,
        object_id: found,
        adopted: true,
        ...(spec.our_request_id ? { request_id: spec.our_request_id } : {}),
      });
      return found;
    }
    spec.markAttempted();
    await run.save();
    try {
      const created = await spec.create();
      await run.audit({
        event: 'tiktok_create',
        level: spec.level,
        object_id: created.id,
        adopted: false,
        ...(spec.our_request_id ? { request_id: spec.our_request_id } : {}),
        ...(created.request_id ? { tiktok_request_id: created.request_id } : {}),
      });
      return created.id;
    } catch (error) {
      if (!isDuplicatedRequest(error) && !isOutcomeUnknown(error)) throw error;
      lastError = error;
      if (attempt < spec.attempts) await run.sleep(200 * attempt);
    }
  }
  // One last look: the final try may have gone through.
  const found = await spec.find();
  if (found) {
    await run.audit({ event: 'tiktok_create', level: spec.level, object_id: found, adopted: true });
    return found;
  }
  throw lastError;
}
