import { distance } from 'fastest-levenshtein';

/**
 * Edit distance for typos: Levenshtein (`fastest-levenshtein`), except that two equal-length
 * words differing only by one swap of neighbouring letters ("nwo"/"now", "muisc"/"music")
 * count 1, as a person sees it (the Damerau transposition).
 */
export function typoDistance(a: string, b: string): number {
  if (a.length === b.length && a.length > 1) {
    const diff: number[] = [];
    for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
    const [i, j] = diff;
    if (diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i])
      return 1;
  }
  return distance(a, b);
}

/** Edits tolerated for a word of `length` letters: none under 4, 1 up to 6, 2 from 7. */
export function allowedEdits(length: number): number {
  if (length < 4) return 0;
  return length < 7 ? 1 : 2;
}

/** What a typo matched: one candidate, or two of different meaning it is about as close to. */
export type TypoMatch =
  | { kind: 'match'; candidate: string; distance: number }
  | { kind: 'ambiguous'; candidates: [string, string] };

/** Options of {@link matchTypo}. */
export interface TypoOptions {
  /** Candidates with the same meaning are one choice ("sign up" and "signup"); default: same letters. */
  meaning?: (candidate: string) => string;
  /** Edits the best candidate may be away; default {@link allowedEdits} of the word's length. */
  maxEdits?: number;
}

/**
 * Matches `word` against `candidates` by {@link typoDistance} (lower case, letters and digits
 * only). The closest candidate matches when it is within `maxEdits` and no candidate of another
 * meaning is about as close: a second one within {@link allowedEdits} at the same distance, or
 * one edit further when the best changes the first letter and that one keeps it (people seldom
 * mistype the first letter: "lead more" is as likely Learn more as Read more). Then both are
 * returned as `ambiguous`, for a "Did you mean X or Y?". `null` when nothing is close.
 */
export function matchTypo(
  word: string,
  candidates: readonly string[],
  options: TypoOptions = {},
): TypoMatch | null {
  const w = compact(word);
  if (w === '') return null;
  const meaning = options.meaning ?? compact;
  const ranked = candidates
    .map((candidate) => ({ candidate, distance: typoDistance(w, compact(candidate)) }))
    .sort((a, b) => a.distance - b.distance);
  const best = ranked[0];
  if (!best || best.distance > (options.maxEdits ?? allowedEdits(w.length))) return null;
  const rival = ranked.find((r) => meaning(r.candidate) !== meaning(best.candidate));
  const first = (c: string) => compact(c)[0] === w[0];
  if (
    rival &&
    rival.distance <= allowedEdits(w.length) &&
    (rival.distance === best.distance ||
      (rival.distance === best.distance + 1 && !first(best.candidate) && first(rival.candidate)))
  )
    return { kind: 'ambiguous', candidates: [best.candidate, rival.candidate] };
  return { kind: 'match', candidate: best.candidate, distance: best.distance };
}

/**
 * The candidate closest to `word` within {@link allowedEdits}, when {@link matchTypo} finds
 * one unambiguously (an ambiguous typo matches nothing). Returns the matched candidate as
 * given, or `null`.
 */
export function closestWord(word: string, candidates: readonly string[]): string | null {
  const match = matchTypo(word, candidates);
  return match?.kind === 'match' ? match.candidate : null;
}

/** Lower case, letters and digits only: "Shop-now!" → "shopnow". */
export function compact(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}
