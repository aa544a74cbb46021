import type { BudgetSettings } from './budget';
import { type AdDraft, adFormatOf, DRAFT_FIELDS, type DraftField } from './draft';
import type { Violation } from './violation';

/**
 * Fields still needed before the draft can be approved, in asking order. `budget` is missing
 * only when no default is configured. `media` depends on the format the music implies: images
 * for a carousel, a video (with its cover) for a single video.
 */
export function missingFields(draft: AdDraft, budget: BudgetSettings): DraftField[] {
  return DRAFT_FIELDS.filter((field) => {
    switch (field) {
      case 'budget':
        return draft.budget === undefined && budget.default_daily === null;
      case 'media':
        return !hasMediaFor(draft);
      case 'music':
        return draft.music === undefined;
      default:
        return draft[field] === undefined;
    }
  });
}

function hasMediaFor(draft: AdDraft): boolean {
  if ((draft.pending_media?.length ?? 0) > 0) return adFormatOf(draft) !== null;
  const format = adFormatOf(draft);
  if (format === 'CAROUSEL_ADS') return (draft.image_ids?.length ?? 0) > 0 && !draft.video_id;
  if (format === 'SINGLE_VIDEO') return !!draft.video_id && draft.image_ids?.length === 1;
  return false;
}

/**
 * Rules across fields, checked on every turn and again before submit:
 * - Conversions needs music (existing or custom): "no music" is for Traffic only. This is
 *   checked before any API call, so a Conversions ad without music never reaches TikTok.
 *   Source: this bot's product rule (the task's three music cases), not a TikTok rule.
 */
export function crossFieldViolations(draft: AdDraft): Violation[] {
  const violations: Violation[] = [];
  if (draft.objective_type === 'WEB_CONVERSIONS' && draft.music?.kind === 'none') {
    violations.push({
      field: 'music',
      rule: 'music.required_for_conversions',
      message:
        'Conversions ads need music. Give a TikTok music ID (e.g. "use music_123") or upload your own MP3 track; "no music" works only for Traffic.',
    });
  }
  return violations;
}

/** The budget that will be sent: the draft's, else the default, else `null`. */
export function effectiveBudget(draft: AdDraft, budget: BudgetSettings): number | null {
  return draft.budget ?? budget.default_daily;
}
