/**
 * Length as TikTok counts it for names and ad text: each Chinese, Japanese or Korean character
 * counts as 2, everything else as 1 (per code point).
 * Source: TikTok "Create a campaign" (`campaign_name`) and "Create ads" (`ad_text`) field notes.
 */
export function tiktokLength(text: string): number {
  let length = 0;
  for (const ch of text) length += CJK.test(ch) ? 2 : 1;
  return length;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** True when `text` holds an emoji, which TikTok rejects in names and ad text. */
export function hasEmoji(text: string): boolean {
  return /\p{Extended_Pictographic}/u.test(text);
}
