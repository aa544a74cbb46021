import type { ObjectiveType } from './draft';

/** How each objective is called in chat. */
export const OBJECTIVE_LABELS: Record<ObjectiveType, string> = {
  TRAFFIC: 'Traffic',
  WEB_CONVERSIONS: 'Conversions',
};

const WORDS: ReadonlyArray<[RegExp, ObjectiveType]> = [
  [/^(traffic|clicks?|website (visits|traffic)|visits|drive traffic)$/, 'TRAFFIC'],
  [
    /^(web[ _]?)?conversions?$|^(sales|purchases|website conversions|leads? to sales)$/,
    'WEB_CONVERSIONS',
  ],
];

/**
 * Reads an objective from plain words ("traffic", "Conversions", "WEB_CONVERSIONS", "sales").
 * Returns `null` for anything else (e.g. "reach", "app installs"): this bot creates only
 * `TRAFFIC` and `WEB_CONVERSIONS` campaigns (TikTok "Create a campaign", `objective_type`).
 */
export function parseObjective(words: string): ObjectiveType | null {
  const plain = words
    .trim()
    .toLowerCase()
    .replace(/^(the |an? )?(objective|goal)( is|:)?\s*/, '')
    .replace(/[.!]+$/, '')
    .trim();
  for (const [pattern, objective] of WORDS) if (pattern.test(plain)) return objective;
  return null;
}
