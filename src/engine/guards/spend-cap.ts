import { effectiveBudget } from '../../ad/draft-rules';
import type { AuditFields } from '../../audit/record';
import type { Keys } from '../../store/keys';
import type { StateStore } from '../../store/state-store';
import type { Block } from '../reply';
import type { EngineSettings } from '../settings';
import type { ThreadState } from '../thread-state';

/** Reservations are kept two days, past any time zone's end of the UTC day. */
const DAY_TTL_MS = 48 * 60 * 60 * 1000;

/** The outcome of a spend-cap check: go on, or the refusal with the figures. */
export type SpendCheck = { ok: true } | { ok: false; block: Block; audit: AuditFields };

/**
 * `WORKSPACE_DAILY_BUDGET_CAP` (docs/reliability.md §9: an admin-set hard cap per
 * workspace): reserves this draft's daily budget against the sum of the daily budgets the
 * workspace launched on this UTC day, atomically (`StateStore.reserveWithinCap`, one Lua script
 * on Redis), so concurrent submissions can never pass the cap together. The reservation is per
 * draft attempt (thread + draft creation time), so a retry or resume of the same draft never
 * counts twice; a failed submission keeps its reservation for the day. No cap set: always ok.
 * A refusal marks `state` failed (mutated; its `last_failure` says why), so "Try again" (retry)
 * checks again, and carries the message with that button and the audit record to write.
 */
export async function reserveDailyBudget(
  store: StateStore,
  keys: Keys,
  state: ThreadState,
  settings: EngineSettings,
  now: Date,
): Promise<SpendCheck> {
  const cap = settings.guards?.workspace_daily_budget_cap;
  if (cap === null || cap === undefined) return { ok: true };
  const requested = effectiveBudget(state.draft, settings.budget) ?? 0;
  const day = now.toISOString().slice(0, 10);
  const result = await store.reserveWithinCap(
    keys.spendDay(`${state.platform}:${state.workspace_id}`, day),
    `${state.thread_id}#${state.created_at}`,
    requested,
    cap,
    DAY_TTL_MS,
  );
  if (result.ok) return { ok: true };
  // Not submitted: the draft counts as failed, so Try again (retry) checks the cap again.
  state.status = 'failed';
  state.last_failure = {
    error_class: 'validation',
    message: 'workspace daily budget cap reached',
    at: now.toISOString(),
  };
  const currency = settings.budget.currency;
  const launched = result.total;
  const left = Math.max(0, cap - launched);
  return {
    ok: false,
    audit: { kind: 'spend_refused', actor: 'system', launched, requested, cap, currency },
    block: {
      type: 'text',
      tone: 'error',
      actions: [{ action_id: 'retry', label: 'Try again' }],
      text: `Not submitted: this workspace already launched ${launched} ${currency} of daily budgets today (UTC), and this ad's ${requested} ${currency} would make ${launched + requested} ${currency}, over the cap of ${cap} ${currency} a day (WORKSPACE_DAILY_BUDGET_CAP). ${left > 0 ? `Lower the budget to ${left} ${currency} or less, or try again tomorrow.` : 'Try again tomorrow (UTC).'} Nothing was sent to TikTok.`,
    },
  };
}
