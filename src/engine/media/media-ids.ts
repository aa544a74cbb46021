/**
 * Telling media ids from words. TikTok's image and video ids are opaque strings such as
 * `ad-site-i18n-sg/202203285d0de5c8…` or `v10033g50000c4s4dpbc77u7ttle1f60` (docs/tiktok-api.md
 * §9); the emulator's look like `img_summer_1`. All carry a digit, and none is an English word,
 * so a word such as `first`, `library` or `two` is never taken as an id.
 */

const ID_SHAPE = /^[A-Za-z0-9][A-Za-z0-9_./:-]{2,199}$/;

/**
 * True when `token` may be a TikTok media id: 3..200 characters of letters, digits and
 * `_ . / : -`, with at least one digit, and either a letter or underscore, or 6+ digits (bare
 * short numbers like `1` or `3` are list positions, not ids).
 */
export function looksLikeMediaId(token: string): boolean {
  if (!ID_SHAPE.test(token) || !/\d/.test(token)) return false;
  return /[A-Za-z_]/.test(token) || /^\d{6,}$/.test(token);
}

/** Splits proposed media references into id-like tokens (in order, once each) and other words. */
export function splitMediaIds(proposed: readonly string[]): { ids: string[]; words: string[] } {
  const ids: string[] = [];
  const words: string[] = [];
  for (const raw of proposed) {
    const token = raw.trim();
    if (token === '') continue;
    if (looksLikeMediaId(token)) {
      if (!ids.includes(token)) ids.push(token);
    } else if (!words.includes(token)) words.push(token);
  }
  return { ids, words };
}
