import type { BudgetSettings } from '../ad/budget';

/**
 * What the engine needs from the settings (built from `Config` in `main.ts`).
 * - `approvals_required`: how many distinct approvals submit a draft (≥ 1).
 * - `allow_self_approval`: whether the requester's own approval counts (terminal: yes).
 * - `draft_ttl_ms`: a thread's state expires after this much idle time.
 * - `targeting`: ad group settings the chat does not ask for.
 * - `identity`: the `CUSTOMIZED_USER` identity ads run under (an id, or a display name to find
 *   or create one; a created one gets `avatar_path`'s square image, else the library's first).
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
}
