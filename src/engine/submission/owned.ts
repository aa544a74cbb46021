import type { Keys } from '../../store/keys';
import type { StateStore } from '../../store/state-store';
import type { ThreadState } from '../thread-state';
import type { SubmissionAuditRecord, SubmitContext, SubmittedIds } from './context';
import type { ProcessOwner } from './owner';
import { inflightIndex } from './resume';
import { runSubmission } from './submit-draft';

/** What {@link runOwnedSubmission} takes from the engine's dependencies. */
export interface OwnedSubmissionDeps {
  store: StateStore;
  keys: Keys;
  owner?: ProcessOwner;
  audit?: (record: SubmissionAuditRecord) => Promise<void>;
}

/**
 * {@link runSubmission} as a turn runs it: indexed as in flight, owned by this process (so the
 * resumer of another process leaves it alone while this one lives, and this one's resumer
 * does not start it a second time), with the audit hook.
 */
export async function runOwnedSubmission(
  deps: OwnedSubmissionDeps,
  state: ThreadState,
  ctx: Omit<SubmitContext, 'inflight' | 'owner' | 'audit'>,
): Promise<SubmittedIds> {
  const { owner } = deps;
  owner?.running.add(state.thread_id);
  try {
    return await runSubmission(state, {
      ...ctx,
      inflight: inflightIndex(deps.store, deps.keys),
      ...(owner ? { owner: owner.id } : {}),
      ...(deps.audit ? { audit: deps.audit } : {}),
    });
  } finally {
    owner?.running.delete(state.thread_id);
  }
}
