/**
 * Length as TikTok counts it for names and ad text: each Chinese, Japanese or Korean character
 * counts as 2, everything else as 1 (per code point).
 * Source: TikTok "Create a campaign" (`campaign_name`) and "Create ads" (`ad_text`) field notes
 * (tiktok-business-api-sdk js_sdk/docs/CampaignCreateBody.md and AdcreateCreatives.md at c3a04b9
 * name Chinese and Japanese; Korean counting as 2 is UNCONFIRMED, taken from `display_name`'s
 * "1-20 Chinese/Japanese/Korean characters").
 */
export function tiktokLength(text: string): number {
  let length = 0;
  for (const ch of text) length += CJK.test(ch) ? 2 : 1;
  return length;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/**
 * True when `text` holds an emoji, which TikTok rejects in names and ad text (same SDK texts).
 * Flags are pairs of regional indicator letters, which are not `Extended_Pictographic`
 * (https://www.unicode.org/reports/tr51/#Flags), so they are looked for on their own.
 */
export function hasEmoji(text: string): boolean {
  return /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u.test(text);
}
