import { createHash } from 'node:crypto';
import type { AdDraft } from '../ad/draft';
import { effectiveBudget } from '../ad/draft-rules';
import type { EngineSettings } from './settings';

/**
 * The content hash of a draft: SHA-256 (hex) over the canonical JSON of exactly the fields that
 * go to TikTok (campaign, ad group and ad payload fields, as `src/tiktok/payloads.ts` builds
 * them), never ids of ours, timestamps or chat text. An approval is bound to this hash
 * (reference/reliability.md §5.3: "approval binds to sha256(canonical payload)"), so any change
 * to what would be sent gives a new hash and the old approvals stop counting.
 *
 * Music that is still `pending` (confirmed at submit) hashes like confirmed music: the same
 * `music_id` is sent either way.
 */
export function contentHash(draft: AdDraft, settings: EngineSettings): string {
  const music = draft.music;
  const payload = {
    campaign_name: draft.campaign_name ?? null,
    objective_type: draft.objective_type ?? null,
    ad_text: draft.ad_text ?? null,
    call_to_action: draft.call_to_action ?? null,
    music_id: music && music.kind !== 'none' ? music.music_id : null,
    no_music: music?.kind === 'none',
    landing_page_url: draft.landing_page_url ?? null,
    budget: effectiveBudget(draft, settings.budget),
    budget_mode: 'BUDGET_MODE_DAY',
    currency: settings.budget.currency,
    video_id: draft.video_id ?? null,
    image_ids: draft.image_ids ?? [],
    pending_media: draft.pending_media ?? [],
    location_ids: settings.targeting.location_ids,
    pixel_id: settings.targeting.pixel_id ?? null,
    optimization_event: settings.targeting.optimization_event,
    identity: settings.identity.identity_id ?? settings.identity.display_name,
  };
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}

/** The short form shown on a card: the first 8 hex characters, e.g. `3f9a0c1d`. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

/** JSON with object keys sorted at every depth, so equal values always give equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
