import { createHash, randomUUID } from 'node:crypto';
import { effectiveBudget } from '../../ad/draft-rules';
import { BotError } from '../../errors/bot-error';
import { objectNames } from '../../tiktok/object-names';
import { adBody, adGroupBody, campaignBody, idempotencyKey } from '../../tiktok/payloads';
import { canonicalJson } from '../content-hash';
import type { EngineSettings } from '../settings';
import type { Submission, ThreadState } from '../thread-state';

/** A new random draft id (UUID v4). */
export function newDraftId(): string {
  return randomUUID();
}

/**
 * The submission key: SHA-256 (hex) of `draft_id|content_hash|advertiser_id`. A different
 * draft (a reset, another terminal session), an edit, or another advertiser always gives
 * another key, so no two of them ever share TikTok objects.
 */
export function submissionKey(draft_id: string, content_hash: string, advertiser_id: string) {
  return createHash('sha256').update(`${draft_id}|${content_hash}|${advertiser_id}`).digest('hex');
}

/** A fresh submission record for `key`: request ids and tagged names derived from it. */
export function newSubmission(
  state: ThreadState,
  draft_id: string,
  content_hash: string,
  advertiser_id: string,
  now: Date,
): Submission {
  const key = submissionKey(draft_id, content_hash, advertiser_id);
  const names = objectNames(state.draft.campaign_name ?? 'Ad', key.slice(0, 8));
  return {
    key,
    draft_id,
    content_hash,
    revision: state.revision,
    advertiser_id,
    campaign_request_id: idempotencyKey(key, 'campaign'),
    adgroup_request_id: idempotencyKey(key, 'adgroup'),
    ...names,
    started_at: now.toISOString(),
  };
}

/** The daily budget the ad group gets. @throws BotError `draft_incomplete` when there is none (not configured). */
export function budgetOf(state: ThreadState, settings: EngineSettings): number {
  const budget = effectiveBudget(state.draft, settings.budget);
  if (budget === null)
    throw new BotError('draft_incomplete', 'Draft has no budget and no default is configured');
  return budget;
}

function hashOf(body: Record<string, unknown>, drop: string[]): string {
  const kept = Object.fromEntries(Object.entries(body).filter(([k]) => !drop.includes(k)));
  return createHash('sha256').update(canonicalJson(kept)).digest('hex');
}

/**
 * Per-object hashes of the create bodies this draft sends, without what differs between two
 * attempts of the same content (names, ids, request ids, start time) and, for the ad group,
 * without the budget (which adgroup/update can change in place). Equal hashes mean an earlier
 * attempt's object can be reused as it is.
 */
export function partHashes(
  state: ThreadState,
  settings: EngineSettings,
  identity: { identity_id: string; display_name: string },
): { campaign: string; adgroup: string; ad: string } {
  const { draft } = state;
  const campaign = campaignBody(draft, '0', draft.campaign_name ?? '');
  const adgroup = adGroupBody(draft, '0', 0, '0', settings.targeting, new Date(0), '');
  const ad = adBody(draft, '0', '', identity.identity_id, identity.display_name);
  return {
    campaign: hashOf({ ...campaign, base_name: draft.campaign_name }, [
      'campaign_name',
      'request_id',
    ]),
    adgroup: hashOf({ ...adgroup, base_name: draft.campaign_name }, [
      'adgroup_name',
      'campaign_id',
      'request_id',
      'budget',
      'schedule_start_time',
    ]),
    ad: hashOf(ad, ['adgroup_id']),
  };
}

/** Whether an unfinished attempt left (or may have left) objects at TikTok. */
export function leftObjects(sub: Submission): boolean {
  return Boolean(
    sub.campaign_id || sub.campaign_attempted || sub.replaces || sub.adgroup_id || sub.ad_id,
  );
}

/**
 * The state a thread starts over with: `fresh`, keeping the unfinished attempts of `saved` (and
 * those it kept) in `abandoned`, so the next submission deletes their switched-off objects.
 */
export function startOver(saved: ThreadState, fresh: ThreadState): ThreadState {
  const abandoned = [...(saved.abandoned ?? [])];
  const sub = saved.submission;
  if (sub && !sub.finished_at && leftObjects(sub)) abandoned.push(sub);
  if (abandoned.length > 0) fresh.abandoned = abandoned;
  return fresh;
}
