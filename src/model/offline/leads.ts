import type { Clause } from './clauses';
import { findAmounts, findMediaIds, findMusicIds, findUrls } from './entities';
import { leadOf } from './labels';
import { stripTrailingPunctuation } from './normalise';
import { readBudget, readCallToAction, readMusic, readName, readObjective } from './values';
import { ABOUT_THE_AD, type SlotField } from './vocabulary';

/** Stage 4 helpers: what a clause starts with, and names and goals inside a clause. */

/**
 * {@link leadOf}, except that a shaped field's label without a delimiter counts only when a
 * value of that field follows ("website visits" is a goal, not a landing page).
 */
export function leadIn(text: string): ReturnType<typeof leadOf> {
  const lead = leadOf(text);
  if (
    lead?.kind === 'label' &&
    !lead.delimited &&
    !lead.correction &&
    lead.field !== 'campaign_name' &&
    lead.field !== 'ad_text' &&
    !parses(lead.field, text.slice(lead.valueStart))
  )
    return null;
  return lead;
}

/**
 * "campaign called X", "named X", "campaign X", "X campaign", "set up X", "launching X": a name
 * inside a clause.
 */
export function nameIn(part: string): { name: string; at: number; end: number } | null {
  // "it's for our Spring Denim launch", "for our Puppy Picks campaign": the capitalised words
  // before the word for the occasion.
  const occasion =
    /\bfor\s+(?:our|my|the)\s+((?:[A-Z0-9][\w&'’-]*\s+)*?[A-Z0-9][\w&'’-]*)\s+(?:launch|campaign|sale|promo|drop|release|event|collection|opening)\b/.exec(
      part,
    );
  if (occasion?.[1] && plausibleName(occasion[1]))
    return { name: occasion[1], at: occasion.index, end: occasion.index + occasion[0].length };
  const patterns = [
    /\b(?:called|named|titled)\s+/i,
    /\b(?:[Ll]aunching|[Pp]romoting|[Aa]dvertising|[Oo]pening)\s+(?:(?:our|my|the|a|an|new)\s+)*(?=["“'‘]|[A-Z])/,
    // "an ad for Sweet Crumbs", "an ad for my bakery Sweet Crumbs" (what the business is, then
    // its name in capitals).
    /\b(?:an?\s+)?(?:tiktok\s+)?(?:ad|campaign)\s+for\s+(?:(?:my|our)\s+(?:[a-z][\w'’-]*\s+){1,3})?(?=["“'‘]|[A-Z])/,
    /\bcampaign(?:\s+name)?(?:\s*(?:is|:|=))?\s+(?=["“'‘]|[A-Z0-9])/,
    /^(?:please\s+)?(?:create|set up|setup|make|start|launch|build|run)\s+(?:me\s+)?(?:(?:a|an|the|our|my|new|tiktok)\s+)*(?:(?:traffic|conversions?)\s+)?(?:(?:campaign|ad)\s+)?(?=["“'‘]|[A-Z])/i,
  ];
  for (const pattern of patterns) {
    const m = pattern.exec(part);
    if (!m) continue;
    const at = m.index + m[0].length;
    const { name, restAt } = readName(part.slice(at));
    if (name.length > 0 && !/^(?:please|pls|a|an|the|for|to|with)$/i.test(name))
      return { name, at: m.index, end: at + restAt };
  }
  const before = /^\s*([A-Z0-9][\w&'’ -]{1,60}?)\s+campaign\b/.exec(part);
  if (
    before?.[1] &&
    !/^(?:a|an|the|new|my|our|traffic|conversions?|sales|tiktok|website traffic)$/i.test(
      before[1].trim(),
    )
  ) {
    const name = stripTrailingPunctuation(before[1].trim());
    if (!readObjective(name, false)) return { name, at: 0, end: before[0].length };
  }
  return null;
}

/** True when the text says nothing but a goal ("traffic", "more sales pls"). */
export function onlyGoal(text: string): boolean {
  const goal = readObjective(text, false);
  if (!goal) return false;
  const rest = text.slice(0, goal.at) + text.slice(goal.end);
  return /^[\s.,!?:;-]*(?:(?:ok|okay|pls|please|then|more|campaign|i want|we want|for)[\s.,!?:;-]*)*$/i.test(
    rest,
  );
}

/** A goal in a correction ("make it trafic"): typos count, but only Traffic or Conversions. */
export function looseGoal(part: string) {
  const goal = readObjective(part, true);
  return goal && (goal.value === 'traffic' || goal.value === 'conversions') ? goal : null;
}

/** True when `value` holds a value of the shaped `field` (a goal, a CTA, music, an address, an amount, ids). */
export function parses(field: SlotField, value: string): boolean {
  switch (field) {
    case 'objective':
      return readObjective(value, false) !== null;
    case 'call_to_action':
      return readCallToAction(value, true) !== null;
    case 'music':
      return readMusic(value, false) !== null;
    case 'landing_page_url':
      return findUrls(value).length > 0;
    case 'budget':
      return readBudget(value, true) !== null;
    case 'media':
      return findMediaIds(value).length > 0;
    default:
      return false;
  }
}

/**
 * A name said first, before the rest of the message: "Summer Sale for traffic", "Hiking
 * Trails Guide for trafic", "Fitness Blog: get people to my website". The first clause of a
 * message that starts with a plausible name and goes on with a goal ("for traffic") or after a
 * colon. Returns the name and the rest of the clause (`null` when nothing is left), or `null`
 * when the clause does not start so ("Sale for traffic" is a goal, "I want sales" no name).
 */
export function leadingName(clause: Clause): { name: string; rest: Clause | null } | null {
  const { text } = clause;
  const goal = readName(text);
  const colon = /^([^:]{3,60}?)\s*:\s+/.exec(text);
  let name = '';
  let restAt = text.length;
  if (colon?.[1] && /^["“'‘A-Z0-9]/.test(colon[1]) && leadOf(colon[1]) === null) {
    name = readName(colon[1]).name;
    restAt = colon[0].length;
  } else if (goal.restAt < text.length && /^\s+(?:for|to)\b/i.test(text.slice(goal.restAt))) {
    name = goal.name;
    restAt = goal.restAt;
  }
  if (!plausibleName(name)) return null;
  const raw = text.slice(restAt);
  const lead = raw.length - raw.trimStart().length;
  const value = raw.trim();
  const start = clause.start + restAt + lead;
  return {
    name,
    rest: value === '' ? null : { start, end: start + value.length, text: value },
  };
}

/** Words that can be a campaign name said without a label: short, not a goal, a request or a value. */
export function plausibleName(name: string): boolean {
  const words = name.split(/\s+/).filter(Boolean);
  if (name.length < 3 || words.length > 6) return false;
  if (ABOUT_THE_AD.test(name) || readObjective(name, false) !== null) return false;
  if (/^(?:i|i'm|i'd|we|we're|we'd|you|it|it's|this|that|they|my|our|so|just|let'?s)\b/i.test(name))
    return false;
  if (
    /^(?:update|note|edit|fyi|ps|also|change|changes|correction|reminder|question|idea|info|details|request|brief)$/i.test(
      name,
    )
  )
    return false;
  const shaped = [...findUrls(name), ...findMusicIds(name), ...findMediaIds(name)];
  const money = findAmounts(name).some((a) => a.value.currency || a.value.period !== null);
  return shaped.length === 0 && !money && leadOf(name) === null;
}
