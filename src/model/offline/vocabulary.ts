import {
  CALL_TO_ACTIONS,
  type CallToAction,
  ctaLabel,
  parseCallToAction,
} from '../../ad/call-to-action';

/**
 * The words the offline model knows, in one place: field labels, goals, calls to action,
 * "no music" phrasings and filler words. Matching on them is in the stages; this file is data.
 */

/** The draft fields a message can set (the `updates` keys the offline model fills). */
export type SlotField =
  | 'campaign_name'
  | 'objective'
  | 'ad_text'
  | 'call_to_action'
  | 'music'
  | 'landing_page_url'
  | 'budget'
  | 'media';

/**
 * Labels people put before a value, longest first per field. A label is matched at the start
 * of a clause (after fillers), case-insensitive, with typo tolerance for words of 5+ letters.
 */
export const FIELD_LABELS: ReadonlyArray<[SlotField, readonly string[]]> = [
  [
    'campaign_name',
    ['campaign name', 'name of the campaign', 'campaign title', 'campaign', 'name', 'title'],
  ],
  ['objective', ['campaign objective', 'campaign goal', 'objective', 'goal']],
  [
    'ad_text',
    [
      'ad text',
      'ad copy',
      'ad caption',
      'primary text',
      'ad txt',
      'saying',
      'that says',
      'which says',
      'that reads',
      'reading',
      'ad',
      'text',
      'txt',
      'copy',
      'caption',
      'headline',
      'tagline',
      'message',
      'wording',
    ],
  ],
  [
    'call_to_action',
    ['call to action', 'call-to-action', 'cta button', 'cta', 'button text', 'button'],
  ],
  ['music', ['background music', 'music id', 'music', 'soundtrack', 'track', 'song', 'sound']],
  [
    'landing_page_url',
    [
      'landing page url',
      'landing page',
      'landing url',
      'destination url',
      'destination',
      'website',
      'url',
      'link',
      'site',
      'page',
    ],
  ],
  ['budget', ['daily budget', 'budget per day', 'budget', 'spend', 'daily spend']],
  [
    'media',
    [
      'carousel images',
      'images',
      'image',
      'pictures',
      'picture',
      'photos',
      'photo',
      'pics',
      'pic',
      'videos',
      'video',
      'media',
      'creatives',
      'creative',
    ],
  ],
];

/** Words that, written alone before a value, are too common to be a label without a delimiter. */
export const WEAK_LABELS = new Set(['ad', 'message', 'page', 'site', 'sound', 'title', 'wording']);

/** Goals and synonyms → the objective word the ad rules read. */
export const GOALS: ReadonlyArray<[string, 'traffic' | 'conversions']> = [
  ['web conversions', 'conversions'],
  ['website conversions', 'conversions'],
  ['conversions', 'conversions'],
  ['conversion', 'conversions'],
  ['sales', 'conversions'],
  ['sale', 'conversions'],
  ['purchases', 'conversions'],
  ['purchase', 'conversions'],
  ['orders', 'conversions'],
  ['sign-ups', 'conversions'],
  ['sign ups', 'conversions'],
  ['signups', 'conversions'],
  ['leads', 'conversions'],
  ['buyers', 'conversions'],
  ['customers', 'conversions'],
  ['registrations', 'conversions'],
  ['bookings', 'conversions'],
  ['reservations', 'conversions'],
  ['subscriptions', 'conversions'],
  ['subscribers', 'conversions'],
  ['ticket sales', 'conversions'],
  ['selling tickets', 'conversions'],
  ['sell tickets', 'conversions'],
  ['tickets sold', 'conversions'],
  ['more tickets', 'conversions'],
  ['order from our website', 'conversions'],
  ['order from our site', 'conversions'],
  ['order online', 'conversions'],
  ['online orders', 'conversions'],
  ['website traffic', 'traffic'],
  ['website visits', 'traffic'],
  ['site visits', 'traffic'],
  ['traffic', 'traffic'],
  ['visitors', 'traffic'],
  ['visits', 'traffic'],
  ['clicks', 'traffic'],
  ['link clicks', 'traffic'],
  ['browsing', 'traffic'],
  ['reading', 'traffic'],
  ['readers', 'traffic'],
  ['page views', 'traffic'],
  ['visit the site', 'traffic'],
  ['visit the website', 'traffic'],
  ['people to visit the site', 'traffic'],
  ['people to visit the website', 'traffic'],
  ['people to visit our website', 'traffic'],
  ['people to visit our site', 'traffic'],
  ['people to visit my website', 'traffic'],
  ['people to visit my site', 'traffic'],
  ['visit our website', 'traffic'],
  ['visit our site', 'traffic'],
  ['visit my website', 'traffic'],
  ['visit my site', 'traffic'],
  ['people to my website', 'traffic'],
  ['people to my site', 'traffic'],
  ['people to our website', 'traffic'],
  ['people to our site', 'traffic'],
];

/** Single goal words typos are matched against. */
export const GOAL_WORDS = [
  'traffic',
  'conversions',
  'conversion',
  'sales',
  'purchases',
  'visitors',
];

/** Goals TikTok has but this bot does not create; named back in the refusal. */
export const UNSUPPORTED_GOALS = [
  'app installs',
  'app install',
  'installs',
  'reach',
  'awareness',
  'brand awareness',
  'video views',
  'views',
  'engagement',
  'followers',
  'community interaction',
  'lead generation',
  'brand reach',
  'impressions',
  'more followers',
  'app downloads',
  'product sales',
  'catalog sales',
];

/** Words before a goal that make it one: "for sales", "I want sales", "drive visitors". */
export const GOAL_CUES =
  /\b(?:for|want|wants|need|needs|like|looking for|get|getting|drive|drives|driving|more|increase|boost|grow|maximi[sz]e|optimi[sz](?:e|ed|ing)(?: for)?|aim(?:ing)? for|goal(?: is)?|objective(?: is)?|focus on|hoping for|after)\s+(?:(?:a|an|the|some|lots of|more|us|me|our|my|people|folks|customers|users|shoppers)\s+)*$/i;

/**
 * What the business wants people to do, said as a verb: "get more people to actually order
 * from our website" (Conversions), "we want people to visit the site" (Traffic). Group 1 is
 * the verb (also as "people ordering beans"); {@link GOAL_VERBS} maps it.
 */
export const GOAL_VERB =
  /\b(?:people|folks|customers|users|shoppers|visitors|fans|them|everyone)\s+(?:to\s+)?(?:actually\s+|really\s+|finally\s+|come\s+and\s+)?(ordering|buying|purchasing|shopping|signing\s+up|booking|subscribing|registering|visiting|browsing|reading|clicking|checking\s+out|order|buy|purchase|shop|sign\s+up|book|subscribe|register|visit|browse|read|click|check\s+out)\b/i;

/** The verbs of {@link GOAL_VERB} → objective. */
export const GOAL_VERBS: Readonly<Record<string, 'traffic' | 'conversions'>> = {
  order: 'conversions',
  buy: 'conversions',
  purchase: 'conversions',
  shop: 'conversions',
  'sign up': 'conversions',
  book: 'conversions',
  subscribe: 'conversions',
  register: 'conversions',
  visit: 'traffic',
  browse: 'traffic',
  read: 'traffic',
  click: 'traffic',
  'check out': 'traffic',
  ordering: 'conversions',
  buying: 'conversions',
  purchasing: 'conversions',
  shopping: 'conversions',
  'signing up': 'conversions',
  booking: 'conversions',
  subscribing: 'conversions',
  registering: 'conversions',
  visiting: 'traffic',
  browsing: 'traffic',
  reading: 'traffic',
  clicking: 'traffic',
  'checking out': 'traffic',
};

/** Call-to-action phrases → TikTok value: every website-suitable label plus common synonyms. */
export const CTA_PHRASES: ReadonlyArray<[string, CallToAction]> = [
  ...CALL_TO_ACTIONS.filter((v) => parseCallToAction(v) !== null).map(
    (v): [string, CallToAction] => [ctaLabel(v).toLowerCase(), v],
  ),
  ['buy now', 'SHOP_NOW'],
  ['shop', 'SHOP_NOW'],
  ['buy tickets', 'GET_TICKETS_NOW'],
  ['get tickets', 'GET_TICKETS_NOW'],
  ['book tickets', 'GET_TICKETS_NOW'],
  ['sign-up', 'SIGN_UP'],
  ['signup', 'SIGN_UP'],
  ['register', 'SIGN_UP'],
  ['register now', 'SIGN_UP'],
  ['join now', 'SIGN_UP'],
  ['pre-order now', 'PREORDER_NOW'],
  ['pre-order', 'PREORDER_NOW'],
  ['preorder', 'PREORDER_NOW'],
  ['get a quote', 'GET_QUOTE'],
  ['request a quote', 'GET_QUOTE'],
  ['contact', 'CONTACT_US'],
  ['download', 'DOWNLOAD_NOW'],
  ['install', 'INSTALL_NOW'],
  ['apply', 'APPLY_NOW'],
  ['order', 'ORDER_NOW'],
  ['book', 'BOOK_NOW'],
  ['learn', 'LEARN_MORE'],
  ['subscribe now', 'SUBSCRIBE'],
  ['listen', 'LISTEN_NOW'],
  ['watch', 'WATCH_NOW'],
];

/** Single-word CTA phrases: only taken as a CTA in a CTA clause or as the answer to that question. */
export const WEAK_CTA_PHRASES = new Set([
  'shop',
  'contact',
  'download',
  'install',
  'apply',
  'order',
  'book',
  'learn',
  'listen',
  'watch',
  'interested',
  'subscribe',
  'register',
  'preorder',
  'pre-order',
  'signup',
]);

/** "No music" in plain words. */
export const NO_MUSIC =
  /\b(?:no|without(?: any)?|skip(?: the)?|drop(?: the)?|remove(?: the)?|(?:we |i )?(?:do not|don'?t|dont) (?:need|want)(?: any)?|no need for(?: any)?)\s+(?:background\s+)?(?:music|musik|muisc|musc|song|songs|track|audio|soundtrack|sound)\b|\bmusic\s*(?::|=|is|-)?\s*(?:none|no|nothing|off)\b|\bsilent\b/i;

/** A bare "none" when music is asked. */
export const NONE_WORDS = /^(?:none|nothing|no|nope|no thanks|none thanks|none please|n\/a)$/i;

/** "My own track" in plain words: the user will upload an MP3. */
export const CUSTOM_MUSIC =
  /\b(?:my own|our own|custom|upload(?:ing)?)\b.*\b(?:track|music|song|mp3|audio)\b/i;

/**
 * Words at the start of a clause that carry no value ("ok so", "hi", "please"). A greeting takes
 * the one word it is addressed to with it ("hi there", "hey team"): that word is never a name.
 */
export const FILLER =
  /^(?:(?:(?:hi|hello|hey|hiya|howdy)(?:\s+(?:there|team|all|everyone|everybody|folks|guys|y'all|bot))?|ok(?:ay)?|so|and|also|oh|hmm+|yes|yeah|yep|sure|alright|right|great|cool|fine|thanks|thank you|thx|please|pls|plz|well|then|now|good (?:morning|afternoon|evening)|lastly|finally|plus)\b[\s,.:;!-]*)+/i;

/** Correction markers: a clause that starts with one changes something already said. */
export const CORRECTION =
  /^(?:(?:actually|no wait|wait|oh wait|sorry|oops|scratch that|on second thought|hmm+|correction|i meant|sorry,? i meant|i mean|let me change that|change of plans?|not \S+)\b[\s,.:;!-]*)+/i;

/** Clauses that only talk about the ad, not a value ("new TikTok ad", "I'd like to make an ad"). */
export const ABOUT_THE_AD =
  /\b(?:ad|ads|campaign|campaigns|tiktok|create|make|draft|set up|setup|help|need|want|like|thanks|thank)\b/i;
