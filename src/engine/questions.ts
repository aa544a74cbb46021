import type { BudgetSettings } from '../ad/budget';
import { ctaLabel, SUGGESTED_CALL_TO_ACTIONS } from '../ad/call-to-action';
import { type AdDraft, adFormatOf, type DraftField } from '../ad/draft';
import { uploadHint } from './hints';
import type { Block } from './reply';
import type { Platform } from './thread-id';

/**
 * The question for the next missing field. `media_options` lists library items to pick from
 * (ids with a short description) when asking for media.
 */
export function questionFor(
  field: DraftField,
  draft: AdDraft,
  budget: BudgetSettings,
  media_options: string[] = [],
  platform: Platform = 'console',
): Block & { type: 'question' } {
  switch (field) {
    case 'campaign_name':
      return {
        type: 'question',
        field,
        text: 'What should the campaign be called? (at least 3 characters)',
      };
    case 'objective_type':
      return {
        type: 'question',
        field,
        text: 'What is the objective: Traffic (visits to your site) or Conversions (sales or sign-ups)?',
        examples: ['Traffic', 'Conversions'],
      };
    case 'ad_text':
      return {
        type: 'question',
        field,
        text: 'What should the ad text say? (1 to 100 characters, no emoji)',
      };
    case 'call_to_action':
      return {
        type: 'question',
        field,
        text: 'Which call to action should the button show?',
        examples: SUGGESTED_CALL_TO_ACTIONS.map(ctaLabel),
      };
    case 'music':
      return {
        type: 'question',
        field,
        text:
          draft.objective_type === 'WEB_CONVERSIONS'
            ? `Which music? Give a TikTok music ID (no ID at hand? say "show me the music"), or for your own track ${uploadHint(platform, 'music')}. (Conversions ads need music.)`
            : `Which music? Give a TikTok music ID (no ID at hand? say "show me the music"), say "no music" (the ad is then a single video with its own sound), or for your own track ${uploadHint(platform, 'music')}.`,
        // No "no music" suggestion where the rules would refuse it (Conversions needs music).
        examples:
          draft.objective_type === 'WEB_CONVERSIONS'
            ? ['Use music_123']
            : ['Use music_123', 'No music needed'],
      };
    case 'landing_page_url':
      return {
        type: 'question',
        field,
        text: 'Which page should the ad open? (a web address)',
        examples: ['https://example.com/offer'],
      };
    case 'budget':
      return {
        type: 'question',
        field,
        text: `What daily budget, in ${budget.currency}? (${budget.min_daily} to ${budget.max_daily})`,
      };
    case 'media':
      return {
        type: 'question',
        field,
        text:
          adFormatOf(draft) === 'SINGLE_VIDEO'
            ? `Which video from your TikTok library? (I pick a cover image of the same shape unless you name one.) For a new one, ${uploadHint(platform, 'video')}.`
            : `Which images from your TikTok library should the carousel show? (1 to 35, in order) For new ones, ${uploadHint(platform, 'image')}.`,
        examples: media_options,
      };
  }
}
