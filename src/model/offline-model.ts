import { CALL_TO_ACTIONS, ctaLabel } from '../ad/call-to-action';
import type { DraftField } from '../ad/draft';
import { emptyUpdates, type Turn, type TurnInput, type TurnModel, type TurnUpdates } from './turn';

/**
 * A deterministic model that needs no key: it reads plain phrasings with patterns, and takes
 * a bare answer as the answer to the question the bot just asked. It is the default when no
 * Gemini key is set, and what tests and the benchmark run. Like Gemini, it only proposes; the
 * engine's rules decide.
 *
 * Understands, for example: "I want to create a campaign called SoluLab for conversions",
 * "Use music_123", "No music needed", "Learn More", "budget 80", "change the ad text to …",
 * "https://example.com", "img_summer_1, img_summer_2", "submit", "start over", "status".
 */
export class OfflineTurnModel implements TurnModel {
  readonly name = 'offline';

  async propose(input: TurnInput): Promise<Turn> {
    return understand(input);
  }
}

const FIELD_WORDS: ReadonlyArray<[RegExp, keyof TurnUpdates]> = [
  [/^(campaign name|campaign|name)$/i, 'campaign_name'],
  [/^(objective|goal)$/i, 'objective'],
  [/^(ad text|text|copy|caption|headline)$/i, 'ad_text'],
  [/^(cta|call to action|button)$/i, 'call_to_action'],
  [/^(landing page|landing page url|url|link|website)$/i, 'landing_page_url'],
  [/^(daily budget|budget)$/i, 'budget'],
  [/^(music|music id|track|song)$/i, 'music_id'],
];
const FIELD_NAMES =
  'campaign name|campaign|name|objective|goal|ad text|text|copy|caption|headline|cta|call to action|button|landing page url|landing page|url|link|website|daily budget|budget|music id|music|track|song';
const SET_PATTERN = new RegExp(
  `^(?:please\\s+)?(?:change|set|make|update|switch)\\s+(?:the\\s+)?(${FIELD_NAMES})\\s+(?:to|=|:|as|into)\\s+(.+)$`,
  'i',
);
const LABEL_PATTERN = new RegExp(
  `^(${FIELD_NAMES})\\s*(?::|=|\\bis\\b|\\bshould (?:be|say|read)\\b)\\s*(.+)$`,
  'i',
);

const CTA_PHRASES: ReadonlyArray<[string, string]> = [
  ...CALL_TO_ACTIONS.map((v): [string, string] => [ctaLabel(v).toLowerCase(), v]),
  ['buy now', 'SHOP_NOW'],
  ['sign-up', 'SIGN_UP'],
];

/** Parses one message into a proposed turn. Pure and deterministic. */
export function understand(input: TurnInput): Turn {
  const message = input.message.trim();
  const updates = emptyUpdates();
  const intent = intentOf(message);
  if (intent === 'reset' || intent === 'show_status') return { message: '', intent, updates };

  const explicit = SET_PATTERN.exec(message) ?? LABEL_PATTERN.exec(message);
  if (explicit?.[1] && explicit[2]) {
    assign(updates, fieldOf(explicit[1]), explicit[2]);
    return done(intent, updates);
  }

  const asked = input.last_question;
  if (
    (asked === 'campaign_name' || asked === 'ad_text') &&
    intent === 'chat' &&
    !looksLikeSentenceWithDetails(message)
  ) {
    assign(updates, asked === 'ad_text' ? 'ad_text' : 'campaign_name', message);
    return done(intent, updates);
  }

  extractAll(message, updates);
  if (asked && isEmpty(updates) && intent === 'chat') answer(asked, message, updates);
  return done(intent, updates);
}

function done(intent: Turn['intent'], updates: TurnUpdates): Turn {
  const understood = !isEmpty(updates) || intent !== 'chat';
  return {
    message: understood ? '' : "Sorry, I didn't catch any ad details in that.",
    intent: intent === 'chat' && !isEmpty(updates) ? 'provide_details' : intent,
    updates,
  };
}

function intentOf(message: string): Turn['intent'] {
  if (/^(reset|start over|start again|begin again|cancel( (this|the) draft)?)[.!]*$/i.test(message))
    return 'reset';
  if (
    /^(status|where are we|what('s| is) (missing|left)|show( me)? the (draft|preview))[?.!]*$/i.test(
      message,
    )
  )
    return 'show_status';
  if (
    /\b(submit( it)?|ready to (submit|go|approve)|looks good|ship it|go ahead|send it( off)?|request approval)\b/i.test(
      message,
    )
  )
    return 'request_approval';
  return 'chat';
}

function looksLikeSentenceWithDetails(message: string): boolean {
  return /\bcampaign (called|named)\b|\bhttps?:\/\//i.test(message);
}

function fieldOf(word: string): keyof TurnUpdates {
  for (const [pattern, field] of FIELD_WORDS) if (pattern.test(word.trim())) return field;
  return 'campaign_name';
}

function strip(value: string): string {
  return value
    .trim()
    .replace(/^["“'‘]+|["”'’]+$/g, '')
    .replace(/[.!]+$/, '')
    .trim();
}

function assign(updates: TurnUpdates, field: keyof TurnUpdates, raw: string): void {
  const value = strip(raw);
  switch (field) {
    case 'budget':
      updates.budget = numberIn(value) ?? Number.NaN;
      return;
    case 'music_id':
      if (/^(none|no music|nothing)$/i.test(value)) updates.music = 'none';
      else updates.music_id = value.replace(/^music\s+(id\s+)?/i, '');
      return;
    case 'image_ids':
      updates.image_ids = mediaTokens(value);
      return;
    case 'music':
    case 'video_id':
      return;
    default:
      updates[field] = value;
  }
}

function extractAll(message: string, updates: TurnUpdates): void {
  const name =
    /\bcampaign\s+(?:called|named|titled)\s+["“']?(.+?)["”']?(?=\s+(?:for|with|to|and|that|which|targeting)\b|[,.!?;]|$)/i.exec(
      message,
    );
  if (name?.[1]) updates.campaign_name = name[1].trim();

  const objective =
    /\bfor\s+(traffic|conversions?|sales|website visits|clicks|reach|awareness|app installs|video views|engagement|leads)\b/i.exec(
      message,
    ) ??
    /\b(traffic|conversions?)\s+(?:campaign|objective|ad)\b/i.exec(message) ??
    /\bobjective\s+(?:is\s+|of\s+)?(\w+)/i.exec(message);
  if (objective?.[1]) updates.objective = objective[1];

  if (
    /\b(no music|without music|no (background )?(track|song|audio)|skip (the )?music)\b/i.test(
      message,
    )
  ) {
    updates.music = 'none';
  } else {
    const id =
      /\b(music_[a-z0-9_]+)\b/i.exec(message) ??
      /\b(?:use|with|music(?:\s+id)?)\s+(?:music\s+)?(?:id\s+)?#?(\d{1,20})\b/i.exec(message);
    if (id?.[1]) updates.music_id = id[1];
    else if (/\b(my own|custom|upload(ing)?)\b.*\b(track|music|song|mp3|audio)\b/i.test(message))
      updates.music = 'custom';
  }

  const lower = ` ${message.toLowerCase().replace(/[^a-z0-9 -]+/g, ' ')} `;
  for (const [phrase, value] of CTA_PHRASES) {
    if (lower.includes(` ${phrase} `)) {
      updates.call_to_action = value;
      break;
    }
  }

  const url =
    /\bhttps?:\/\/[^\s<>]+/i.exec(message) ??
    /\b(?:[a-z0-9-]+\.)+(?:com|io|net|org|co|ai|app|shop|store|dev|us|uk|de)(?:\/[^\s]*)?(?=\s|$|[,;!?])/i.exec(
      message,
    );
  if (url?.[0]) updates.landing_page_url = url[0];

  const budget =
    /\bbudget\b\D{0,20}(\d+(?:[.,]\d+)?)/i.exec(message) ??
    /\$\s?(\d+(?:\.\d+)?)/.exec(message) ??
    /(\d+(?:\.\d+)?)\s*(?:usd|dollars|eur|euros?)\b/i.exec(message);
  if (budget?.[1]) updates.budget = Number(budget[1].replace(',', '.'));

  const media = message.match(/\b(?:img|vid|image|video)_[a-z0-9_-]+\b/gi);
  if (media && media.length > 0) updates.image_ids = [...new Set(media)];
}

/** A bare reply taken as the answer to the question the bot asked. */
function answer(field: DraftField, message: string, updates: TurnUpdates): void {
  switch (field) {
    case 'objective_type':
      updates.objective = strip(message);
      return;
    case 'call_to_action':
      updates.call_to_action = strip(message);
      return;
    case 'landing_page_url':
      updates.landing_page_url = strip(message);
      return;
    case 'budget':
      updates.budget = numberIn(message) ?? Number.NaN;
      return;
    case 'music':
      if (/^[\w-]+$/.test(strip(message))) updates.music_id = strip(message);
      return;
    case 'media':
      updates.image_ids = mediaTokens(message);
      return;
    case 'campaign_name':
      updates.campaign_name = strip(message);
      return;
    case 'ad_text':
      updates.ad_text = strip(message);
      return;
  }
}

const STOP_WORDS = new Set([
  'and',
  'the',
  'use',
  'with',
  'please',
  'images',
  'image',
  'video',
  'videos',
  'pick',
  'those',
  'these',
  'then',
]);

function mediaTokens(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((t) => t.replace(/[.!?]+$/, ''))
        .filter((t) => /^[\w-]{3,}$/.test(t) && !STOP_WORDS.has(t.toLowerCase())),
    ),
  ];
}

function numberIn(text: string): number | null {
  const m = /(\d+(?:[.,]\d+)?)/.exec(text);
  return m?.[1] ? Number(m[1].replace(',', '.')) : null;
}

function isEmpty(updates: TurnUpdates): boolean {
  return Object.values(updates).every((v) => v === null);
}
