import { closestWord, matchTypo } from '../text/fuzzy';

/**
 * TikTok's `CallToAction` enum (30 values), from the official SDK's enum package.
 * Source: tiktok/tiktok-business-api-sdk yml_files/smart_plus_ad_create.yml (enum package
 * CallToAction) ∪ bububa/tiktok-business enum/call_to_action.go; field
 * `creatives[].call_to_action` (docs/tiktok-api.md §7).
 */
export const CALL_TO_ACTIONS = [
  'APPLY_NOW',
  'BOOK_NOW',
  'CALL_NOW',
  'CHECK_AVAILABILITY',
  'CONTACT_US',
  'DOWNLOAD_NOW',
  'EXPERIENCE_NOW',
  'GET_QUOTE',
  'GET_SHOWTIMES',
  'GET_TICKETS_NOW',
  'INSTALL_NOW',
  'INTERESTED',
  'JOIN_THIS_HASHTAG',
  'LEARN_MORE',
  'LISTEN_NOW',
  'ORDER_NOW',
  'PLAY_GAME',
  'PREORDER_NOW',
  'READ_MORE',
  'SEND_MESSAGE',
  'SHOOT_WITH_THIS_EFFECT',
  'SHOP_NOW',
  'SIGN_UP',
  'SUBSCRIBE',
  'VIEW_NOW',
  'VIEW_PROFILE',
  'VIEW_VIDEO_WITH_THIS_EFFECT',
  'VISIT_STORE',
  'WATCH_LIVE',
  'WATCH_NOW',
] as const;

/** A value of TikTok's `CallToAction` enum. */
export type CallToAction = (typeof CALL_TO_ACTIONS)[number];

/**
 * Values that do not fit a website Traffic or Conversions ad: `VIEW_PROFILE` is for
 * Engagement, `WATCH_LIVE` for live ads, the hashtag/effect ones for Reach & Frequency
 * (docs/tiktok-api.md §7).
 */
const NOT_FOR_WEBSITE_ADS = new Set<CallToAction>([
  'VIEW_PROFILE',
  'WATCH_LIVE',
  'JOIN_THIS_HASHTAG',
  'SHOOT_WITH_THIS_EFFECT',
  'VIEW_VIDEO_WITH_THIS_EFFECT',
]);

/** Common choices to suggest when asking. */
export const SUGGESTED_CALL_TO_ACTIONS: CallToAction[] = [
  'LEARN_MORE',
  'SHOP_NOW',
  'SIGN_UP',
  'ORDER_NOW',
  'BOOK_NOW',
  'CONTACT_US',
];

const SYNONYMS: Record<string, CallToAction> = {
  BUY_NOW: 'SHOP_NOW',
  SHOP: 'SHOP_NOW',
  BUY: 'SHOP_NOW',
  LEARN: 'LEARN_MORE',
  SIGNUP: 'SIGN_UP',
  REGISTER: 'SIGN_UP',
  DOWNLOAD: 'DOWNLOAD_NOW',
  INSTALL: 'INSTALL_NOW',
  ORDER: 'ORDER_NOW',
  BOOK: 'BOOK_NOW',
  CONTACT: 'CONTACT_US',
  SUBSCRIBE_NOW: 'SUBSCRIBE',
  APPLY: 'APPLY_NOW',
  CALL: 'CALL_NOW',
  GET_TICKETS: 'GET_TICKETS_NOW',
  BUY_TICKETS: 'GET_TICKETS_NOW',
  PREORDER: 'PREORDER_NOW',
  PRE_ORDER: 'PREORDER_NOW',
  PRE_ORDER_NOW: 'PREORDER_NOW',
  GET_A_QUOTE: 'GET_QUOTE',
  SIGN_UP_NOW: 'SIGN_UP',
  REGISTER_NOW: 'SIGN_UP',
};

/** "Shop now" for `SHOP_NOW`: how a value reads in chat. */
export function ctaLabel(value: string): string {
  const words = value.toLowerCase().split('_');
  return words.map((w, i) => (i === 0 ? w.charAt(0).toUpperCase() + w.slice(1) : w)).join(' ');
}

/**
 * Maps plain words to a TikTok call to action: "Shop now", "shop-now", "SHOP_NOW" →
 * `SHOP_NOW`; "buy now" → `SHOP_NOW`. Returns `null` when nothing matches, or when the value
 * exists but does not suit a website ad (see `NOT_FOR_WEBSITE_ADS`). An unambiguous typo of a
 * label ("shop nwo") matches too, whichever model proposed it.
 */
export function parseCallToAction(words: string): CallToAction | null {
  const value = exactCallToAction(words) ?? nearCallToAction(words);
  if (!value || NOT_FOR_WEBSITE_ADS.has(value)) return null;
  return value;
}

/** A typo of a label ("shop nwo", "lern more"), matched by edit distance when unambiguous. */
function nearCallToAction(words: string): CallToAction | null {
  const labels = CALL_TO_ACTIONS.filter((v) => !NOT_FOR_WEBSITE_ADS.has(v)).map(ctaLabel);
  const near = closestWord(words, labels);
  return near ? exactCallToAction(near) : null;
}

/**
 * The two calls to action a typo is about as close to ("lead more": Read more or Learn more),
 * or `null` when the words match one (or none). See `matchTypo` for what counts as close.
 */
export function callToActionChoices(words: string): [CallToAction, CallToAction] | null {
  if (exactCallToAction(words)) return null;
  const labels = CALL_TO_ACTIONS.filter((v) => !NOT_FOR_WEBSITE_ADS.has(v)).map(ctaLabel);
  const near = matchTypo(words, labels);
  if (near?.kind !== 'ambiguous') return null;
  const [a, b] = near.candidates.map(exactCallToAction);
  return a && b ? [a, b] : null;
}

function exactCallToAction(words: string): CallToAction | null {
  const key = words
    .trim()
    .replace(/^["'“”]+|["'“”.!]+$/g, '')
    .toUpperCase()
    .replace(/[\s-]+/g, '_');
  return (CALL_TO_ACTIONS as readonly string[]).includes(key)
    ? (key as CallToAction)
    : (SYNONYMS[key] ?? null);
}
