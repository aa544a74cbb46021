import type { BudgetSettings } from '../ad/budget';
import { ctaLabel } from '../ad/call-to-action';
import type { AdDraft, DraftField } from '../ad/draft';
import { OBJECTIVE_LABELS } from '../ad/objective';
import type { Block } from './reply';

/** Separator between the items of the "Got it" line. */
const SEPARATOR = ' · ';

/** How one changed field reads in the "Got it" line. */
function item(field: DraftField, draft: AdDraft, budget: BudgetSettings): string | null {
  switch (field) {
    case 'campaign_name':
      return draft.campaign_name === undefined ? null : `campaign name ${draft.campaign_name}`;
    case 'objective_type':
      return draft.objective_type === undefined
        ? null
        : `objective ${OBJECTIVE_LABELS[draft.objective_type]}`;
    case 'ad_text':
      return draft.ad_text === undefined ? null : `ad text “${draft.ad_text}”`;
    case 'call_to_action':
      return draft.call_to_action === undefined
        ? null
        : `call to action ${ctaLabel(draft.call_to_action)}`;
    case 'music': {
      const music = draft.music;
      if (!music) return 'music cleared';
      if (music.kind === 'none') return 'no music';
      if (music.kind === 'custom') return `music ${music.file_name} (${music.music_id})`;
      return `music ${music.music_id}${music.pending ? ' (to confirm with TikTok)' : ''}`;
    }
    case 'landing_page_url':
      return draft.landing_page_url === undefined ? null : `landing page ${draft.landing_page_url}`;
    case 'budget':
      return draft.budget === undefined ? null : `budget ${draft.budget} ${budget.currency} a day`;
    case 'media': {
      if (draft.video_id) {
        const cover = draft.image_ids?.[0];
        return `video ${draft.video_id}${cover ? ` (cover ${cover})` : ''}`;
      }
      if (draft.image_ids?.length) return `images ${draft.image_ids.join(', ')}`;
      if (draft.pending_media?.length)
        return `media ${draft.pending_media.join(', ')} (to look up)`;
      return 'media cleared';
    }
  }
}

/**
 * The one short line that starts every turn that changed the draft, naming each changed field
 * with its new value as the draft now holds it, e.g.
 * "Got it: objective Traffic · budget 75 USD a day · call to action Shop now". Shown on every
 * platform and with both models, so a misreading is visible at once.
 * `changed` lists the fields in asking order; returns `null` when nothing changed.
 */
export function understoodBlock(
  draft: AdDraft,
  changed: readonly DraftField[],
  budget: BudgetSettings,
): (Block & { type: 'text' }) | null {
  const items = changed.map((field) => item(field, draft, budget)).filter((i) => i !== null);
  if (items.length === 0) return null;
  return { type: 'text', tone: 'info', text: `Got it: ${items.join(SEPARATOR)}` };
}
