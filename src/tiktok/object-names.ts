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
 * Names for a submission's objects: the draft's campaign name followed by the submission's
 * `tag` (8 hex characters that no other draft or attempt shares), so each object can be found
 * again by name after a lost reply (campaign/get, adgroup/get, ad/get) without ever adopting
 * another draft's object. `base` is cut (by whole code points) so that every name, the
 * longest being `"<base> - <tag> - ad group"`, stays within {@link MAX_OBJECT_NAME_LENGTH} as
 * TikTok counts length (CJK = 2).
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
  return { campaign_name: head, adgroup_name: `${head} - ad group`, ad_name: `${head} - ad` };
}
