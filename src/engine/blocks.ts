import type { BudgetSettings } from '../ad/budget';
import { adFormatOf } from '../ad/draft';
import { effectiveBudget, missingFields } from '../ad/draft-rules';
import { contentHash, shortHash } from './content-hash';
import { APPROVE_EMOJI_NAME, REJECT_EMOJI_NAME } from './emoji';
import type { Block } from './reply';
import type { EngineSettings } from './settings';
import type { ThreadState } from './thread-state';

/** The ad preview card for the thread's current draft. */
export function previewBlock(state: ThreadState, budget: BudgetSettings): Block {
  return {
    type: 'ad_preview',
    draft: state.draft,
    budget: effectiveBudget(state.draft, budget) ?? 0,
    currency: budget.currency,
    ad_format: adFormatOf(state.draft),
    missing: missingFields(state.draft, budget),
  };
}

/**
 * The approval request: who approved, how many are needed, how to approve, and the short
 * content hash of the version it approves.
 */
export function approvalBlock(state: ThreadState, settings: EngineSettings): Block {
  const approvers = settings.approvers ?? [];
  return {
    type: 'approval_request',
    approved_by: state.approvals.map((a) => a.user),
    content_hash: shortHash(contentHash(state.draft, settings)),
    ...(approvers.length > 0 ? { approvers } : {}),
    required: settings.approvals_required,
    approve_emoji: APPROVE_EMOJI_NAME,
    reject_emoji: REJECT_EMOJI_NAME,
    requester_id: state.requester.id,
    self_approval_allowed: settings.allow_self_approval,
  };
}
