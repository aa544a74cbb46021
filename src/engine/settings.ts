import type { BudgetSettings } from '../ad/budget';

/**
 * What the engine needs from the settings (built from `Config` in `main.ts`).
 * - `approvals_required`: how many distinct approvals submit a draft (≥ 1).
 * - `allow_self_approval`: whether the requester's own approval counts (terminal: yes).
 * - `draft_ttl_ms`: a thread's state expires after this much idle time.
 * - `targeting`: ad group settings the chat does not ask for.
 * - `identity`: the `CUSTOMIZED_USER` identity ads run under (an id, or a display name to find
 *   or create one; a created one gets `avatar_path`'s square image, else the library's first).
 * - `approvers`: when non-empty, only these may approve: chat user ids, Discord role ids or
 *   Slack user-group ids (matched against `ChatUser.groups`). Empty or absent: any teammate.
 * - `guards`: spend and usage limits (docs/reliability.md §9), each
 *   `null`/absent for no limit: `workspace_daily_budget_cap` (sum of the daily budgets one
 *   workspace launches per UTC day, in `budget.currency`), LLM calls per chat user and per
 *   workspace per clock hour, and `max_message_chars` (default 2000) for one chat message.
 * - `notice`: said first in every new draft thread, e.g. that TikTok is the emulator and no real
 *   ad will be created (Slack and Discord with `TIKTOK_EMULATOR=on`). Absent: nothing.
 */
export interface EngineSettings {
  budget: BudgetSettings;
  approvals_required: number;
  allow_self_approval: boolean;
  draft_ttl_ms: number;
  targeting: {
    location_ids: string[];
    pixel_id?: string;
    optimization_event: string;
  };
  identity: { identity_id?: string; display_name: string; avatar_path?: string };
  approvers?: string[];
  guards?: GuardSettings;
  /**
   * Ports other than the default (443) a landing page may name (`LANDING_PAGE_PORTS`, e.g.
   * `[8443]`); default none: `https://shop.example.com:8443/` is refused.
   */
  landing_page_ports?: number[];
  notice?: string;
}

/** Spend and usage limits; see {@link EngineSettings}. */
export interface GuardSettings {
  workspace_daily_budget_cap?: number | null;
  llm_calls_per_user_per_hour?: number | null;
  llm_calls_per_workspace_per_hour?: number | null;
  max_message_chars?: number;
}
