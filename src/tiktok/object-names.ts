import { tiktokLength } from '../ad/text-length';

/** TikTok's limit for `campaign_name`, `adgroup_name` and `ad_name` (CJK characters count 2). */
export const MAX_OBJECT_NAME_LENGTH = 512;

/** The names one submission gives its campaign, ad group and ad. */
export interface ObjectNames {
  campaign_name: string;
  adgroup_name: string;
  ad_name: string;
}

/**
 * Names for a submission's objects.
 * - `campaign_name` is the draft's campaign name exactly as approved (and shown on the card):
 *   the marketer chose it, so nothing is added. A lost campaign/create reply is made safe by
 *   the body `request_id` and a strict look-up instead (`submission/campaign-lookup.ts`).
 * - `adgroup_name` and `ad_name` are names the bot chooses, so they carry the submission's
 *   `tag` (8 hex characters no other draft or attempt shares): `"<base> - <tag> - ad group"`,
 *   `"<base> - <tag> - ad"`. Each can be found again by name (adgroup/get, ad/get) without ever
 *   adopting another draft's object. `base` is cut there (by whole code points) so those names
 *   stay within {@link MAX_OBJECT_NAME_LENGTH} as TikTok counts length (CJK = 2); the draft's
 *   own name is already within it (`campaign_name.too_long`).
 *
 * Source: TikTok "Create a campaign" / "Create an ad group" / "Create ads" (names ≤ 512).
 */
export function objectNames(base: string, tag: string): ObjectNames {
  const longest = ` - ${tag} - ad group`;
  const room = MAX_OBJECT_NAME_LENGTH - tiktokLength(longest);
  let cut = '';
  let used = 0;
  for (const ch of base.trim()) {
    const size = tiktokLength(ch);
    if (used + size > room) break;
    cut += ch;
    used += size;
  }
  const head = `${cut.trimEnd()} - ${tag}`;
  return { campaign_name: base, adgroup_name: `${head} - ad group`, ad_name: `${head} - ad` };
}
