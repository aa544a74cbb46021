import { closestWord } from '../text/fuzzy';
import type { ObjectiveType } from './draft';

/** How each objective is called in chat. */
export const OBJECTIVE_LABELS: Record<ObjectiveType, string> = {
  TRAFFIC: 'Traffic',
  WEB_CONVERSIONS: 'Conversions',
};

const WORDS: ReadonlyArray<[RegExp, ObjectiveType]> = [
  [
    /^(traffic|clicks?|website (visits|traffic)|site visits|visits|visitors|drive traffic|traffic to (my|our|the) (site|website))$/,
    'TRAFFIC',
  ],
  [
    /^(web[ _]?)?conversions?$|^(sales|purchases|orders|sign[- ]?ups|leads|buyers|registrations|website conversions|leads? to sales)$/,
    'WEB_CONVERSIONS',
  ],
];

/** Single words a typo is matched against ("convertions", "trafic"). */
const TYPO_TARGETS: ReadonlyArray<[string, ObjectiveType]> = [
  ['traffic', 'TRAFFIC'],
  ['conversions', 'WEB_CONVERSIONS'],
  ['conversion', 'WEB_CONVERSIONS'],
];

/**
 * Reads an objective from plain words ("traffic", "Conversions", "WEB_CONVERSIONS", "sales",
 * "visitors", "sign-ups") and typos of the two names within a small edit distance
 * ("convertions", "trafic"), whichever model proposed them.
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
  const near = closestWord(
    plain,
    TYPO_TARGETS.map(([w]) => w),
  );
  return TYPO_TARGETS.find(([w]) => w === near)?.[1] ?? null;
}
