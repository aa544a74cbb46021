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
 * What the music list waits for when there is no `auth`: the requester's TikTok link (`link`,
 * sent privately at the draft's start) or their pick of an advertiser account (`advertiser`).
 */
export type MusicListWait = 'link' | 'advertiser';

const LINK_ACTION = { action_id: 'link_account', label: 'Link account' } as const;

/**
 * The music answer. Linked (`auth`): the numbered list (`musicListText`), plus "no music" for a
 * Traffic draft. Not linked: that the list needs the link (or the advertiser pick, `waitingFor`)
 * and comes here by itself once it is done, then the rules (`answerFor('music')`) for going on
 * without it. TikTok could not list: the rules and to ask again. Never throws for a TikTok
 * failure (the rules are said).
 */
export async function musicAnswer(
  ads: AdsApi,
  auth: TikTokAuth | null,
  draft: AdDraft,
  settings: EngineSettings,
  platform: Platform,
  waitingFor: MusicListWait = 'link',
): Promise<MusicAnswer> {
  const rules = answerFor('music', draft, settings);
  if (!auth) {
    const first =
      waitingFor === 'link'
        ? "The music list comes from your TikTok account, which is not linked yet: open the private link I sent you (Link account sends a new one) and I'll show the list here as soon as it is linked."
        : "The music list comes from the advertiser account this ad uses: choose it above and I'll show the list here.";
    const relink = waitingFor === 'link' ? { actions: [LINK_ACTION] } : {};
    return {
      block: {
        ...rules,
        text: `${first}\nOr, without the list: ${rules.text.charAt(0).toLowerCase()}${rules.text.slice(1)}`,
        ...relink,
      },
      listed: false,
    };
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
    const failed = ` (TikTok could not list the music just now, code ${error.tiktok_code}; ask again in a moment.)`;
    return { block: { ...rules, text: `${rules.text}${failed}` }, listed: false };
  }
}
