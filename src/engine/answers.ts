import { ctaLabel, SUGGESTED_CALL_TO_ACTIONS } from '../ad/call-to-action';
import { type AdDraft, adFormatOf, type DraftField } from '../ad/draft';
import { missingFields } from '../ad/draft-rules';
import type { QuestionTopic } from '../model/proposal';
import type { Block } from './reply';
import type { EngineSettings } from './settings';

/** How each field is named in an answer. */
const FIELD_NAMES: Record<DraftField, string> = {
  campaign_name: 'campaign name',
  objective_type: 'objective',
  ad_text: 'ad text',
  call_to_action: 'call to action',
  music: 'music',
  landing_page_url: 'landing page',
  budget: 'daily budget',
  media: 'media',
};

/** "Still needed: ad text, call to action, music." for the fields in `missing`, in order. */
export function stillNeeded(missing: readonly DraftField[]): string {
  return `Still needed: ${missing.map((f) => FIELD_NAMES[f]).join(', ')}.`;
}

/**
 * The engine's answer to a `question` turn, written here from the rules and settings, never taken
 * from model text (a model may get a rule wrong). `media_options` lists library items when the
 * question is about media. The open question is asked again after it by the caller.
 */
export function answerFor(
  topic: QuestionTopic,
  draft: AdDraft,
  settings: EngineSettings,
  media_options: string[] = [],
): Block & { type: 'text' } {
  return { type: 'text', tone: 'info', text: answerText(topic, draft, settings, media_options) };
}

function answerText(
  topic: QuestionTopic,
  draft: AdDraft,
  settings: EngineSettings,
  media_options: string[],
): string {
  const { budget } = settings;
  switch (topic) {
    case 'missing': {
      const missing = missingFields(draft, budget);
      return missing.length === 0
        ? 'Nothing: the draft is complete and waits for approval.'
        : stillNeeded(missing);
    }
    case 'approval':
      return settings.approvals_required === 1
        ? `When the draft is complete I post a preview card; ${settings.allow_self_approval ? 'anyone in the thread' : 'a teammate (not the requester)'} approves it with ✅ or the Approve button, and only then I submit it to TikTok with the requester's linked account.`
        : `When the draft is complete I post a preview card; it needs ${settings.approvals_required} approvals (✅ or the Approve button) before I submit it to TikTok with the requester's linked account.`;
    case 'campaign_name':
      return 'The campaign name is for you and your team: 3 to 512 characters, no emoji, e.g. "Fall Boots Promo".';
    case 'objective':
      return 'I can create Traffic campaigns (visits to your site: "traffic", "clicks", "visitors") or Conversions campaigns (actions on your site: "sales", "purchases", "sign-ups"). Conversions ads need music.';
    case 'ad_text':
      return 'The ad text is shown under the video or carousel: 1 to 100 characters, no emoji. I keep it exactly as you type it.';
    case 'call_to_action':
      return `The button can say: ${SUGGESTED_CALL_TO_ACTIONS.map(ctaLabel).join(', ')}, and also Download now, Get quote, Apply now, Subscribe, Read more, Watch now, Get tickets now, Visit store and more of TikTok's list.`;
    case 'music':
      return 'Music makes the ad an image carousel; TikTok carousels need a track, so Conversions ads need music. Give a TikTok music ID (e.g. "use music_123"), upload your own MP3 (max 10 MB) in this thread, or, for Traffic only, say "no music": the ad is then a single video with its own sound.';
    case 'landing_page_url':
      return 'The landing page is the web page the ad opens when someone taps it, e.g. https://example.com/offer (a bare domain gets https://).';
    case 'budget': {
      const fallback =
        budget.default_daily === null
          ? ''
          : ` If you name none, I use ${budget.default_daily} ${budget.currency} a day.`;
      return `Budgets are daily, in ${budget.currency}: at least ${budget.min_daily} (TikTok's minimum) and at most ${budget.max_daily} (this workspace's cap).${fallback}`;
    }
    case 'media': {
      const format = adFormatOf(draft);
      const what =
        format === 'SINGLE_VIDEO'
          ? 'Without music the ad is one video from your TikTok library.'
          : format === 'CAROUSEL_ADS'
            ? 'With music the ad is a carousel of 1 to 35 images from your TikTok library.'
            : 'With music the ad is a carousel of 1 to 35 images; without music it is one video. Both come from your TikTok library.';
      const options = media_options.length > 0 ? ` You can pick: ${media_options.join('; ')}.` : '';
      return `${what}${options}`;
    }
    case 'help':
      return 'I draft a TikTok ad with you: tell me the campaign name, objective (Traffic or Conversions), ad text, call to action, music, landing page, budget and media, in any order, one at a time or all in one message. Say "status" to see the draft, or "start over".';
  }
}
