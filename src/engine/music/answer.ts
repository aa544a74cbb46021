// The answer to "I don't know any music IDs" / "what music can I use?": the music list to pick
// from when the requester is linked, else the music rules and that the list comes with a link.
import type { AdDraft } from '../../ad/draft';
import type { AdsApi, TikTokAuth } from '../../tiktok/ads-api';
import { answerFor } from '../answers';
import { isTikTokError } from '../remediation';
import type { Block } from '../reply';
import type { EngineSettings } from '../settings';
import type { Platform } from '../thread-id';
import { musicChoices, musicListText } from './choices';

/** What a music question was answered with; `listed` when a list to pick from was shown. */
export interface MusicAnswer {
  block: Block & { type: 'text' };
  listed: boolean;
}

/**
 * The music answer. Linked (`auth`): the numbered list (`musicListText`), plus "no music" for a
 * Traffic draft. Not linked, or TikTok could not list: the rules (`answerFor('music')`) and
 * when the list becomes available. Never throws for a TikTok failure (the rules are said).
 */
export async function musicAnswer(
  ads: AdsApi,
  auth: TikTokAuth | null,
  draft: AdDraft,
  settings: EngineSettings,
  platform: Platform,
): Promise<MusicAnswer> {
  const rules = answerFor('music', draft, settings);
  if (!auth) {
    const later =
      ' Once your TikTok account is linked, I can list your music and TikTok’s to pick from.';
    return { block: { ...rules, text: `${rules.text}${later}` }, listed: false };
  }
  try {
    const items = await musicChoices(ads, auth);
    const none =
      draft.objective_type === 'WEB_CONVERSIONS'
        ? ''
        : '\nOr say “no music”: the ad is then a single video with its own sound.';
    return {
      block: { type: 'text', tone: 'info', text: `${musicListText(items, platform)}${none}` },
      listed: items.length > 0,
    };
  } catch (error) {
    if (!isTikTokError(error)) throw error;
    const failed = ` (TikTok could not list the music just now, code ${error.code}; ask again in a moment.)`;
    return { block: { ...rules, text: `${rules.text}${failed}` }, listed: false };
  }
}
