import type { BudgetSettings } from './budget';
import {
  callToActionChoices,
  ctaLabel,
  parseCallToAction,
  SUGGESTED_CALL_TO_ACTIONS,
} from './call-to-action';
import type { ObjectiveType } from './draft';
import { findHiddenCharacters, hiddenCharactersMessage } from './hidden-characters';
import { parseObjective } from './objective';
import { hasEmoji, tiktokLength } from './text-length';
import type { Violation } from './violation';

export { checkLandingPageUrl, type LandingPageOptions } from './landing-page';

/** Trims whitespace and one pair of surrounding quotes ("…", “…”, '…'): the change every value gets. */
function unquote(raw: string): string {
  const text = raw.trim();
  const m = /^(["“'‘`])([\s\S]*)(["”'’`])$/.exec(text);
  if (!m || text.length < 2) return text;
  const pairs: Record<string, string> = { '"': '"', '“': '”', "'": "'", '‘': '’', '`': '`' };
  return pairs[m[1] ?? ''] === m[3] ? (m[2] ?? '').trim() : text;
}

/** The start of a long value, for naming it in a refusal. */
function excerpt(value: string): string {
  return value.length > 40 ? `${value.slice(0, 39)}…` : value;
}

/** A checked field value, or the rule it broke. */
export type Checked<T> = { ok: true; value: T } | { ok: false; violation: Violation };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const fail = (field: Violation['field'], rule: string, message: string): Checked<never> => ({
  ok: false,
  violation: { field, rule, message },
});

/**
 * `campaign_name`: trimmed, 3..512 characters (CJK count 2), no emoji, no control or invisible
 * characters (`hidden-characters.ts`; refused naming each and its position).
 * Sources: this bot's rule (at least 3) and TikTok "Create a campaign" (≤ 512, CJK count 2, no
 * emoji: tiktok-business-api-sdk js_sdk/docs/CampaignCreateBody.md at c3a04b9).
 */
export function checkCampaignName(raw: string): Checked<string> {
  const hidden = findHiddenCharacters(unquote(raw));
  if (hidden.length > 0) {
    return fail(
      'campaign_name',
      'campaign_name.hidden_character',
      hiddenCharactersMessage('campaign name', hidden),
    );
  }
  const name = unquote(raw)
    .replace(/[\s.,;:!?]+$/u, '')
    .replace(/\s+/g, ' ');
  const length = tiktokLength(name);
  if (length < 3) {
    return fail(
      'campaign_name',
      'campaign_name.too_short',
      `The campaign name needs at least 3 characters ("${name}" has ${length}).`,
    );
  }
  if (length > 512) {
    return fail(
      'campaign_name',
      'campaign_name.too_long',
      `The campaign name "${excerpt(name)}" has ${length} characters; the most is 512. I kept the name as it was.`,
    );
  }
  if (hasEmoji(name)) {
    return fail(
      'campaign_name',
      'campaign_name.emoji',
      'TikTok does not allow emoji in campaign names.',
    );
  }
  return ok(name);
}

/**
 * `objective_type` from plain words and typos: Traffic (`TRAFFIC`) or Conversions
 * (`WEB_CONVERSIONS`); anything else ("app installs", "reach") is refused by name.
 * Source: the SDK's CampaignObjectiveType enum (yml_files/smart_plus_campaign_create.yml); only
 * these two is this bot's product choice.
 */
export function checkObjective(raw: string): Checked<ObjectiveType> {
  const objective = parseObjective(raw);
  if (!objective) {
    return fail(
      'objective_type',
      'objective_type.unsupported',
      `"${unquote(raw)}" is not an objective I can create: I can create Traffic or Conversions campaigns.`,
    );
  }
  return ok(objective);
}

/**
 * `ad_text`: 1..100 characters (CJK count 2), no emoji, no control or invisible characters
 * (`hidden-characters.ts`: NUL, ESC sequences, bidi controls such as U+202E). Kept exactly as
 * typed: only surrounding whitespace and one pair of surrounding quotes go, never punctuation: what
 * the user typed is what is sent. Source: TikTok "Create ads", `creatives[].ad_text`
 * (tiktok-business-api-sdk js_sdk/docs/AdcreateCreatives.md at c3a04b9; bububa model/ad/creative.go
 * `AdText`).
 */
export function checkAdText(raw: string): Checked<string> {
  const text = unquote(raw);
  const hidden = findHiddenCharacters(text);
  if (hidden.length > 0)
    return fail('ad_text', 'ad_text.hidden_character', hiddenCharactersMessage('ad text', hidden));
  const length = tiktokLength(text);
  if (length < 1) return fail('ad_text', 'ad_text.empty', 'The ad text cannot be empty.');
  if (length > 100) {
    return fail(
      'ad_text',
      'ad_text.too_long',
      `The ad text "${excerpt(text)}" has ${length} characters; the most is 100. Please shorten it; I kept the ad text as it was.`,
    );
  }
  if (hasEmoji(text))
    return fail('ad_text', 'ad_text.emoji', 'TikTok does not allow emoji in ad text.');
  return ok(text);
}

/**
 * `call_to_action`: one of TikTok's `CallToAction` values, from plain words ("Shop now").
 * Source: see `CALL_TO_ACTIONS` (SDK yml_files/smart_plus_ad_create.yml, enum CallToAction).
 */
export function checkCallToAction(raw: string): Checked<string> {
  const value = parseCallToAction(raw);
  const choices = value ? null : callToActionChoices(raw);
  if (choices) {
    const [a, b] = choices.map(ctaLabel);
    return fail(
      'call_to_action',
      'call_to_action.ambiguous',
      `Did you mean ${a} or ${b}? "${raw.trim()}" is close to both, so I left the call to action as it was.`,
    );
  }
  if (!value) {
    const examples = SUGGESTED_CALL_TO_ACTIONS.map(ctaLabel).join(', ');
    return fail(
      'call_to_action',
      'call_to_action.unknown',
      `"${raw.trim()}" is not a TikTok call to action. Try one of: ${examples}.`,
    );
  }
  return ok(value);
}

/**
 * `budget`: a daily amount between the TikTok minimum and our configured cap. Source: ad group
 * daily minimum 20 × currency ratio, TikTok "Budget verification ratio" (doc 1737585839634433);
 * the cap is this bot's setting (MAX_DAILY_BUDGET); cents rounding is ours.
 */
export function checkBudget(amount: number, settings: BudgetSettings): Checked<number> {
  if (!Number.isFinite(amount)) {
    return fail('budget', 'budget.invalid', 'The budget must be a number, e.g. 50.');
  }
  const rounded = Math.round(amount * 100) / 100;
  if (rounded < settings.min_daily) {
    return fail(
      'budget',
      'budget.below_minimum',
      `${rounded} ${settings.currency} a day is below TikTok's minimum of ${settings.min_daily} ${settings.currency} a day; the budget stays as it was.`,
    );
  }
  if (rounded > settings.max_daily) {
    return fail(
      'budget',
      'budget.above_cap',
      `${rounded} ${settings.currency} a day is over the cap of ${settings.max_daily} ${settings.currency} a day here; the budget stays as it was (an admin can raise MAX_DAILY_BUDGET).`,
    );
  }
  return ok(rounded);
}
