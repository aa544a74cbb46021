import type { CallToAction } from '../../ad/call-to-action';
import { closestWord, compact, matchTypo } from '../../text/fuzzy';
import {
  type Amount,
  findAmounts,
  findMediaIds,
  findMusicIds,
  findQuotes,
  findUrls,
} from './entities';
import { stripTrailingPunctuation, unquote } from './normalise';
import {
  CTA_PHRASES,
  CUSTOM_MUSIC,
  GOAL_CUES,
  GOAL_VERB,
  GOAL_VERBS,
  GOAL_WORDS,
  GOALS,
  NO_MUSIC,
  NONE_WORDS,
  UNSUPPORTED_GOALS,
  WEAK_CTA_PHRASES,
} from './vocabulary';

/**
 * Stage 4 helpers (fill slots): read one field's value from a piece of text. `loose` means the
 * text is known to be about that field (it had the label, or it answers that question), so
 * typos are matched by edit distance and weak words count.
 */

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * A phrase matcher: whole words, spaces or hyphens between them, any case. `exec` skips the
 * regular expression when the lower-cased text lacks the phrase's first word (most do).
 */
const phrase = (words: string) => {
  const re = new RegExp(
    `(?<![\\w-])${escapeRegExp(words).replace(/\\? /g, '[\\s-]+')}(?![\\w-])`,
    'i',
  );
  const key = words.toLowerCase().split(/[\s-]/)[0] ?? '';
  return { exec: (text: string, lower: string) => (lower.includes(key) ? re.exec(text) : null) };
};

const GOAL_PATTERNS = [...GOALS]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([w, o]) => [phrase(w), o] as const);
const UNSUPPORTED_PATTERNS = [...UNSUPPORTED_GOALS]
  .sort((a, b) => b.length - a.length)
  .map((w) => [phrase(w), w] as const);
const CTA_PATTERNS = [...CTA_PHRASES]
  .sort((a, b) => b[0].length - a[0].length)
  .map(([w, v]) => [phrase(w), w, v] as const);

/** An objective found in text: a supported one, or the unsupported goal as written. */
export type ObjectiveValue = { value: 'traffic' | 'conversions' | string; at: number; end: number };

/**
 * The goal in `text`. Without `loose`, a goal word counts only after a cue ("for sales",
 * "I want sales", "drive visitors") or before "campaign"/"objective", or when it is all the
 * text says. With `loose`, typos of the goal words count too ("convertions", "trafic"), and
 * anything else comes back as written, for the rules to refuse by name.
 */
export function readObjective(text: string, loose: boolean): ObjectiveValue | null {
  const candidates: ObjectiveValue[] = [];
  const lower = text.toLowerCase();
  for (const [pattern, objective] of GOAL_PATTERNS) {
    const m = pattern.exec(text, lower);
    if (m && (loose || cued(text, m.index, m.index + m[0].length)))
      candidates.push({ value: objective, at: m.index, end: m.index + m[0].length });
  }
  const verb = GOAL_VERB.exec(text);
  const verbGoal = verb?.[1] ? GOAL_VERBS[verb[1].toLowerCase().replace(/\s+/g, ' ')] : undefined;
  // "visit" is Traffic only for a web page ("people to visit our store" is not).
  const offWeb =
    verbGoal === 'traffic' &&
    /^visit/i.test(verb?.[1] ?? '') &&
    !/^\s+(?:(?:our|my|the)\s+)?(?:web\s*site|site|page|blog|online|shop online)\b/i.test(
      text.slice((verb?.index ?? 0) + (verb?.[0].length ?? 0)),
    );
  if (verb && verbGoal && !offWeb)
    candidates.push({ value: verbGoal, at: verb.index, end: verb.index + verb[0].length });
  for (const [pattern, words] of UNSUPPORTED_PATTERNS) {
    const m = pattern.exec(text, lower);
    if (m && (loose || cued(text, m.index, m.index + m[0].length)))
      candidates.push({ value: words, at: m.index, end: m.index + m[0].length });
  }
  if (candidates.length === 0) {
    for (const m of text.matchAll(/[a-z][a-z-]{3,}/gi)) {
      const at = m.index ?? 0;
      if (!loose && !cued(text, at, at + m[0].length)) continue;
      const word = closestWord(m[0], GOAL_WORDS);
      const goal = word ? GOALS.find(([w]) => w === word)?.[1] : undefined;
      if (goal) candidates.push({ value: goal, at, end: at + m[0].length });
    }
  }
  candidates.sort((a, b) => a.at - b.at || b.end - a.end);
  const first = candidates[0];
  if (first) return first;
  if (!loose) return null;
  const raw = stripTrailingPunctuation(unquote(text));
  return raw ? { value: raw, at: 0, end: text.length } : null;
}

function cued(text: string, start: number, end: number): boolean {
  const before = text.slice(0, start);
  const after = text.slice(end);
  if (GOAL_CUES.test(before)) return true;
  if (/^\s+(?:campaign|objective|ad|ads|goal)\b/i.test(after)) return true;
  const rest = `${before} ${after}`.replace(
    /\b(?:pls|please|then|thanks|campaign|more|ok|okay|i guess|is the goal)\b/gi,
    '',
  );
  return rest.replace(/[\s.,!?:;-]+/g, '') === '';
}

/**
 * A TikTok call to action in `text`: a label or synonym anywhere ("use order now as the
 * button"), a word run together ("learnmore"), a one-letter typo of a label in a clause that
 * says little else ("shop nwo", "lern more button"), or with `loose` a bigger typo or a single
 * word ("subscribe"). An ambiguous typo ("lead more": Read more or Learn more) matches nothing
 * (the ad rules then ask "Did you mean …?"). Returns the TikTok value and where it was found.
 */
export function readCallToAction(
  text: string,
  loose: boolean,
): { value: CallToAction; at: number; end: number } | null {
  const lower = text.toLowerCase();
  for (const [pattern, words, value] of CTA_PATTERNS) {
    const m = pattern.exec(text, lower);
    if (!m) continue;
    const end = m.index + m[0].length;
    if (!loose && WEAK_CTA_PHRASES.has(words) && !ctaContext(text, m.index, end)) continue;
    return { value, at: m.index, end };
  }
  const bare = callToActionWords(text);
  if (bare === null) return null;
  const labels = CTA_PHRASES.filter(([w]) => loose || !WEAK_CTA_PHRASES.has(w));
  const joined = compact(bare);
  const exact = labels.find(([w]) => compact(w) === joined);
  if (exact) return { value: exact[1], at: 0, end: text.length };
  if (!loose && joined.length < 6) return null;
  const ctaOf = (w: string) => labels.find(([l]) => l === w)?.[1] ?? w;
  const near = matchTypo(
    joined,
    labels.map(([w]) => w),
    { meaning: ctaOf, ...(loose ? {} : { maxEdits: 1 }) },
  );
  return near?.kind === 'match'
    ? { value: ctaOf(near.candidate) as CallToAction, at: 0, end: text.length }
    : null;
}

/**
 * The words of `text` that could name a call to action, without "button", "cta", "use",
 * "please" and the like; `null` when nothing or more than three words are left.
 */
export function callToActionWords(text: string): string | null {
  const bare = text
    .replace(
      /\b(?:the|a|an|as|use|button|cta|call to action|please|pls|thanks|i think|would be great|maybe|with|then|ok|okay|should be|is|says)\b/gi,
      ' ',
    )
    .replace(/[.!?,;:"'“”]+/g, ' ')
    .trim();
  const words = bare.split(/\s+/).filter(Boolean);
  return words.length === 0 || words.length > 3 ? null : bare;
}

/** A single CTA word counts with "button"/"CTA" next to it, or when it is all the clause says. */
function ctaContext(text: string, start: number, end: number): boolean {
  if (/\b(?:button|cta|call to action)\b/i.test(text)) return true;
  const rest = (text.slice(0, start) + text.slice(end)).replace(
    /\b(?:please|pls|use|then|ok|okay|i think|thanks)\b/gi,
    '',
  );
  return rest.replace(/[\s.,!?:;-]+/g, '') === '';
}

/** What a music answer says: no music, the user's own track, or a TikTok music id. */
export type MusicValue =
  | { kind: 'none' }
  | { kind: 'custom' }
  | { kind: 'existing'; music_id: string };

/** Music in `text`; with `loose`, "none" alone and a bare id-like token count too. */
export function readMusic(text: string, loose: boolean): MusicValue | null {
  if (NO_MUSIC.test(text)) return { kind: 'none' };
  const id = findMusicIds(text)[0];
  if (id) return { kind: 'existing', music_id: id.value };
  if (CUSTOM_MUSIC.test(text)) return { kind: 'custom' };
  if (!loose) return null;
  const plain = stripTrailingPunctuation(unquote(text))
    .replace(/\b(?:please|pls|thanks|use|let'?s use|ok)\b/gi, '')
    .trim();
  if (NONE_WORDS.test(plain) || /^(?:none|no)\b/i.test(plain)) return { kind: 'none' };
  if (/^[\w-]{3,}$/.test(plain)) return { kind: 'existing', music_id: plain };
  return null;
}

/** The first web address in `text`, without trailing sentence punctuation or quotes. */
export function readUrl(text: string, loose: boolean): string | null {
  const url = findUrls(text)[0];
  if (url) return url.value;
  if (!loose) return null;
  const raw = stripTrailingPunctuation(unquote(text));
  return raw === '' ? null : raw;
}

/**
 * The budget amount `text` names: the one said per day, else the one with a currency, else
 * the only number (with `loose` or a budget word). `period` tells daily from total.
 */
export function readBudget(text: string, loose: boolean): Amount | null {
  const amounts = findAmounts(text).map((a) => a.value);
  const daily = amounts.find((a) => a.period === 'daily');
  if (daily) return daily;
  const total = amounts.find((a) => a.period === 'total');
  if (total) return total;
  const withCurrency = amounts.find((a) => a.currency);
  if (withCurrency) return withCurrency;
  return loose || /\bbudget\b|\bspend\b/i.test(text) ? (amounts[0] ?? null) : null;
}

const MEDIA_NOUN =
  /\b(?:videos?|clips?|images?|photos?|pictures?|pics?|(?:vertical|horizontal|landscape|portrait|square) ones?)\b/i;
const POINTING =
  /^(?:(?:ok(?:ay)?|then|please|pls|let'?s)[\s,]+)*(?:(?:use|pick|take|choose|go with)\s+)?(?:the|those|these|both|all|my|our)\b/i;
const POSITIONS = /^(?:#?\d{1,2})(?:\s*(?:,|and|&)\s*#?\d{1,2})*$/;
const ORDINAL_PICK =
  /^(?:(?:use|pick|take)\s+)?the\s+(?:first|last)(?:\s+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}))?(?:\s+ones?)?$/i;

/**
 * True when a whole message points at library media rather than giving a value: "the summer
 * video", "use the vertical ones", "#1 and #3", "the first two". Such a line never answers a
 * campaign-name or ad-text question (the engine picks from the library list).
 * At most 8 words; `#`-less bare numbers only as a list ("1, 3"), never a single number.
 */
export function isMediaReference(text: string): boolean {
  const t = text.trim().replace(/[.!]+$/, '');
  if (t === '' || t.split(/\s+/).length > 8) return false;
  if (POSITIONS.test(t)) return t.includes('#') || /[,&]|\band\b/.test(t);
  if (ORDINAL_PICK.test(t)) return true;
  if (!MEDIA_NOUN.test(t) || !POINTING.test(t)) return false;
  // What is left besides pointing words, shapes and the noun names the file ("summer"): one or
  // two words, so "The best photos of your life, printed" stays an ad text.
  const rest = t
    .replace(MEDIA_NOUN, ' ')
    .replace(POINTING, ' ')
    .replace(
      /\b(?:ok(?:ay)?|then|please|pls|let'?s|use|pick|take|choose|go|with|the|and|or|vertical|horizontal|landscape|portrait|square|new|one|ones|first|last|two|three)\b/gi,
      ' ',
    )
    .replace(/[\s,]+/g, ' ')
    .trim();
  return rest === '' || rest.split(' ').length <= 2;
}

/** Library ids in `text`, in order, without repeats; with `loose`, plain tokens if there are none. */
export function readMedia(text: string, loose: boolean): string[] {
  const ids = [...new Set(findMediaIds(text).map((m) => m.value))];
  if (ids.length > 0 || !loose) return ids;
  return [
    ...new Set(
      text
        .split(/[\s,;]+/)
        .map((t) => stripTrailingPunctuation(unquote(t)))
        .filter(
          (t) =>
            /^[\w-]{3,}$/.test(t) &&
            !/^(?:and|the|use|with|please|images?|videos?|pick|those|these|then|ok)$/i.test(t),
        ),
    ),
  ];
}

const GOAL_ALTERNATIVES = [...GOALS.map(([w]) => w), ...UNSUPPORTED_GOALS, 'more', 'our', 'my']
  .map(escapeRegExp)
  .join('|');
/** Where a name said in a sentence ends: " for sales", " targeting …", " and want …", " with music_…". */
const NAME_STOP = new RegExp(
  `\\s+(?:${[
    `(?:for|to get|to drive|for more|to)\\s+(?:(?:more|the|our|my|a|an)\\s+)*(?:${GOAL_ALTERNATIVES})\\b`,
    'targeting\\b',
    'and\\s+(?:we\\s+|i\\s+)?(?:want|need|would like|hope)\\b',
    // "Rosie's Crumbs and we just launched …": the sentence goes on about the business.
    "(?:and|so|because|since|as|but)\\s+(?:we|i|we've|we're|we'd|i'm|i've|i'd|it's|they)\\b",
    '(?:with|and|using)\\s+(?:no\\s+music|music_|https?:|img_|vid_)',
  ].join('|')})`,
  'i',
);

/** "my bakery " in "my bakery Sweet Crumbs": what the business is, said before its name. */
const DESCRIBED = /^(?:[Mm]y|[Oo]ur)\s+(?:[a-z][\w'’-]*\s+){1,3}(?=[A-Z0-9"“'‘])/;

/**
 * A campaign name as typed, cut where the sentence moves on (" for sales", " to drive
 * visitors", " targeting …", " instead"), without surrounding quotes or trailing punctuation.
 * Returns the name and the offset (within `text`) where the rest starts.
 */
export function readName(text: string): { name: string; restAt: number } {
  const lead = text.length - text.trimStart().length;
  const quoted = findQuotes(text).find((q) => q.start === lead);
  if (quoted && quoted.value.trim() !== '')
    return { name: quoted.value.trim(), restAt: quoted.end };
  const m = NAME_STOP.exec(text);
  let cut = m ? m.index : text.length;
  for (const typo of text.matchAll(/\s+(?:for|to)\s+(?:(?:more|the|our|my)\s+)*([a-z-]{4,})\b/gi)) {
    if ((typo.index ?? cut) >= cut) break;
    if (closestWord(typo[1] ?? '', GOAL_WORDS)) {
      cut = typo.index ?? cut;
      break;
    }
  }
  const name = stripTrailingPunctuation(unquote(text.slice(0, cut)))
    .replace(/\s+(?:instead|please|pls|thanks|thank you|then|campaign)$/i, '')
    // "the name is just Winter Jackets 2025": "just" belongs to the correction, not the name.
    .replace(/^(?:just|simply|only)\s+(?=\S)/, '')
    .replace(DESCRIBED, '')
    .trim();
  return { name: stripTrailingPunctuation(name), restAt: cut };
}
