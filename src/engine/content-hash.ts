import { createHash } from 'node:crypto';
import { type AdDraft, adFormatOf } from '../ad/draft';
import { effectiveBudget } from '../ad/draft-rules';
import type { EngineSettings } from './settings';

/**
 * The content hash of what a draft will send to TikTok: SHA-256 (hex, 64 chars) over a
 * canonical JSON (keys sorted, absent fields left out) of exactly the payload fields of
 * campaign/create, adgroup/create and ad/create that come from the draft and the settings:
 * campaign name and objective; budget (the draft's or the default), locations, pixel and
 * optimization event; ad format, text, call to action, landing page, media, music and
 * identity. Ids TikTok assigns, request ids, object names we derive, and timestamps are not
 * in it, so the same content always gives the same hash.
 *
 * Approvals bind to it and the submission key derives from it (docs/reliability.md §5: approval
 * binds to `sha256(canonical payload)`).
 */
export function contentHash(draft: AdDraft, settings: EngineSettings): string {
  const music = draft.music && draft.music.kind !== 'none' ? draft.music.music_id : undefined;
  const fields = {
    campaign_name: draft.campaign_name,
    objective_type: draft.objective_type,
    budget: effectiveBudget(draft, settings.budget),
    location_ids: settings.targeting.location_ids,
    pixel_id: settings.targeting.pixel_id,
    optimization_event: settings.targeting.optimization_event,
    ad_format: adFormatOf(draft),
    ad_text: draft.ad_text,
    call_to_action: draft.call_to_action,
    landing_page_url: draft.landing_page_url,
    video_id: draft.video_id,
    image_ids: draft.image_ids,
    pending_media: draft.pending_media,
    music_id: music,
    identity: settings.identity.identity_id ?? settings.identity.display_name,
  };
  return createHash('sha256').update(canonicalJson(fields)).digest('hex');
}

/** The short form shown on cards and used in object names: the first 8 hex characters. */
export function shortHash(hash: string): string {
  return hash.slice(0, 8);
}

/** JSON with object keys sorted at every level and `undefined`/`null` members left out. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}
