/**
 * Budget settings the rules check against. Amounts are daily, in the advertiser's currency
 * (floats, not cents: TikTok "Create an ad group", `budget`).
 * - `min_daily`: TikTok's ad group daily minimum, 20 × the currency ratio (USD 20). Source:
 *   TikTok "Budget verification ratio" (doc 1737585839634433).
 * - `max_daily`: our own spend cap from settings; TikTok's ceiling is far higher.
 * - `default_daily`: used when the user names no budget; `null` makes the bot ask.
 */
export interface BudgetSettings {
  min_daily: number;
  max_daily: number;
  default_daily: number | null;
  currency: string;
}
